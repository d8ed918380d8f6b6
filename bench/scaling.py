"""How the cost grows: against article length (1x to 32x a base article, one document) and against documents
per request (1 to 200 documents of one story), with the fitted log-log exponent of each (1.0 = linear).

    .venv/bin/python bench/scaling.py [--rounds 3]

Length: the base is the median-length PolNeAR dev article; k x base is k different dev articles joined as one
document (distinct text, so no artificial duplicate claims). Documents: the bodies of the Emergent story with
the most bodies, cycled to reach 200 (syndicated copies are part of real coverage); all documents of a
request are one story, so corroboration and denial links are searched across all of them. Times are
``Analyzer.analyze`` in-process, best of the rounds.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, Tee, machine_line, pin_threads, require_polnear, save, synthetic_article, words

EMERGENT = SHARED / "data" / "emergent" / "stories-train.jsonl"
LENGTHS = (1, 2, 4, 8, 16, 32)
DOC_COUNTS = (1, 2, 5, 10, 20, 50, 100, 200)


def story_bodies() -> tuple[str, list[str]]:
    """(what the story is, its bodies): the Emergent story with most bodies, or synthetic wire copy."""
    if EMERGENT.exists():
        rows = [json.loads(line) for line in EMERGENT.open(encoding="utf-8")]
        best = max(rows, key=lambda r: len(r["bodies"]))
        return f"Emergent story '{best['claim'][:50]}' ({len(best['bodies'])} bodies)", \
            [b["text"] for b in best["bodies"]]
    return "synthetic one-story wire copy (Emergent data absent)", [synthetic_article(i, 25) for i in range(50)]


def timed(analyzer, docs: Sequence, rounds: int) -> float:
    from model import Options

    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        analyzer.analyze(docs, Options(explain=True))
        best = min(best, time.perf_counter() - t)
    return best


def fit_exponent(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of log y on log x."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--save", default="scaling.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    from model import Analyzer, Document

    analyzer = Analyzer()
    if not analyzer.ready:
        raise SystemExit(f"model not ready: {analyzer.problem}")
    texts = require_polnear()
    out = Tee()
    out(machine_line())

    by_len = sorted(texts, key=words)
    base = by_len[len(by_len) // 2]
    # The articles closest in length to the base, so k x base is close to k times its words.
    pool = sorted(texts, key=lambda t: abs(words(t) - words(base)))
    out(f"length: base = median dev article, {words(base)} words; k x = the k dev articles closest to it in "
        "length, joined as one document")
    timed(analyzer, [Document(id="w", text=base)], 1)  # warm-up
    xs, ys = [], []
    for k in LENGTHS:
        text = "\n\n".join(pool[:k])
        secs = timed(analyzer, [Document(id="a", text=text)], args.rounds)
        xs.append(words(text))
        ys.append(secs)
        out(f"  {k:>3} x  {words(text):>7} words  {secs * 1000:9.1f} ms  {words(text) / secs:>10,.0f} words/s")
    out(f"  fitted exponent (time ~ words^b): b = {fit_exponent(xs, ys):.2f} over all points, "
        f"{fit_exponent(xs[-3:], ys[-3:]):.2f} over the largest three")

    what, bodies = story_bodies()
    out(f"documents per request: {what}")
    xs, ys = [], []
    for n in DOC_COUNTS:
        docs = [Document(id=f"d{i}", text=bodies[i % len(bodies)]) for i in range(n)]
        n_words = sum(words(d.text) for d in docs)
        secs = timed(analyzer, docs, args.rounds)
        xs.append(n_words)
        ys.append(secs)
        out(f"  {n:>3} docs {n_words:>7} words  {secs * 1000:9.1f} ms  {n_words / secs:>10,.0f} words/s")
    out(f"  fitted exponent (time ~ words^b): b = {fit_exponent(xs, ys):.2f} over all points, "
        f"{fit_exponent(xs[-3:], ys[-3:]):.2f} over the largest three; "
        f"against document count: b = {fit_exponent(DOC_COUNTS, ys):.2f}")
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
