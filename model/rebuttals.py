"""Rebuttals: a later claim of another source that negates what an earlier claim of its article asserts.

'"The finance minister has not offered her resignation," a spokeswoman said', after two officials said she had:
content that explicitly rejects a claim in play, which the guideline counts as a denial though no denial word says
so. Linking (``model.links``) finds the candidate pairs (b later than a in a's article, from another source, b
negated and a not, both attributed) and the words particular to each pair; ``rebuts`` says which of them b rebuts,
and ``with_rebuttals`` gives each rebuttal the stance "denies". What a negation governs is ``content.rejected``;
the words that keep a negation from rebutting are in ``model/lexicon/rebuttal.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from model.content import Analysis, rejected
from model.types import Claim, Links

SHARED, SHARE = 2, 0.4  # words particular to the pair the rebuttal shares, and their share of its own such words


class StoryShares(NamedTuple):
    """What pairs of one article share once the story's recurring words are left out (``model.matching.same_story``)."""

    match: np.ndarray  # per pair: one restates the other, or they match on their particular words
    shared: np.ndarray  # per pair: particular words they share
    own: np.ndarray  # per claim: its own particular words


def rebuts(claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
           story: StoryShares | None, at: np.ndarray) -> np.ndarray:
    """Of the candidate pairs (a, b), those where b rebuts a: its negation governs a term of a's content
    ("Rosenberg was not near Kobani" after "Rosenberg is fighting near Kobani"), and it shares ``SHARED`` of its
    own words particular to the pair (the story's recurring words left out: ``story``, the same-document pairs'
    shares, read at positions ``at``), ``SHARE`` of them at least."""
    if not len(a) or story is None:
        return np.zeros(len(a), dtype=bool)
    negates = {j: rejected(claims[j]) for j in set(b.tolist())}
    aimed = np.array([not negates[j].isdisjoint(found[i].content) for i, j in zip(a.tolist(), b.tolist(), strict=True)])
    shared = story.shared[at]
    return aimed & (shared >= SHARED) & (shared / story.own[b].clip(min=1) >= SHARE)


def with_rebuttals(claims: Sequence[Claim], links: Sequence[Links]) -> list[Claim]:
    """The claims, each rebuttal (``Links.rebuts``) taking the stance "denies"; a refusal stays one."""
    return [replace(c, stance="denies") if lk.rebuts and c.stance == "asserts" else c
            for c, lk in zip(claims, links, strict=True)]
