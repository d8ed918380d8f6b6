"""Verify and load the scoring artifact; score a request's claims in one batch.

Placeholder until the scoring model lands: no artifact, every claim unscored.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from model.types import Claim, Links, Scored


class ArtifactError(RuntimeError):
    """The artifact is missing, unreadable or fails its sha256 check."""


class Scorer:
    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir

    @classmethod
    def load(cls, model_dir: Path) -> Scorer:
        return cls(model_dir)

    def info(self) -> dict:
        return {"name": "unscored", "version": "0", "sha256": None}

    def card(self) -> dict:
        return {**self.info(), "features": [], "metrics": {}}

    def score(self, claims: Sequence[Claim], links: Sequence[Links], explain: bool = True) -> list[Scored]:
        return [Scored(claim=c, links=lk) for c, lk in zip(claims, links, strict=True)]
