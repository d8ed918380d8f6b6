"""What the learned pair models (``model.paraphrase``, ``model.denial_aim``) share: named rows as a Pipeline's first
step, and the verified Pipeline served with its scaling folded into the weights."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Self

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, TransformerMixin

from model import artifact

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # the shipped models


class NamedRows(TransformerMixin, BaseEstimator):
    """Rows already computed by a model's ``table`` -> themselves, named ``FEATURES``: a Pipeline's first step."""

    FEATURES: ClassVar[tuple[str, ...]] = ()

    def fit(self, X, y=None) -> NamedRows:
        return self

    def transform(self, X) -> np.ndarray:
        return np.asarray(X, dtype=float).reshape(-1, len(self.FEATURES))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.array(self.FEATURES, dtype=object)


class PairModel:
    """A verified pair Pipeline (NamedRows -> StandardScaler -> LogisticRegression) and the threshold it was
    tuned with; ``NAME`` is its artifact, ``TRAINING`` the command that writes it."""

    NAME: ClassVar[str] = ""
    TRAINING: ClassVar[str] = ""
    REQUIRED = ("features", "threshold", "training_data", "metrics")

    def __init__(self, pipeline, meta: dict) -> None:
        if list(pipeline[0].get_feature_names_out()) != list(meta["features"]):
            raise artifact.ArtifactError(f"the {self.NAME} model's features differ from its metadata's")
        self.pipeline = pipeline
        self.meta = meta
        self.threshold = float(meta["threshold"])
        # The Pipeline's decision function with the scaling folded into the weights: predict_proba's input
        # checks cost more than the arithmetic on a request's few hundred rows (the scorer does the same).
        scale, model = pipeline.named_steps["scale"], pipeline.named_steps["model"]
        self.weights = model.coef_[0] / scale.scale_
        self.bias = float(model.intercept_[0] - scale.mean_ / scale.scale_ @ model.coef_[0])

    @classmethod
    def load(cls, directory: Path = ARTIFACTS) -> Self:
        pipeline, meta = artifact.load(directory, cls.NAME, cls.REQUIRED, hint=f"train with {cls.TRAINING}")
        return cls(pipeline, meta)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """The Pipeline's probability of each row."""
        return expit(rows @ self.weights + self.bias)
