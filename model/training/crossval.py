"""Grouped cross-validation of the scoring Pipeline and the baselines it must beat.

Folds are StratifiedGroupKFold over claims (an Emergent story, or one
labelled example, is one group), repeated over seeds; every figure is
computed on out-of-fold predictions. The headline figures are on Emergent
rows only (real outcomes); labelled rows train in every fold they are not
held out of, and get their own out-of-fold figures.
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


def bands(p: np.ndarray, y: np.ndarray, thresholds: dict) -> dict:
    """Rows and share held up per label band (out-of-fold, first repeat)."""
    label = np.where(p >= thresholds["high"], "high", np.where(p >= thresholds["medium"], "medium", "low"))
    return {b: {"rows": int((label == b).sum()),
                "held_up": round(float(y[label == b].mean()), 3) if (label == b).any() else None}
            for b in ("low", "medium", "high")}
