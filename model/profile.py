"""A document's sourcing at a glance, computed from its scored claims (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from model.types import Scored


def profile(scored: Sequence[Scored]) -> dict:
    return {}
