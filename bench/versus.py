"""Words/s of this checkout against an earlier revision, through the same path, in one run.

    .venv/bin/python bench/versus.py REVISION [--rounds 5]

The revision is checked out (``git worktree``) under ``bench/out/``; both trees run ``POST /v1/score`` through
``create_app().test_client()`` over the PolNeAR dev texts, one process each, their rounds interleaved
(A, B, A, B, ...) so both see the same machine; each side's best round is compared (CPU time of the process,
less disturbed by other load than the wall clock), beside the regex floor of ``bench/inprocess.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import Tee, machine_line, pin_threads, require_polnear, save, words  # noqa: E402

# One round in a child process: POST every dev text through the tree's own app; print CPU seconds.
CHILD = """
import json, logging, os, sys, time
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(v, "1")
sys.path.insert(0, os.getcwd())
from service import create_app
app = create_app()
logging.getLogger("service.access").setLevel(logging.WARNING)
client = app.test_client()
bodies = [json.dumps({"documents": [{"id": "a", "text": t}]}) for t in json.load(sys.stdin)]
for b in bodies[:5]:
    assert client.post("/v1/score", data=b, content_type="application/json").status_code == 200
rounds = int(sys.argv[1])
for _ in range(rounds):
    t = time.process_time()
    for b in bodies:
        client.post("/v1/score", data=b, content_type="application/json")
    print(time.process_time() - t, flush=True)
"""


def worktree(revision: str) -> Path:
    sha = subprocess.run(["git", "rev-parse", "--short", revision], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    path = ROOT / "bench" / "out" / f"revision-{sha}"
    if not path.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(path), sha], cwd=ROOT, check=True,
                       capture_output=True)
    return path


def rounds(tree: Path, texts: list[str], n: int) -> list[float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(n)], cwd=tree, input=json.dumps(texts), text=True,
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree.name}: {done.stderr[-800:]}")
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revision", help="the earlier revision (a commit, tag or branch)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--save", default="versus.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    texts = require_polnear()
    n_words = sum(words(t) for t in texts)
    base = worktree(args.revision)
    out = Tee()
    out(machine_line())
    out(f"POST /v1/score through the test client, PolNeAR dev ({len(texts)} articles, {n_words} words), "
        f"{args.rounds} interleaved processes of each, three passes a process")
    times: dict[str, list[float]] = {"this checkout": [], args.revision: []}
    for _ in range(args.rounds):  # each process: three passes (caches warm after the first), alternating trees
        times[args.revision] += rounds(base, texts, 3)
        times["this checkout"] += rounds(ROOT, texts, 3)
    best = {k: min(v) for k, v in times.items()}
    for k, v in best.items():
        out(f"  {k:<24} {n_words / v:>10,.0f} words/s (best CPU round {v:.3f} s; rounds "
            f"{', '.join(f'{x:.3f}' for x in times[k])})")
    out(f"  ratio: {best[args.revision] / best['this checkout']:.2f}x the words/s of {args.revision}")
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
