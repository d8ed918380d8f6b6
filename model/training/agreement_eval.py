"""Figures for the stance model: per-class P/R/F1, macro F1, the FNC-1 score, and Emergent's veracity check.

Also the simple baseline the model is compared with: a claim-word overlap threshold for unrelated, a
refuting-word regex for denies, and discusses (the commonest related stance) otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import f1_score, precision_recall_fscore_support, roc_auc_score

from model.agreement_features import sentence_spans

CLASSES = ("agrees", "denies", "discusses", "unrelated")
WORD = re.compile(r"[^\W_]+")
REFUTING = re.compile(r"\b(?:hoax|fake|debunk\w*|not true|false|den(?:y|ies|ied))\b", re.IGNORECASE)
# The one-line regex over the bodies, the veracity baseline the stance model has to beat.
VERACITY_REGEX = re.compile(r"hoax|fake|debunked|not true|false", re.IGNORECASE)


def stance_report(y: Sequence[str] | np.ndarray, pred: Sequence[str] | np.ndarray) -> dict:
    """Per-class precision, recall, F1 and support; macro F1; the FNC-1 score (relative to its maximum)."""
    p, r, f, n = precision_recall_fscore_support(y, pred, labels=list(CLASSES), zero_division=0)
    per_class = {c: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3),
                     "f1": round(float(f[i]), 3), "support": int(n[i])} for i, c in enumerate(CLASSES)}
    return {"per_class": per_class, "macro_f1": round(float(f1_score(y, pred, labels=list(CLASSES),
                                                                         average="macro", zero_division=0)), 3),
            "fnc_score": round(fnc_score(y, pred), 3), "pairs": len(y)}


def fnc_score(y: Sequence[str] | np.ndarray, pred: Sequence[str] | np.ndarray) -> float:
    """FNC-1's weighted score over its maximum: 0.25 for related/unrelated right, 0.75 more for the stance."""
    got = best = 0.0
    for g, p in zip(y, pred, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            got += 0.25 if g == "unrelated" else 1.0
        elif g != "unrelated" and p != "unrelated":
            got += 0.25
    return got / best if best else 0.0


def macro_f1(y: Sequence[str] | np.ndarray, pred: Sequence[str] | np.ndarray) -> float:
    return float(f1_score(y, pred, labels=list(CLASSES), average="macro", zero_division=0))


# ---- the baseline ---------------------------------------------------------------------------------------
def overlap(claim: str, text: str) -> float:
    """Share of the claim's content words (lower-cased, stop words out) that the text contains."""
    a = set(WORD.findall(claim.lower())) - ENGLISH_STOP_WORDS
    return len(a & set(WORD.findall(text.lower()))) / len(a) if a else 0.0


def baseline_predict(overlaps: np.ndarray, refuting: np.ndarray, threshold: float) -> np.ndarray:
    return np.where(overlaps < threshold, "unrelated", np.where(refuting, "denies", "discusses"))


def baseline_fit(overlaps: np.ndarray, refuting: np.ndarray, y: Sequence[str]) -> float:
    """The overlap threshold with the best macro F1 on the given (training) pairs."""
    grid = np.round(np.arange(0.05, 0.95, 0.05), 2)
    scores = [macro_f1(y, baseline_predict(overlaps, refuting, t)) for t in grid]
    return float(grid[int(np.argmax(scores))])


def baseline_inputs(pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([overlap(a, b) for a, b in pairs]),
            np.array([bool(REFUTING.search(b)) for _, b in pairs]))


# ---- Emergent's real question ---------------------------------------------------------------------------
def veracity_auc(truth: Sequence[bool], scores: Sequence[float] | np.ndarray) -> float:
    """ROC AUC of scores ranking true stories above false ones."""
    return round(float(roc_auc_score(np.asarray(truth, dtype=int), np.asarray(scores))), 3)


def story_scores(proba: np.ndarray, owner: np.ndarray, n_stories: int) -> dict[str, np.ndarray]:
    """Per story, from its bodies' probabilities (columns in CLASSES order): the mean of P(agrees) -
    P(denies), and minus the share of bodies predicted denies (higher = more likely true)."""
    margin = proba[:, 0] - proba[:, 1]
    denies = (proba.argmax(axis=1) == 1).astype(float)
    count = np.bincount(owner, minlength=n_stories).astype(float)
    count[count == 0] = 1.0
    return {"mean_agree_minus_deny": np.bincount(owner, margin, minlength=n_stories) / count,
            "minus_share_denies": -np.bincount(owner, denies, minlength=n_stories) / count}


def regex_scores(bodies: Sequence[Sequence[str]]) -> np.ndarray:
    """Minus the share of a story's bodies that the veracity regex matches."""
    return np.array([-np.mean([bool(VERACITY_REGEX.search(b)) for b in bs]) if bs else 0.0 for bs in bodies])


def sentences(text: str) -> list[str]:
    """The text's non-blank sentences, split as the stance features split them."""
    return [text[s:e].strip() for s, e in sentence_spans(text) if text[s:e].strip()]
