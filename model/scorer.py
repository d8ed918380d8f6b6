"""Verify and load the scoring artifact; score a request's claims in one batch.

The artifact is ``scorer.joblib`` (one scikit-learn Pipeline: ClaimFeatures ->
SignedLogisticRegression) with ``scorer.json`` beside it, loaded through
``model.artifact``: the sha256 in the JSON is checked before anything is unpickled.

Explanations are exact for the logistic model. With ``z = b + x . beta`` and
the reference claim's ``z_ref`` (a named, cued, unhedged, unlinked
assertion), feature j moves the logit by ``beta_j (x_j - x_ref_j)``; those
logit shares are rescaled by ``(p - p_ref) / (z - z_ref)`` so that the
effects, in score units, add up exactly to ``score - reference score`` (at
``z == z_ref`` the slope ``p (1 - p)`` is used). Listed largest |effect|
first; features at their reference value are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.special import expit

from model.artifact import ArtifactError, load
from model.features import FeatureRows, reference_claim
from model.timing import Timer
from model.types import Claim, Links, Scored

NAME = "scorer"
JOBLIB, META = f"{NAME}.joblib", f"{NAME}.json"
REQUIRED = ("features", "thresholds", "base_rate", "metrics", "training_data")
HINT = "train with python -m model.training.train"
_LABELS = np.array(["low", "medium", "high"], dtype=object)  # by index: 0 low, 1 medium, 2 high


def load_pipeline(model_dir: Path) -> tuple[object, dict]:
    """The verified scoring Pipeline and its metadata; its features must be the metadata's."""
    pipeline, meta = load(model_dir, NAME, REQUIRED, HINT)
    names = [f["name"] for f in meta["features"]]
    if list(pipeline[:-1].get_feature_names_out()) != names:
        raise ArtifactError("model features differ from the metadata's feature list")
    return pipeline, meta


class Scorer:
    """A verified scoring Pipeline plus its metadata."""

    def __init__(self, pipeline, meta: dict) -> None:
        self.pipeline = pipeline
        self.meta = meta
        self.featurizer, self.model = pipeline[:-1], pipeline[-1]
        self.features = pipeline[0]  # the ClaimFeatures step, called directly on the request path
        self.names = tuple(self.featurizer.get_feature_names_out())
        self.names_array = np.array(self.names, dtype=object)
        self.coef = self.model.coef_[0]
        self.ref_x = self.featurizer.transform([reference_claim()])[0]
        self.ref_z = float(self.ref_x @ self.coef + self.model.intercept_[0])
        self.ref_p = float(1.0 / (1.0 + np.exp(-self.ref_z)))

    @classmethod
    def load(cls, model_dir: Path) -> Scorer:
        return cls(*load_pipeline(Path(model_dir)))

    def info(self) -> dict:
        return {"name": self.meta["name"], "version": self.meta["version"], "sha256": self.meta["sha256"]}

    def card(self) -> dict:
        keep = ("pipeline", "hyperparameters", "features", "intercept", "training_data", "metrics", "thresholds",
                "base_rate", "explanation", "reference_score", "examples", "libraries", "artifacts")
        return {**self.info(), **{k: self.meta[k] for k in keep if k in self.meta}}

    def labels(self, p: np.ndarray) -> list[str]:
        """low / medium / high by the card's thresholds."""
        t = self.meta["thresholds"]
        # Indexes into an object array: the same strings out, without numpy building a string array first.
        return _LABELS[np.where(p >= t["high"], 2, np.where(p >= t["medium"], 1, 0))].tolist()

    def effects(self, x: np.ndarray, z: np.ndarray, p: np.ndarray) -> np.ndarray:
        """Per claim and feature: the effect in score units against the reference claim (rows sum to p - p_ref)."""
        dz = z - self.ref_z
        flat = np.abs(dz) <= 1e-9
        scale = np.where(flat, p * (1.0 - p), (p - self.ref_p) / np.where(flat, 1.0, dz))
        return (x - self.ref_x) * self.coef * scale[:, None]

    def score(self, claims: Sequence[Claim], links: Sequence[Links], explain: bool = True,
              timer: Timer | None = None) -> list[Scored]:
        """Score every claim of a request with one batched predict; a refusal gets none (``unscored``)."""
        if not claims:
            return []
        with timer("featurize") if timer else nullcontext():
            rows = FeatureRows.of(zip(claims, links, strict=True))  # kept: each is its claim's answer's features
            x = self.features.transform(rows)
        with timer("score") if timer else nullcontext():
            return unscored(self._predict(claims, links, x, rows, explain))

    def _predict(self, claims: Sequence[Claim], links: Sequence[Links], x: np.ndarray, rows: FeatureRows,
                 explain: bool) -> list[Scored]:
        # The model's own decision function and link (SignedLogisticRegression.predict_proba), without its
        # input validation: x comes from our transformer, float and of the fitted width.
        z = x @ self.coef + self.model.intercept_[0]
        p = expit(z)
        rounded = np.round(p, 4)
        labels = self.labels(rounded)  # from the score as shown: 0.35148 shows 0.3515, which the card puts high
        rounded = rounded.tolist()
        if not explain:
            return [Scored(claim=c, links=lk, score=pi, label=la)
                    for c, lk, pi, la in zip(claims, links, rounded, labels, strict=True)]
        effects = np.round(self.effects(x, z, p), 4)
        # Each row's features by |effect|, largest first (stable): the zero effects, left out, are the row's last
        # ones, so a row's explanation is its first ``nonzero`` pairs, cut and paired in C, not tested one by one.
        nonzero = np.count_nonzero(effects, axis=1)
        # Only the columns some row's explanation reaches are read out as Python lists (most rows differ from the
        # reference in a few features).
        order = np.argsort(-np.abs(effects), axis=1, kind="stable")[:, :int(nonzero.max(initial=0))]
        names = self.names_array[order].tolist()
        ranked = np.take_along_axis(effects, order, axis=1).tolist()
        nonzero = nonzero.tolist()
        return [Scored(c, lk, row, pi, la, tuple(zip(ni[:k], ei[:k], strict=True)))
                for c, lk, row, ni, ei, k, pi, la in zip(claims, links, rows, names, ranked, nonzero, rounded, labels,
                                                         strict=True)]


def unscored(scored: list[Scored]) -> list[Scored]:
    """A refusal (stance "declines") asserts nothing: no score, no label, no explanation (its features stay)."""
    return [replace(s, score=None, label=None, explanation=()) if s.claim.stance == "declines" else s
            for s in scored]
