"""Would word pairs learned from the labels help the paraphrase model? A measurement, not a served part.

    python bench/word_pairs.py [--min-pairs 3] [--min-stories 1] [--prior 5]

Two sources confirming one fact use different words ("died" / "deaths", "shut" / "closed"), and the pair model
sees only the words the two claims share. This counts, over the wire train stories' candidate pairs, how often
each pair of words (one only in the first claim, one only in the second) falls in a labelled corroboration, and
gives a pair of claims three features from those counts: the best smoothed log-odds of its word pairs, their
positive sum over the square root of their number, and how many pass log-odds 0.7. Both arms (the shipped
fifteen features; the same with the three) are scored by F1 over labelled sentence pairs in cross-validation
grouped by blocks of eight stories (one annotator round's stories never on both sides), at the shipped C and
every cut of the training grid. No count of a scored block is used: its own rows get counts from the other
blocks, and each training row counts without its own story (so a row never sees its own label). A word pair
counts only where it is in ``--min-pairs`` candidate pairs of at least ``--min-stories`` stories (an invented
name's pairs recur in one story only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from model.training import paraphrase as P  # noqa: E402

C = 0.03  # the shipped model's regularisation (model/artifacts/paraphrase.json)
STRONG = 0.7  # log-odds above which a word pair counts as strong


class Story:
    """One story's candidate rows: the shipped features, labels, and each row's word-pair ids."""

    def __init__(self, name: str, ids: dict[tuple[str, str], int]) -> None:
        story = P.read_story(name)  # the rows the shipped model is trained on, with each row's content terms
        self.name, self.gold, self.pairs, self.y = story.name, story.gold, story.sentences, story.y
        self.X = story.X[:, :-3]  # the word pairs' own columns (left 0) are what this measures
        rows = [np.array([ids.setdefault((u, v) if u < v else (v, u), len(ids)) for u in a - b for v in b - a],
                         dtype=np.int64) for a, b in story.terms]
        self.lens = np.array([len(r) for r in rows], dtype=np.int64)
        self.flat = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        self.ids, inverse = np.unique(self.flat, return_inverse=True)
        self.seen = np.bincount(inverse, minlength=len(self.ids)).astype(float)
        self.linked = np.bincount(inverse, weights=np.repeat(self.y, self.lens).astype(float), minlength=len(self.ids))
        self.once = np.ones(len(self.ids))  # the story's share of a word pair's count of stories


Counts = tuple[np.ndarray, np.ndarray, np.ndarray]  # word pair id -> rows linked, candidate rows, stories


def word_pair_features(s: Story, counts: Counts, rate: float, least: int, stories: int,
                       prior: float) -> np.ndarray:
    """The three word-pair features of each of ``s``'s rows, from ``counts``."""
    out = np.zeros((len(s.y), 3))
    if not len(s.flat):
        return out
    k, n, m = (c[s.flat] for c in counts)
    odds = np.where((n >= least) & (m >= stories), np.log((k + prior * rate) / (n + prior)) - np.log(rate), 0.0)
    has = s.lens > 0
    starts = np.r_[0, np.cumsum(s.lens)[:-1]][has]
    out[has, 0] = np.maximum.reduceat(odds, starts)
    out[has, 1] = np.add.reduceat(np.maximum(odds, 0.0), starts) / np.sqrt(s.lens[has])
    out[has, 2] = np.add.reduceat((odds > STRONG).astype(float), starts)
    return out


def without(s: Story, counts: Counts) -> Counts:
    """The counts less story ``s``'s own."""
    out = tuple(c.copy() for c in counts)
    for c, own in zip(out, (s.linked, s.seen, s.once), strict=True):
        np.subtract.at(c, s.ids, own)
    return out


def totals(stories: list[Story], size: int) -> Counts:
    """Every story's counts summed."""
    out = (np.zeros(size), np.zeros(size), np.zeros(size))
    for s in stories:
        for c, own in zip(out, (s.linked, s.seen, s.once), strict=True):
            np.add.at(c, s.ids, own)
    return out


def cross_validated(stories: list[Story], size: int, least: int, spread: int,
                    prior: float) -> dict[str, dict[float, dict]]:
    """Each arm's F1 at each cut, every block scored by a model fitted on the other blocks."""
    rate = float(np.concatenate([s.y for s in stories]).mean())
    everything = totals(stories, size)
    found: dict[str, dict[float, list]] = {arm: {t: [] for t in P.THRESHOLDS} for arm in ("shipped", "word pairs")}
    order: list[Story] = []
    for b in sorted({P.block(s.name) for s in stories}):
        test = [s for s in stories if P.block(s.name) == b]
        train = [s for s in stories if P.block(s.name) != b]
        counts = everything
        for s in test:
            counts = without(s, counts)
        extra = {s.name: word_pair_features(s, without(s, counts), rate, least, spread, prior) for s in train}
        extra |= {s.name: word_pair_features(s, counts, rate, least, spread, prior) for s in test}
        rows = {"shipped": {s.name: s.X for s in stories},
                "word pairs": {s.name: np.hstack([s.X, extra[s.name]]) for s in train + test}}
        for arm, X in rows.items():
            model = P.make(C)[1:].fit(np.vstack([X[s.name] for s in train]), np.concatenate([s.y for s in train]))
            for s in test:
                p = model.predict_proba(X[s.name])[:, 1] if len(s.y) else np.zeros(0)
                for t in P.THRESHOLDS:
                    found[arm][t].append(frozenset(q for q, v in zip(s.pairs, p.tolist(), strict=True) if v >= t))
        order += test
    gold = [s.gold for s in order]
    return {arm: {t: P.f1(f, gold) for t, f in cuts.items()} for arm, cuts in found.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-pairs", type=int, default=3, help="candidate rows a word pair needs to count")
    ap.add_argument("--min-stories", type=int, default=1, help="stories a word pair needs to count")
    ap.add_argument("--prior", type=float, default=5.0, help="smoothing towards the base rate, in rows")
    args = ap.parse_args(argv)
    ids: dict[tuple[str, str], int] = {}
    stories = [Story(name, ids) for name in P.train_stories()]
    lens = np.concatenate([s.lens for s in stories])
    _, seen, spread = totals(stories, len(ids))
    kept = int(((seen >= args.min_pairs) & (spread >= args.min_stories)).sum())
    print(f"{len(stories)} wire train stories, {len(lens)} candidate pairs, {len(ids)} word pairs, "
          f"{kept} in {args.min_pairs} or more candidate pairs of {args.min_stories} or more stories "
          f"(per candidate pair: mean {lens.mean():.0f}, 95th percentile {np.percentile(lens, 95):.0f})")
    figures = cross_validated(stories, len(ids), args.min_pairs, args.min_stories, args.prior)
    print("cut   " + "".join(f"{arm:>28}" for arm in figures))
    for t in P.THRESHOLDS:
        cells = (f"{v[t]['f1']:.4f} ({v[t]['tp']}/{v[t]['fp']}/{v[t]['fn']})" for v in figures.values())
        print(f"{t:<6}" + "".join(f"{c:>28}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
