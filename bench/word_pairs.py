"""What do the word pairs learned from the labels add to the paraphrase model? A measurement beside the served part.

    python bench/word_pairs.py [--min-rows 3] [--min-stories 2] [--prior 5]

Two sources confirming one fact use different words ("died" / "deaths", "shut" / "closed"), and the other pair
features see only the words the two claims share. The word pairs' three features are counted as training counts
them (``model.training.word_pair_counts.StoryCounts``, the served ``WordPairs``' definition; the options change its
settings). Both arms (the paraphrase features without the three; with them) are scored by F1 over labelled
sentence pairs in the training's 8 folds of whole blocks of eight stories (``model.training.paraphrase.folds``: one
annotator round's stories never on both sides), at the shipped C and every cut of the training grid. No count of a
scored fold is used: its rows and every training row are counted without the fold, and each training row without
its own story too (a row never sees its own label), as the training's nested figure counts them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from model.training import paraphrase as P  # noqa: E402
from model.training.word_pair_counts import SETTINGS, StoryCounts  # noqa: E402
from model.word_pairs import FEATURES  # noqa: E402

C = 0.03  # the shipped model's regularisation (model/artifacts/paraphrase.json)
ARMS = {"without word pairs": slice(0, -len(FEATURES)), "with word pairs": slice(None)}


def cross_validated(stories: list[P.Story], counts: StoryCounts) -> dict[str, dict[float, dict]]:
    """Each arm's F1 at each cut, every fold scored by a model fitted on the other folds (the training's folds)."""
    found: dict[str, dict[float, list]] = {arm: {t: [] for t in P.THRESHOLDS} for arm in ARMS}
    order: list[P.Story] = []
    for held in P.folds(stories):
        counted = P.with_word_pairs(stories, counts, held)
        test, rest = [counted[k] for k in held], set(range(len(counted))) - set(held)
        train = [counted[k] for k in sorted(rest)]
        for arm, columns in ARMS.items():
            model = P.make(C)[1:].fit(np.vstack([s.X[:, columns] for s in train]), np.concatenate([s.y for s in train]))
            for s in test:
                p = model.predict_proba(s.X[:, columns])[:, 1] if len(s.y) else np.zeros(0)
                for t in P.THRESHOLDS:
                    found[arm][t].append(P.linked(s, p, t))
        order += test
    gold = [s.gold for s in order]
    return {arm: {t: P.f1(f, gold) for t, f in cuts.items()} for arm, cuts in found.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-rows", type=int, default=SETTINGS["min_rows"], help="candidate rows a word pair needs")
    ap.add_argument("--min-stories", type=int, default=SETTINGS["min_stories"], help="stories a word pair needs")
    ap.add_argument("--prior", type=float, default=SETTINGS["prior"], help="smoothing towards the base rate, in rows")
    args = ap.parse_args(argv)
    stories = [P.read_story(name) for name in P.train_stories()]
    counts = StoryCounts([(s.terms, s.y) for s in stories],
                         {"min_rows": args.min_rows, "min_stories": args.min_stories, "prior": args.prior})
    lens = np.concatenate(counts.lens)
    kept = int(((counts.all_rows >= args.min_rows) & (counts.all_stories >= args.min_stories)).sum())
    print(f"{len(stories)} wire train stories, {len(lens)} candidate pairs, {len(counts.all_rows)} word pairs, "
          f"{kept} in {args.min_rows} or more candidate pairs of {args.min_stories} or more stories "
          f"(per candidate pair: mean {lens.mean():.0f}, 95th percentile {np.percentile(lens, 95):.0f})")
    figures = cross_validated(stories, counts)
    print("cut   " + "".join(f"{arm:>28}" for arm in figures))
    for t in P.THRESHOLDS:
        cells = (f"{v[t]['f1']:.4f} ({v[t]['tp']}/{v[t]['fp']}/{v[t]['fn']})" for v in figures.values())
        print(f"{t:<6}" + "".join(f"{c:>28}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
