"""The role model: team sourcing labels + wire train labels -> Pipeline -> artifact ``roles``.
Run: ``python -m model.training.roles``.

Rows are the pipeline's own sourced drafts (``model.attribution.roles.rows``, the code serving runs, captured
with the role stage itself off): every team TRAIN article (``model/data/sourcing``, matched as
``../shared/eval/polnear_sourcing_eval.py`` matches) and every wire TRAIN story (``model/data/wire``, split.tsv:
a labelled source matched to the claim of its sentence whose source shares most words with it). The label is the
annotators' role. The model's role replaces the rules' only where its probability reaches a threshold of at
least 0.6: the rules, the guideline's cases written down, stand unless the model is sure. C and the
threshold are chosen by cross-validation grouped by article or story: the largest gain in role accuracy over the
rules' out of fold, each dataset's gain over its matched sources, summed (so that the wire stories, three times
the rows, do not choose alone; on a tie the smaller C, then the higher threshold). The holdouts (three of the
sourcing labels, three of the wire stories) are never read. Seeded and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

from model import artifact
from model.attribution.roles import ARTIFACT, SureRoles, Traits, rows, rule_of
from model.training.matched_rows import matched
from model.training.mentions import POLNEAR, artifact_dir, data_hash, team_train_labels
from model.training.paraphrase import story_files, train_stories

VERSION = "1.0.0"
SEED = 20261226
FOLDS = 5
GRID = (0.1, 0.3, 1.0, 3.0)  # C of the logistic regression
# The probability from which the model's role replaces the rules'. From 0.6: at 0.5 (best by 0.003 of summed gain
# out of fold, with 225 roles changed on PolNeAR train for 155 at 0.6, and 97 of them wrong for 57) it took the seed's
# think-tank analyst, "Reza Marashi from the National Iranian American Council", for an official at 0.53.
THRESHOLDS = (0.6, 0.7, 0.8)
DATASETS = ("polnear", "wire")


@dataclass(frozen=True)
class Row:
    traits: Traits
    role: str  # the annotators'
    rule: str  # the rules' (and the witness model's), before this stage
    group: str  # the article or story: folds never split one
    data: str  # "polnear" or "wire"


def data_rows(labels: list[dict], stories: list[str]) -> list[Row]:
    return [Row(row, g["role"], rule_of(row), group, data)
            for row, g, group, data in matched("roles", rows, ARTIFACT, labels, stories)]


def out_of_fold(data: list[Row], C: float) -> tuple[np.ndarray, np.ndarray]:
    """Each row's likeliest role and its probability, from a model fitted on the folds without its article or
    story."""
    groups = [r.group for r in data]
    y = np.array([r.role for r in data])
    best, sure = np.empty(len(data), dtype=object), np.zeros(len(data))
    for tr, te in GroupKFold(n_splits=FOLDS).split(data, y, groups):
        model = SureRoles(C=C).fit([data[i].traits for i in tr], y[tr]).pipeline_
        p = model.predict_proba([data[i].traits for i in te])
        best[te], sure[te] = model.classes_[p.argmax(axis=1)], p.max(axis=1)
    return best, sure


def accuracies(data: list[Row], pred: np.ndarray) -> dict[str, dict[str, Any]]:
    """Per dataset: rows, the rules' role accuracy, the model's, and the rows it made right and wrong."""
    out = {}
    for name in DATASETS:
        here = [(r, p) for r, p in zip(data, pred, strict=True) if r.data == name]
        n = len(here) or 1
        rules = sum(r.rule == r.role for r, _ in here)
        model = sum(p == r.role for r, p in here)
        out[name] = {"rows": len(here), "rules": round(rules / n, 4), "model": round(model / n, 4),
                     "made_right": sum(p == r.role != r.rule for r, p in here),
                     "made_wrong": sum(p != r.role == r.rule for r, p in here)}
    return out


def choose(data: list[Row]) -> tuple[float, float, list[dict]]:
    """C and threshold with the largest out-of-fold gain in role accuracy over the rules', summed over the two
    datasets."""
    grid = []
    rule = np.array([r.rule for r in data], dtype=object)
    for C in GRID:
        best, sure = out_of_fold(data, C)
        for t in THRESHOLDS:
            acc = accuracies(data, np.where(sure >= t, best, rule))
            grid.append({"C": C, "threshold": t, "gain": round(sum(a["model"] - a["rules"] for a in acc.values()), 4),
                         **acc})
    top = max(grid, key=lambda g: (g["gain"], -g["C"], g["threshold"]))
    return top["C"], top["threshold"], grid


def main(argv: list[str] | None = None) -> int:
    out = artifact_dir("python -m model.training.roles", __doc__, argv)
    if out is None:
        return 0
    np.random.seed(SEED)
    labels, stories = team_train_labels(), train_stories()
    data = data_rows(labels, stories)
    C, threshold, grid = choose(data)
    model = SureRoles(C=C, threshold=threshold).fit([r.traits for r in data], np.array([r.role for r in data]))
    chosen = next(g for g in grid if g["C"] == C and g["threshold"] == threshold)
    meta = {
        "name": "source-role", "version": VERSION,
        "role": "attribution stage model (roles): the role of a source whose own words gave the rules' role, "
                "taken where the model is sure",
        "features": [str(f) for f in model.get_feature_names_out()],
        "classes": [str(c) for c in model.classes_],
        "settings": {"C": C, "threshold": threshold}, "seed": SEED, "libraries": artifact.library_versions(),
        "training_data": {"labels": "model/data/sourcing (team train split) and model/data/wire (train half); "
                                    "the holdouts of each excluded",
                          "articles": len({g["article"] for g in labels}), "stories": len(stories),
                          "rows": len(data),
                          "sha256": data_hash(labels, POLNEAR / "train" / "text", *story_files(stories))},
        "metrics": {"grouped_cv": chosen, "grid": grid, "folds": FOLDS},
    }
    written = artifact.write(model, out, ARTIFACT, meta)
    print(f"wrote {ARTIFACT}.joblib sha256 {written['sha256']}; C {C}, threshold {threshold}")
    for name in DATASETS:
        d = chosen[name]
        print(f"grouped CV (train), {name}: role accuracy {d['rules']:.4f} (rules) -> {d['model']:.4f} over "
              f"{d['rows']} sources ({d['made_right']} made right, {d['made_wrong']} made wrong)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
