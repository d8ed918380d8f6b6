"""What a denial by the accused answers: the accusation before it that names the denier.

"Sell has said he had no involvement in the companies" restates no words of the report it answers ("the
payments had been routed through accounts controlled by ... Gustav Sell") and points at nothing ("the
report"), so neither word overlap nor ``model.pointers`` links it. Who denies says what: a named person or
body denying is, in news copy, answering what was said of them. Used by ``model.links`` for a denial that
found nothing else to deny in its own article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from model.pair_arrays import pair_code
from model.pointers import BACK_WINDOW, accuses, without_source
from model.types import Claim

_NAMED = ("named_person", "named_organization")


def accusation(claims: Sequence[Claim], k: int, key: np.ndarray, denial: np.ndarray) -> int | None:
    """The nearest earlier claim (at most BACK_WINDOW back, in k's article) of another source, neither a
    denial, a refusal nor the journalist's own, whose words outside its source accuse ("allegedly", "blamed")
    and name the named denier k."""
    denier = claims[k]
    if denier.kind not in _NAMED or not denier.entity:
        return None
    name = re.compile(r"\b" + re.escape(denier.entity) + r"\b", re.IGNORECASE)
    for j in range(k - 1, max(k - 1 - BACK_WINDOW, -1), -1):
        c = claims[j]
        if c.doc_index != denier.doc_index:
            break
        if denial[j] or c.stance == "declines" or c.kind == "unattributed" or key[j] == key[k]:
            continue
        said = without_source(c)
        if name.search(said) and accuses(said):
            return j
    return None


def with_accusations(claims: Sequence[Claim], a: np.ndarray, b: np.ndarray, denial: np.ndarray,
                     key: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (a, b) with a pair (accusation, denier) added for every claim the stance rules read as denying
    that is linked to nothing in its own article, and the denial flags with those deniers set. Pairs stay
    unique and sorted."""
    same = doc[a] == doc[b]
    answered = set(a[same].tolist()) | set(b[same].tolist())
    added: list[int] = []
    denial = denial.copy()
    for k, c in enumerate(claims):
        if c.stance != "denies" or k in answered:
            continue
        j = accusation(claims, k, key, denial)
        if j is not None:
            added.append(j * len(claims) + k)
            denial[k] = True
    if not added:
        return a, b, denial
    code = np.unique(np.concatenate([pair_code(a, b, len(claims)), np.array(added, dtype=np.int64)]))
    return code // len(claims), code % len(claims), denial
