"""The witness model: team sourcing labels + wire train labels -> Pipeline -> artifact ``witnesses``.
Run: ``python -m model.training.witnesses``.

Rows are the pipeline's own sources that the rules leave "other" (``model.attribution.witnesses.rows``, the
code serving runs, captured with the witness stage itself off): every team TRAIN article (``model/data/sourcing``,
matched as ``../shared/eval/polnear_sourcing_eval.py`` matches) and every wire TRAIN story (``model/data/wire``,
split.tsv: a labelled source matched to the claim of its sentence whose source shares most words with it).
The label is whether the annotators made the source a witness. C and the threshold are chosen by
cross-validation grouped by article or story (the gain in role accuracy, witnesses found less sources wrongly
made witnesses out of fold, over each dataset's sourced attributions, summed); the holdouts (two of the sourcing
labels, three of the wire stories) are never read.
Seeded and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline

from model import artifact
from model.attribution.witnesses import ARTIFACT, Traits, rows
from model.training import wire_labels
from model.training.attributions import at_threshold
from model.training.matched_rows import matched
from model.training.mentions import POLNEAR, artifact_dir, data_hash, team_train_labels
from model.training.paraphrase import story_files, train_stories

VERSION = "1.0.0"
SEED = 20261205
FOLDS = 5
GRID = (0.1, 0.3, 1.0)  # C of the logistic regression
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)  # P(witness) from which a source is made one


@dataclass(frozen=True)
class Row:
    traits: Traits
    witness: bool
    group: str  # the article or story: folds never split one
    data: str  # "polnear" or "wire"


def data_rows(labels: list[dict], stories: list[str]) -> list[Row]:
    return [Row(row, g["role"] == "witness", group, data)
            for row, g, group, data in matched("witnesses", rows, ARTIFACT, labels, stories)]


def make(C: float) -> Pipeline:
    return Pipeline([("features", DictVectorizer(sort=True)), ("logit", LogisticRegression(C=C, max_iter=5000))])


def out_of_fold(data: list[Row], C: float) -> np.ndarray:
    groups = [r.group for r in data]
    y = np.array([r.witness for r in data])
    p = np.zeros(len(data))
    for tr, te in GroupKFold(n_splits=FOLDS).split(data, y, groups):
        model = make(C).fit([data[i].traits for i in tr], y[tr])
        p[te] = model.predict_proba([data[i].traits for i in te])[:, 1]
    return p


def counts(data: list[Row], p: np.ndarray, threshold: float) -> dict[str, dict[str, int]]:
    """Per dataset: witnesses found (tp), sources wrongly made witnesses (fp), witnesses still missed (fn)."""
    out = {}
    for name in ("polnear", "wire"):
        tp = sum(1 for r, q in zip(data, p, strict=True) if r.data == name and q >= threshold and r.witness)
        fp = sum(1 for r, q in zip(data, p, strict=True) if r.data == name and q >= threshold and not r.witness)
        fn = sum(1 for r, q in zip(data, p, strict=True) if r.data == name and q < threshold and r.witness)
        out[name] = {"tp": tp, "fp": fp, "fn": fn, "net": tp - fp}
    return out


def accuracy_gain(counts: dict[str, dict[str, int]], sources: dict[str, int]) -> float:
    """The summed gain in each dataset's role accuracy: its roles made right (net) over its sourced attributions."""
    return round(sum(c["net"] / sources[name] for name, c in counts.items()), 6)


def choose(data: list[Row], sources: dict[str, int]) -> tuple[float, float, list[dict]]:
    """C and threshold with the largest out-of-fold gain in role accuracy, summed over the two datasets (each
    dataset's net gain over its ``sources``, its labelled sourced attributions; the smaller C on a tie). Role
    accuracy is reported per dataset: summing raw counts let the wire stories, three times the sources and
    twenty-six times the witnesses, choose alone (1,188 wire roles gained for 84 PolNeAR roles lost, where 1,095
    for 25 is the better pair of accuracies)."""
    grid: list[dict[str, Any]] = []  # settings, gain and each dataset's counts
    for C in GRID:
        p = out_of_fold(data, C)
        for t in THRESHOLDS:
            c = counts(data, p, t)
            grid.append({"C": C, "threshold": t, "net": sum(d["net"] for d in c.values()),
                         "gain": accuracy_gain(c, sources), **c})
    best = max(grid, key=lambda g: (g["gain"], -g["C"], g["threshold"]))
    return best["C"], best["threshold"], grid


def main(argv: list[str] | None = None) -> int:
    out = artifact_dir("python -m model.training.witnesses", __doc__, argv)
    if out is None:
        return 0
    np.random.seed(SEED)
    labels, stories = team_train_labels(), train_stories()
    data = data_rows(labels, stories)
    C, threshold, grid = choose(data, {"polnear": sum(1 for g in labels if g.get("source")),
                                       "wire": sum(map(wire_labels.sourced, stories))})
    model = at_threshold(make(C).fit([r.traits for r in data], np.array([r.witness for r in data])), threshold)
    chosen = next(g for g in grid if g["C"] == C and g["threshold"] == threshold)
    meta = {
        "name": "witness-role", "version": VERSION,
        "role": "attribution stage model (witnesses): which sources the rules left 'other' are witnesses",
        "features": [str(f) for f in model.named_steps["features"].get_feature_names_out()],
        "settings": {"C": C, "threshold": threshold}, "seed": SEED, "libraries": artifact.library_versions(),
        "threshold_in_intercept": True,
        "training_data": {"labels": "model/data/sourcing (team train split) and model/data/wire (train half); "
                                    "the holdouts of each excluded",
                          "articles": len({g["article"] for g in labels}), "stories": len(stories),
                          "rows": len(data), "witnesses": sum(r.witness for r in data),
                          "sha256": data_hash(labels, POLNEAR / "train" / "text", *story_files(stories))},
        "metrics": {"grouped_cv": chosen, "grid": grid, "folds": FOLDS},
    }
    written = artifact.write(model, out, ARTIFACT, meta)
    print(f"wrote {ARTIFACT}.joblib sha256 {written['sha256']}; C {C}, threshold {threshold}")
    for name in ("polnear", "wire"):
        d = chosen[name]
        print(f"grouped CV (train), {name}: {d['tp']} witnesses found, {d['fp']} made wrongly, {d['fn']} missed "
              f"(net {d['net']:+d} roles right)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
