"""Grouped, nested cross-validation of the scoring Pipeline and the baselines it must beat.

Folds are StratifiedGroupKFold over claims (an Emergent story, or one
labelled example, is one group), repeated over seeds; every figure is
computed on out-of-fold predictions. What is chosen (the regularisation
strength) is chosen inside each outer fold's training part by inner folds,
so the outer figures never saw the choice. The headline figures are on
Emergent rows only (real outcomes); labelled rows train in every fold they
are not held out of, and get their own out-of-fold figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from tqdm import tqdm

from model.features import ClaimFeatures

FOLDS, REPEATS = 5, 5
INNER_FOLDS = 4


def _take(X: list | np.ndarray, idx: np.ndarray) -> list | np.ndarray:
    return [X[i] for i in idx] if isinstance(X, list) else X[idx]


def out_of_fold(make: Callable[[], object], X: list | np.ndarray, y: np.ndarray, groups: np.ndarray,
                weight: np.ndarray, seed: int, desc: str, weight_key: str = "model__sample_weight") -> np.ndarray:
    """REPEATS x n out-of-fold probabilities of ``make()`` (a fresh estimator per fold, weighted rows)."""
    oof = np.zeros((REPEATS, len(y)))
    for r in tqdm(range(REPEATS), desc=desc, unit="repeat", leave=False):
        cv = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed + r)
        for train, test in cv.split(np.zeros(len(y)), y, groups):
            est = clone(make())
            est.fit(_take(X, train), y[train], **{weight_key: weight[train]})
            oof[r, test] = est.predict_proba(_take(X, test))[:, 1]
    return oof


def choose(make: Callable[[float], Pipeline], grid: Sequence[float], X: list | np.ndarray, y: np.ndarray,
           groups: np.ndarray, weight: np.ndarray, mask: np.ndarray, seed: int) -> float:
    """The value of ``grid`` with the lowest grouped-CV Brier on the masked (Emergent) rows."""
    cv = StratifiedGroupKFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed)
    splits = list(cv.split(np.zeros(len(y)), y, groups))
    briers = []
    for c in grid:
        p = np.zeros(len(y))
        for train, test in splits:
            est = make(c).fit(_take(X, train), y[train], model__sample_weight=weight[train])
            p[test] = est.predict_proba(_take(X, test))[:, 1]
        briers.append(brier_score_loss(y[mask], p[mask]))
    return float(grid[int(np.argmin(briers))])


def nested(make: Callable[[float], Pipeline], grid: Sequence[float], X: list, y: np.ndarray, groups: np.ndarray,
           weight: np.ndarray, mask: np.ndarray, seed: int) -> tuple[np.ndarray, list[float]]:
    """REPEATS x n outer out-of-fold probabilities, each outer fold fitted with the value its inner folds chose
    on its training part alone; and the values chosen."""
    oof, chosen = np.zeros((REPEATS, len(y))), []
    for r in tqdm(range(REPEATS), desc="nested CV", unit="repeat", leave=False):
        cv = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed + r)
        for train, test in cv.split(np.zeros(len(y)), y, groups):
            c = choose(make, grid, _take(X, train), y[train], groups[train], weight[train], mask[train], seed + r)
            chosen.append(c)
            est = make(c).fit(_take(X, train), y[train], model__sample_weight=weight[train])
            oof[r, test] = est.predict_proba(_take(X, test))[:, 1]
    return oof, chosen


def holdout_metrics(pipeline, rows: list) -> dict:
    """ROC AUC and Brier of the final model on the holdout rows (scored once, never used to choose anything)."""
    if not rows:
        return {}
    y = np.array([r.y for r in rows])
    p = pipeline.predict_proba([(r.claim, r.links) for r in rows])[:, 1]
    return {"roc_auc": round(float(roc_auc_score(y, p)), 4), "brier": round(float(brier_score_loss(y, p)), 4),
            "rows": len(rows), "positives": int(y.sum())}


def metrics(oof: np.ndarray, y: np.ndarray, mask: np.ndarray) -> dict:
    """Mean and spread over repeats of ROC AUC and Brier on the masked rows."""
    aucs = [roc_auc_score(y[mask], p[mask]) for p in oof]
    briers = [brier_score_loss(y[mask], p[mask]) for p in oof]
    return {"roc_auc": round(float(np.mean(aucs)), 4), "roc_auc_sd": round(float(np.std(aucs)), 4),
            "brier": round(float(np.mean(briers)), 4), "brier_sd": round(float(np.std(briers)), 4),
            "rows": int(mask.sum()), "positives": int(y[mask].sum())}


def single_feature_rules(F: np.ndarray, y: np.ndarray, groups: np.ndarray, weight: np.ndarray, mask: np.ndarray,
                         names: Sequence[str], seed: int) -> list[dict]:
    """Each feature alone, as a one-feature logistic rule, under the same folds; best Brier first."""
    out = []
    for j, name in enumerate(names):
        if np.ptp(F[mask, j]) == 0:
            continue
        oof = out_of_fold(lambda: LogisticRegression(C=1.0), F[:, [j]], y, groups, weight, seed, f"rule {name}",
                          weight_key="sample_weight")
        out.append({"feature": name, **metrics(oof, y, mask)})
    return sorted(out, key=lambda m: m["brier"])


def alternatives(X: list, y: np.ndarray, groups: np.ndarray, weight: np.ndarray, mask: np.ndarray, seed: int) -> dict:
    """The same features under an unconstrained logistic model and gradient boosting."""
    makes = {
        "logistic_unconstrained": lambda: Pipeline([("features", ClaimFeatures()),
                                                    ("model", LogisticRegression(C=1.0, max_iter=1000))]),
        "hist_gradient_boosting": lambda: Pipeline([("features", ClaimFeatures()), (
            "model", HistGradientBoostingClassifier(max_depth=3, max_iter=100, learning_rate=0.05,
                                                    random_state=seed))]),
    }
    return {name: metrics(out_of_fold(make, X, y, groups, weight, seed, name), y, mask) for name, make in makes.items()}


def bands(p: np.ndarray, y: np.ndarray, thresholds: dict, emergent: np.ndarray) -> dict:
    """Rows and share held up per label band (out of fold), on Emergent and on the labelled examples."""
    label = np.where(p >= thresholds["high"], "high", np.where(p >= thresholds["medium"], "medium", "low"))
    out = {}
    for name, mask in (("emergent", emergent), ("labelled", ~emergent)):
        out[name] = {b: {"rows": int(((label == b) & mask).sum()),
                         "held_up": round(float(y[(label == b) & mask].mean()), 3) if ((label == b) & mask).any()
                         else None} for b in ("low", "medium", "high")}
    return out
