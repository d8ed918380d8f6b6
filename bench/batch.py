"""Documents a second of the batch command on 1 and 2 processes over the PolNeAR dev texts.

    .venv/bin/python bench/batch.py [--repeat 5] [--rounds 2]

The input is JSONL, one single-document request per dev article, the 84 articles repeated ``--repeat`` times
(distinct ids), explain on. Each figure is the wall time of the whole command, ``python -m model batch IN OUT
--workers N``, start-up included (best of ``--rounds``), beside the start-up alone (the same command on one
record). The answers of every run must be byte-identical: order is kept whatever the number of processes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, Tee, machine_line, pin_threads, require_polnear, save, words


def timed_run(src: Path, out: Path, workers: int) -> float:
    cmd = [sys.executable, "-m", "model", "batch", str(src), str(out), "--workers", str(workers), "--overwrite"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"batch failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="times the 84 dev articles are repeated")
    ap.add_argument("--rounds", type=int, default=2, help="runs per figure; the fastest counts")
    ap.add_argument("--save", default="batch.txt", help="results file under bench/results ('' to not record)")
    args = ap.parse_args()
    pin_threads()
    texts = require_polnear()
    out = Tee()
    out(machine_line())
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        src, one = tmp_path / "in.jsonl", tmp_path / "one.jsonl"
        records = [{"id": f"r{r}-{i}", "text": t} for r in range(args.repeat) for i, t in enumerate(texts)]
        src.write_text("".join(json.dumps(rec) + "\n" for rec in records), encoding="utf-8")
        one.write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
        n_words = sum(words(r["text"]) for r in records)
        out(f"input: {len(records)} records ({len(texts)} PolNeAR dev articles x {args.repeat}), {n_words:,} words, "
            f"explain on")
        startup = min(timed_run(one, tmp_path / "one-out.jsonl", 1) for _ in range(args.rounds))
        out(f"start-up alone (1 record, 1 process): {startup:.2f} s")
        answers = set()
        for workers in (1, 2):
            best = min(timed_run(src, tmp_path / f"out{workers}.jsonl", workers) for _ in range(args.rounds))
            answers.add((tmp_path / f"out{workers}.jsonl").read_bytes())
            out(f"{workers} process{'es' if workers > 1 else ''}: {best:.2f} s, {len(records) / best:.1f} documents/s, "
                f"{n_words / best:,.0f} words/s (start-up included; "
                f"{len(records) / max(best - startup, 1e-9):.1f} documents/s without it)")
        out(f"answers identical across process counts: {len(answers) == 1}")
    out(machine_line())
    if args.save:
        print(f"recorded in {save(args.save, out.text()).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
