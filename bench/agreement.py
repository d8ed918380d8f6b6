"""Cost of the learned stance model (model/agreement.py): µs per pair and per text, words/s, memory.

    .venv/bin/python bench/agreement.py [--rounds 5]

Two shapes of batch, as the linking stage would send them, over the PolNeAR dev articles (synthetic wire
copy when the shared data is absent):

- sentence pairs: every sentence of an article against the next k sentences of the same article;
- document pairs: each article's first sentence (a claim) against k whole articles.

Each shape runs at two pair densities over the same distinct texts (k = 1 and k = 16), so the time splits
into a per-text part (reading each distinct text once) and a per-pair part (sparse row products and the
model): t = texts x a + pairs x b. Best of N rounds. Memory: the artifact's size on disk and the RSS a
process gains by loading it and predicting once, measured in a fresh interpreter that has already imported
numpy, scipy and scikit-learn (which the service loads anyway).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.common import Tee, articles, machine_line, pin_threads, save, words

MEMORY_PROBE = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
import numpy, scipy.sparse, sklearn.linear_model, sklearn.pipeline, sklearn.preprocessing, joblib
from bench.common import memory
before = memory(os.getpid())['rss']
from model.agreement import Agreement
model = Agreement.load()
loaded = memory(os.getpid())['rss']
model.predict_proba([("Troops crossed the border.", "The ministry denied that troops crossed the border.")])
after = memory(os.getpid())['rss']
print(json.dumps({"load": loaded - before, "first_predict": after - loaded}))
"""


def best_of(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


def sentence_batches(texts: list[str], k: int) -> tuple[list[str], list[int], list[int]]:
    """Distinct sentences and, per pair, (claim index, text index): each sentence against the next k."""
    from model.training.agreement_eval import sentences

    pool: list[str] = []
    ia: list[int] = []
    ib: list[int] = []
    for text in texts:
        sents = sentences(text)
        base = len(pool)
        pool += sents
        for i in range(len(sents)):
            for j in range(i + 1, min(len(sents), i + 1 + k)):
                ia.append(base + i)
                ib.append(base + j)
    return pool, ia, ib


def document_batches(texts: list[str], k: int) -> tuple[list[str], list[str], list[int], list[int]]:
    """Each article's first sentence against k articles (its own and the next k - 1)."""
    from model.training.agreement_eval import sentences

    claims = [(sentences(t) or [""])[0] for t in texts]
    ia = [i for i in range(len(texts)) for _ in range(k)]
    ib = [(i + j) % len(texts) for i in range(len(texts)) for j in range(k)]
    return claims, texts, ia, ib


def split_cost(t1: float, t2: float, texts: int, p1: int, p2: int) -> tuple[float, float]:
    """Per-text and per-pair seconds from two runs over the same texts with p1 and p2 pairs."""
    per_pair = (t2 - t1) / (p2 - p1)
    return max(0.0, (t1 - per_pair * p1) / texts), per_pair


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--save", default="agreement.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    from model.agreement import ARTIFACTS, NAME, Agreement

    out = Tee()
    out(machine_line())
    model = Agreement.load()
    texts = articles()
    out(f"artifact {NAME} {model.meta['version']} sha256 {model.meta['sha256'][:16]}…; {len(texts)} articles, "
        f"{sum(words(t) for t in texts):,} words; best of {args.rounds} rounds")

    runs = {}
    for k in (1, 16):
        pool, ia, ib = sentence_batches(texts, k)
        runs[("sentence", k)] = (best_of(args.rounds, lambda p=pool, a=ia, b=ib: model.predict_proba_indexed(
            p, p, a, b)), len(pool), len(ia), sum(words(s) for s in pool))
    for k in (1, 16):
        claims, docs, ia, ib = document_batches(texts, k)
        runs[("document", k)] = (best_of(args.rounds, lambda c=claims, d=docs, a=ia, b=ib: model.predict_proba_indexed(
            c, d, a, b)), len(docs), len(ia), sum(words(d) for d in docs))
    for shape in ("sentence", "document"):
        (t1, n_texts, p1, n_words), (t2, _, p2, _) = runs[(shape, 1)], runs[(shape, 16)]
        per_text, per_pair = split_cost(t1, t2, n_texts, p1, p2)
        for k in (1, 16):
            t, _, p, _ = runs[(shape, k)]
            out(f"{shape} pairs, k={k:>2}: {p:>6,} pairs over {n_texts:,} texts in {t * 1e3:7.1f} ms = "
                f"{t / p * 1e6:6.1f} µs a pair; {n_words / t:,.0f} words/s of distinct text")
        out(f"{shape}: per text {per_text * 1e6:.1f} µs ({per_text * n_texts / n_words * 1e6:.2f} µs a word), "
            f"per pair {per_pair * 1e6:.1f} µs (fit of t = texts x a + pairs x b)")

    size = (ARTIFACTS / f"{NAME}.joblib").stat().st_size
    probe = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(Path(__file__).resolve().parents[1])],
                           capture_output=True, text=True, check=True)
    rss = json.loads(probe.stdout)
    out(f"memory: artifact {size / 1e3:.0f} kB on disk; RSS +{rss['load']:.1f} MB to import and load it, "
        f"+{rss['first_predict']:.1f} MB more at the first predict (numpy/scipy/sklearn already imported)")
    if args.save:
        save(args.save, out.text())
        print(f"saved to bench/results/{args.save}")


if __name__ == "__main__":
    main()
