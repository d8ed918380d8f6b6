"""How a text stands towards a claim (agrees, denies, discusses, unrelated): the learned stance model, served.

The model is the ``agreement`` artifact in ``model/artifacts/`` (a scikit-learn Pipeline: PairFeatures ->
StandardScaler -> LogisticRegression, trained by ``python -m model.training.agreement``; card in
``model/training/AGREEMENT.md``). Loading checks its sha256 before unpickling. Prediction is batch-first:
a request's pairs go in one call, each distinct text is read once, pair features are sparse row products
and there is one ``predict_proba``. A pair gets the same probabilities alone or in any batch.

Use::

    model = Agreement.load()
    p = model.predict_proba([(claim, sentence), ...])            # rows sum to 1, columns model.classes
    p = model.predict_proba_indexed(claims, texts, ia, ib)       # pair k = (claims[ia[k]], texts[ib[k]])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from model import artifact
from model.agreement_features import Pairs

NAME = "agreement"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
REQUIRED = ("classes", "features", "libraries", "training_data", "metrics")
CLASSES = ("agrees", "denies", "discusses", "unrelated")


class Agreement:
    """A verified stance Pipeline and its metadata."""

    def __init__(self, pipeline, meta: dict) -> None:
        self.pipeline = pipeline
        self.meta = meta
        self.classes = tuple(str(c) for c in pipeline.classes_)
        if self.classes != tuple(meta["classes"]):
            raise artifact.ArtifactError("the stance model's classes differ from its metadata's")
        if list(pipeline[0].get_feature_names_out()) != list(meta["features"]):
            raise artifact.ArtifactError("the stance model's features differ from its metadata's feature list")

    @classmethod
    def load(cls, directory: Path = ARTIFACTS) -> Agreement:
        pipeline, meta = artifact.load(directory, NAME, REQUIRED, hint="train with python -m model.training.agreement")
        return cls(pipeline, meta)

    def info(self) -> dict:
        return {"name": self.meta["name"], "version": self.meta["version"], "sha256": self.meta["sha256"]}

    def predict_proba(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """P(class) per (claim, text) pair, columns in ``self.classes`` order; shape (pairs, classes)."""
        return self._predict(Pairs.of(pairs))

    def predict_proba_indexed(self, claims: Sequence[str], texts: Sequence[str], ia: Sequence[int] | np.ndarray,
                              ib: Sequence[int] | np.ndarray) -> np.ndarray:
        """P(class) for pairs given as indices into distinct claims and texts (no per-pair strings)."""
        ia, ib = np.asarray(ia, dtype=np.int64).ravel(), np.asarray(ib, dtype=np.int64).ravel()
        if len(ia) != len(ib):
            raise ValueError(f"ia and ib differ in length ({len(ia)} and {len(ib)})")
        for name, idx, n in (("ia", ia, len(claims)), ("ib", ib, len(texts))):
            if len(idx) and (idx.min() < 0 or idx.max() >= n):
                raise ValueError(f"{name} holds an index outside 0..{n - 1}")
        return self._predict(Pairs(list(claims), list(texts), ia, ib))

    def predict(self, pairs: Iterable[tuple[str, str]]) -> list[str]:
        """The most probable stance per pair."""
        p = self.predict_proba(pairs)
        return [self.classes[i] for i in p.argmax(axis=1)]

    def _predict(self, pairs: Pairs) -> np.ndarray:
        if not len(pairs):
            return np.zeros((0, len(self.classes)))
        return self.pipeline.predict_proba(pairs)
