"""Would word pairs learned from the labels help the denial aim model? A measurement, not a served part.

    python bench/denial_word_pairs.py

The paraphrase model reads word pairs learned from the labelled corroborations ("died" / "deaths"); a denial
answers a claim in other words too ("denied that any waste had escaped" / "the river turned green"). This gives
each candidate pair of the denial aim model (a denial, a claim of another source near it) the same three
features, counted over the wire train stories' candidate pairs and their labelled denial links
(``model.training.word_pair_counts.StoryCounts``, the served settings), and scores both arms (the shipped
fifteen features; the same with the three) as ``model.training.denial_aim`` does: F1 over labelled sentence
pairs in 8-fold cross-validation grouped by blocks of eight stories, settings chosen on the same folds (tuned)
and nested (each fold's settings chosen on the other folds alone). No count of a scored fold is used: its rows
are counted over the other folds, and each training row without its own story (a row never sees its label).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from bench.common import Tee, machine_line, save  # noqa: E402
from model.paraphrase import Paraphrase  # noqa: E402
from model.training import denial_aim as D  # noqa: E402
from model.training.paraphrase import f1, train_stories  # noqa: E402
from model.training.word_pair_counts import StoryCounts  # noqa: E402

Augment = Callable[[Sequence[int]], list[D.Story]]  # the stories as a model fitted without these folds sees them


def fit(stories: Sequence[D.Story], C: float) -> Pipeline:
    model = Pipeline([("scale", StandardScaler()), ("model", LogisticRegression(C=C, max_iter=2000))])
    return model.fit(np.vstack([s.X for s in stories]), np.concatenate([s.y for s in stories]))


def scored(stories: list[D.Story], within: list[int], augment: Augment, out: Sequence[int],
           C: float) -> dict[int, np.ndarray]:
    """Out-of-fold probabilities over the stories ``within`` (folds of them), counts never from ``out``."""
    proba: dict[int, np.ndarray] = {}
    for fold in D.folds([stories[k] for k in within]):
        held = [within[k] for k in fold]
        seen = augment([*out, *held])
        model = fit([seen[k] for k in within if k not in held], C)
        for k in held:
            proba[k] = model.predict_proba(seen[k].X)[:, 1] if len(seen[k].y) else np.zeros(0)
    return proba


def choose(stories: list[D.Story], within: list[int], augment: Augment, out: Sequence[int]) -> tuple:
    grid = {}
    for C in D.GRID:
        proba = scored(stories, within, augment, out, C)
        for t in D.THRESHOLDS:
            grid[C, t] = f1([D.linked(stories[k], proba[k], t) for k in within], [stories[k].gold for k in within])
    C, t = max(grid, key=lambda k: (grid[k]["f1"], -k[0], k[1]))
    return C, t, grid[C, t]


def nested(stories: list[D.Story], augment: Augment) -> dict:
    everyone = list(range(len(stories)))
    found: list[frozenset] = [frozenset()] * len(stories)
    for fold in D.folds(stories):
        rest = [k for k in everyone if k not in fold]
        C, t, _ = choose(stories, rest, augment, fold)
        seen = augment(fold)
        model = fit([seen[k] for k in rest], C)
        for k in fold:
            s = seen[k]
            found[k] = D.linked(s, model.predict_proba(s.X)[:, 1], t) if len(s.y) else s.fixed
    return f1(found, [s.gold for s in stories])


def main() -> int:
    tee = Tee()
    tee(machine_line())
    paraphrase = Paraphrase.load()
    stories = [D.read_story(n, paraphrase) for n in train_stories()]
    counts = StoryCounts([(s.terms, s.y) for s in stories])
    tee(f"{len(stories)} wire train stories, {sum(len(s.y) for s in stories)} candidate pairs, "
        f"{sum(len(s.gold) for s in stories)} labelled denial links")

    def plain(out: Sequence[int]) -> list[D.Story]:
        return stories

    def paired(out: Sequence[int]) -> list[D.Story]:
        return [replace(s, X=np.hstack([s.X, counts.features(k, sorted({*out, k}))])) for k, s in enumerate(stories)]

    everyone = list(range(len(stories)))
    for name, augment in (("fifteen features (shipped)", plain), ("with the three word-pair features", paired)):
        C, t, tuned = choose(stories, everyone, augment, [])
        tee(f"{name}: cross-validated {tuned} at C {C}, threshold {t}; nested {nested(stories, augment)}")
    save("denial_word_pairs.txt", tee.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
