"""The denial aim model: wire train stories -> Pipeline -> ``denial_aim``.

    python -m model.training.denial_aim

Rows are the ``model.denial_aim`` candidates of every team wire TRAIN story (``model/data/wire``, split.tsv; the
holdouts are never read), its claims extracted and linked as serving does (the shipped paraphrase model, the
rules) up to the point where the model decides. A pair is positive when the labelled sentence of its denial
denies the labelled sentence of its claim. Settings (C and the decision threshold) are chosen by F1 over labelled
sentence pairs (every labelled denial link counts, reachable or not) in 8-fold cross-validation grouped by
blocks of eight stories written together (``folds``); the figure reported beside them is nested (each fold
scored by a model whose settings were chosen on the other folds alone), and the rules' F1 on the same stories
beside it. Seeded and deterministic: two runs write
byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from model import extract
from model.content import Analysis
from model.denial_aim import FEATURES, NAME, AimFeatures, Pairs, reads, table
from model.links import link
from model.paraphrase import Paraphrase
from model.training.paraphrase import (
    WIRE,
    f1,
    folds,
    out_of_fold,
    pair_metrics,
    sentence_of,
    train_stories,
    write_pair_model,
)
from model.types import Claim, Document

OUT = Path(__file__).resolve().parents[2] / "model" / "artifacts"
VERSION = "1.0.0"
SEED = 20261205
GRID = (0.1, 0.3, 1.0)  # C of the logistic regression
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)  # unweighted classes, one positive in nine: a low cut is needed

SentencePair = tuple[int, int]  # (denying sentence, denied sentence)


@dataclass(frozen=True)
class Story:
    """One labelled story's candidate pairs: features, labelled sentences, and what the rules linked."""

    name: str
    X: np.ndarray
    y: np.ndarray
    sentences: list[SentencePair]  # each row's pair of labelled sentences
    gold: frozenset[SentencePair]  # every labelled denial link of the story
    rules: frozenset[SentencePair]  # sentence pairs the rules link, candidates or not
    fixed: frozenset[SentencePair]  # ... of them, those the model does not read (kept as the rules have them)
    terms: list[tuple[frozenset[str], frozenset[str]]]  # each row's (denial's, claim's) content terms


class Recorder:
    """Stands where the model stands in ``model.links.link``: keeps the candidates' rows and what the rules
    decided, and changes nothing."""

    def __init__(self) -> None:
        self.seen: tuple = ()

    def aimed(self, claims: list[Claim], found: list[Analysis], key: np.ndarray, denial: np.ndarray,
              headline: np.ndarray, pairs: Pairs) -> Pairs:
        t, d = reads(claims, found, key, denial, pairs)
        a, b, den, _, _ = pairs
        self.seen = (t, d, table(claims, found, key, denial, headline, pairs, t, d), a[den], b[den],
                     [(found[i].content, found[j].content) for i, j in zip(d.tolist(), t.tolist(), strict=True)])
        return pairs


def read_story(name: str, paraphrase: Paraphrase | None, wire: Path = WIRE,
               claims: list[Claim] | None = None) -> Story:
    """One story's rows (``claims``: the story's extracted claims, when a caller has them already)."""
    text = (wire / "stories" / f"{name}.txt").read_text(encoding="utf-8")
    labels = json.loads((wire / "labels" / f"{name}.json").read_text(encoding="utf-8"))
    spans = [(s["start"], s["end"]) for s in labels["sentences"]]
    gold = frozenset((s["index"], j) for s in labels["sentences"] for j in s.get("denies", []) if j != s["index"])
    claims = extract([Document(id=name, text=text)]) if claims is None else claims
    where = [sentence_of(c.start, c.end, spans) for c in claims]
    recorder = Recorder()
    link(claims, paraphrase, recorder)  # type: ignore[arg-type]  # duck-typed: it only records
    t, d, X, ra, rb, terms = recorder.seen or (np.zeros(0, int), np.zeros(0, int), np.zeros((0, len(FEATURES))),
                                               np.zeros(0, int), np.zeros(0, int), [])
    keep = np.array([where[i] is not None and where[j] is not None and where[i] != where[j]
                     for i, j in zip(d.tolist(), t.tolist(), strict=True)], dtype=bool)
    t, d, X = t[keep], d[keep], X[keep] if len(X) else X
    terms = [pair for pair, kept in zip(terms, keep.tolist(), strict=True) if kept]
    pairs = [(where[j], where[i]) for i, j in zip(t.tolist(), d.tolist(), strict=True)]
    read = set(zip(t.tolist(), d.tolist(), strict=True))
    rules, fixed = set(), set()
    for i, j in zip(ra.tolist(), rb.tolist(), strict=True):
        if where[i] is None or where[j] is None or where[i] == where[j]:
            continue
        rules.add((where[j], where[i]))
        if (i, j) not in read:
            fixed.add((where[j], where[i]))
    return Story(name, X, np.array([p in gold for p in pairs], dtype=bool), pairs, gold, frozenset(rules),
                 frozenset(fixed), terms)


def make(C: float) -> Pipeline:
    return Pipeline([("features", AimFeatures()), ("scale", StandardScaler()),
                     ("model", LogisticRegression(C=C, max_iter=2000))])


def fit(stories: list[Story], C: float) -> Pipeline:
    return make(C).fit(np.vstack([s.X for s in stories]), np.concatenate([s.y for s in stories]))


def linked(story: Story, proba: np.ndarray, threshold: float) -> frozenset[SentencePair]:
    return story.fixed | frozenset(p for p, q in zip(story.sentences, proba.tolist(), strict=True) if q >= threshold)


def choose(stories: list[Story]) -> tuple[float, float, dict]:
    """(C, threshold) with the best cross-validated F1, the most regularised and precise of equals."""
    grid = {}
    for C in GRID:
        proba = out_of_fold(stories, C, fit)
        for t in THRESHOLDS:
            grid[C, t] = f1([linked(s, p, t) for s, p in zip(stories, proba, strict=True)], [s.gold for s in stories])
    C, t = max(grid, key=lambda k: (grid[k]["f1"], -k[0], k[1]))
    return C, t, grid[C, t]


def nested(stories: list[Story]) -> dict[str, float]:
    """Each fold linked by a model whose settings were chosen on the other folds alone."""
    found: list[frozenset] = [frozenset()] * len(stories)
    for fold in folds(stories):
        rest = [s for k, s in enumerate(stories) if k not in fold]
        C, t, _ = choose(rest)
        model = fit(rest, C)
        for k in fold:
            s = stories[k]
            found[k] = linked(s, model.predict_proba(s.X)[:, 1], t) if len(s.y) else s.fixed
    return f1(found, [s.gold for s in stories])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.training.denial_aim", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="artifact directory (default model/artifacts)")
    args = ap.parse_args(argv)
    np.random.seed(SEED)
    names = train_stories()
    paraphrase = Paraphrase.load(args.out)
    stories = [read_story(n, paraphrase) for n in names]
    C, threshold, chosen = choose(stories)
    model = fit(stories, C)
    metrics = pair_metrics(stories, chosen, nested(stories), "labelled_denial_links")
    sha = write_pair_model(model, args.out, NAME, VERSION, SEED, threshold, C, names, metrics,
                           "which claims of its article a denial denies (denial links)")
    print(f"wrote {NAME}.joblib sha256 {sha}; C {C}, threshold {threshold}")
    print(f"wire train, sentence-pair denial-link F1: cross-validated {chosen}, nested {metrics['nested_cv_f1']}, "
          f"rules {metrics['rules_f1']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
