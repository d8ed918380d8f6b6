"""The pronoun ranker: sourcing labels -> Pipeline -> ``antecedents`` (``python -m model.training.antecedents``).

Rows are the ranker's own queries: every team TRAIN article (``model/data/sourcing/``, never the holdout) is
run through attribution as serving runs it (the learned filter on; resolution by the rules, with a recorder in
the ranker's place that keeps each pronoun's candidates and their features). A labelled attribution whose
source is a pronoun at the same offset, with the entity it refers to written down (``resolved_text``), labels
that query's candidates: a candidate is right when it names the same entity (``mentions.classify``'s key,
or failing that, a shared name word). Queries with no right candidate teach no ranking and are left out.

C is chosen by cross-validation grouped by article on train (top-1 accuracy over the queries, the mean of
REPEATS fold shuffles); the shared dev labels are scored once with the chosen model (tuned figures: they were
looked at while choosing the features). Seeded and deterministic: two runs write byte-identical files.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline
from tqdm import tqdm

from model import ATTRIBUTION_ARTIFACTS, artifact
from model.attribution import Pipeline as Attribution
from model.attribution.antecedents import ARTIFACT, Query
from model.attribution.history import Known
from model.attribution.mentions import classify, words_of
from model.attribution.typer import ARTIFACT as TYPER
from model.lexicon import TITLES
from model.training.mentions import DEV_LABELS, POLNEAR, artifact_dir, data_hash, read_labels, team_train_labels
from model.types import Document

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "model" / "artifacts"
VERSION = "1.0.0"
SEED = 20161108
FOLDS = 8
REPEATS = 5  # fold shuffles averaged: one split's figure moves by a point with which articles share a fold
GRID = (0.1, 0.3, 1.0, 3.0, 10.0)  # C of the logistic regression


@dataclass(frozen=True)
class Labelled:
    """One labelled pronoun: its candidates' features, which are right, which the rules picked."""

    article: str
    rows: list[dict[str, float]]
    right: list[bool]
    rule: list[bool]


class Recorder:
    """Stands in for the model during collection: keeps every query's candidates and rows, and scores the
    rules' pick highest so that resolution runs exactly as the rules run it."""

    def __init__(self) -> None:
        self.seen: dict[int, tuple[Sequence[Known], list[dict[str, float]]]] = {}

    def rank(self, query: Query, cands: Sequence[Known], rows: list[dict[str, float]]) -> list[float]:
        self.seen[query.before] = (cands, rows)
        return [r["rule"] for r in rows]


@lru_cache(maxsize=1)
def upstream() -> dict[str, object]:
    """The attribution models before resolution (the filter), loaded as serving loads them."""
    return {name: artifact.load(OUT, name)[0] for name in ATTRIBUTION_ARTIFACTS if name not in (ARTIFACT, TYPER)}


def _name_words(text: str) -> set[str]:
    return {w.lower().replace("’s", "").replace("'s", "") for w in words_of(text)
            if w[:1].isupper() and w.lower() not in TITLES}


def is_right(candidate: Known, gold: str) -> bool:
    """The candidate names the entity the label writes down."""
    entity = classify(gold).entity
    if entity and candidate.mention.entity:
        return entity == candidate.mention.entity
    return bool(_name_words(gold) & (_name_words(candidate.full.text) | _name_words(candidate.span.text)))


def queries(labels: list[dict], text_dir: Path, desc: str) -> list[Labelled]:
    """The labelled pronoun queries of these articles, with a right candidate among them."""
    by_article: dict[str, list[dict]] = {}
    for g in labels:
        if g.get("source") and g.get("resolved_text"):
            by_article.setdefault(g["article"], []).append(g)
    out = []
    for name in tqdm(sorted(by_article), desc=desc, unit="article"):
        recorder = Recorder()
        text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
        Attribution(models={**upstream(), ARTIFACT: recorder})(Document(id=name, text=text), 0)
        for g in by_article[name]:
            found = recorder.seen.get(g["source"][0])
            if found is None:
                continue
            cands, rows = found
            right = [is_right(k, g["resolved_text"]) for k in cands]
            if any(right):
                out.append(Labelled(name, rows, right, [r["rule"] == 1.0 for r in rows]))
    return out


def make(C: float) -> Pipeline:
    return Pipeline([("features", DictVectorizer(sort=True)),
                     ("model", LogisticRegression(C=C, max_iter=5000))])


def fit(qs: list[Labelled], C: float) -> Pipeline:
    X = [r for q in qs for r in q.rows]
    y = [int(ok) for q in qs for ok in q.right]
    return make(C).fit(X, y)


def accuracy(qs: list[Labelled], model: Pipeline | None) -> float:
    """Share of queries whose best-scoring candidate is right (the rules' pick without a model)."""
    hits = 0
    for q in qs:
        scores = model.decision_function(q.rows) if model is not None else np.array(q.rule, dtype=float)
        hits += q.right[int(np.argmax(scores))]
    return round(hits / max(len(qs), 1), 4)


def cross_validate(qs: list[Labelled], C: float) -> float:
    groups = [q.article for q in qs]
    runs = []
    for repeat in range(REPEATS):
        hits = 0.0
        folds = GroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED + repeat)
        for train, test in folds.split(qs, groups=groups):
            model = fit([qs[i] for i in train], C)
            hits += accuracy([qs[i] for i in test], model) * len(test)
        runs.append(hits / len(qs))
    return round(float(np.mean(runs)), 4)


def main(argv: list[str] | None = None) -> int:
    out = artifact_dir("python -m model.training.antecedents", __doc__, argv)
    if out is None:
        return 0
    np.random.seed(SEED)
    labels = team_train_labels()
    train = queries(labels, POLNEAR / "train" / "text", "team train articles")
    grid = {C: cross_validate(train, C) for C in tqdm(GRID, desc="grouped CV", unit="setting")}
    C = max(GRID, key=lambda c: (grid[c], -c))  # the most regularised of equals
    model = fit(train, C)
    metrics: dict[str, Any] = {"queries": len(train), "grouped_cv_top1": grid[C],
                               "grouped_cv_top1_rules": accuracy(train, None),
                               "grid": {str(c): v for c, v in grid.items()}, "folds": FOLDS, "repeats": REPEATS}
    if DEV_LABELS.is_file():
        dev = queries(read_labels(DEV_LABELS), POLNEAR / "dev" / "text", "shared dev articles")
        metrics["dev_tuned"] = {"queries": len(dev), "top1": accuracy(dev, model), "top1_rules": accuracy(dev, None)}
    meta = {
        "name": "pronoun-antecedents", "version": VERSION,
        "role": "attribution stage model (resolve): which earlier entity a pronoun source refers to",
        "features": [str(f) for f in model.named_steps["features"].get_feature_names_out()],
        "settings": {"C": C}, "seed": SEED, "libraries": artifact.library_versions(),
        "training_data": {"labels": "model/data/sourcing (team train split; every holdout excluded)",
                          "articles": len({q.article for q in train}), "queries": len(train),
                          "rows": sum(len(q.rows) for q in train),
                          "sha256": data_hash(labels, POLNEAR / "train" / "text")},
        "metrics": metrics,
    }
    written = artifact.write(model, out, ARTIFACT, meta)
    print(f"wrote {ARTIFACT}.joblib sha256 {written['sha256']}; C {C}")
    print(f"grouped CV (train): top-1 {grid[C]} (rules {metrics['grouped_cv_top1_rules']}) over {len(train)} pronouns")
    if "dev_tuned" in metrics:
        d = metrics["dev_tuned"]
        print(f"dev (tuned): top-1 {d['top1']} (rules {d['top1_rules']}) over {d['queries']} pronouns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
