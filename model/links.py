"""Corroboration and denial across every claim of a request (placeholder: no links yet)."""

from __future__ import annotations

from collections.abc import Sequence

from model.types import Claim, Links


def link(claims: Sequence[Claim]) -> list[Links]:
    """One Links per claim, aligned with ``claims``."""
    return [Links() for _ in claims]
