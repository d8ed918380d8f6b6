"""Copies are not witnesses: near-duplicate documents of one request count as one source of evidence.

A syndicated wire story sent twice, or once with a dateline or a byline added and a sentence or two changed,
must not corroborate itself. Two documents are *near-duplicates* when they share at least ``RESEMBLANCE``
of the word five-grams of the longer one (the shorter one nearly inside the longer, and no more than a few
sentences added); documents too short to have five-grams are near-duplicates only when their words are
equal. A group of near-duplicates is represented by its *original*: the shortest member (a copy grows by
its dateline), ties going to the text that sorts first, so the request's order never matters.

Only originals are linked. Each claim of a copy takes the links of the original's claim it restates
(``ALIGNED`` of the longer one's words in common), so it scores as that claim does; a claim of a copy that
restates none (a changed sentence) is linked to nothing. A request holding a document twice therefore
scores every claim of the original exactly as the document alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from model.denial_aim import DenialAim
from model.links import link
from model.paraphrase import Paraphrase
from model.types import Claim, Document, Links

SHINGLE = 5  # words per shingle: long enough that independent reports rarely share one by chance
RESEMBLANCE = 0.5  # shared share of the longer document's shingles that makes two documents copies
ALIGNED = 0.8  # shared share of the longer claim's words that makes a copy's claim the original's
WINDOW = 5  # claims a copy's claim may have moved by against the original (sentences added or dropped)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def originals(documents: Sequence[Document]) -> list[int]:
    """For each document, the index of the original of its group (its own index when it copies nothing)."""
    n = len(documents)
    if n < 2:
        return list(range(n))
    bags = [words(d.text) for d in documents]
    shingles = [{" ".join(b[i:i + SHINGLE]) for i in range(len(b) - SHINGLE + 1)} or {" ".join(b)} for b in bags]
    vocab: dict[str, int] = {}
    rows = [[vocab.setdefault(s, len(vocab)) for s in sh] for sh in shingles]
    x = sparse.csr_matrix((np.ones(sum(map(len, rows))), (np.repeat(np.arange(n), [len(r) for r in rows]),
                                                          [c for r in rows for c in r])), shape=(n, len(vocab)))
    shared = (x @ x.T).tocoo()  # only documents sharing a shingle are compared
    size = np.array([len(s) for s in shingles])
    near = shared.data >= RESEMBLANCE * np.maximum(size[shared.row], size[shared.col])
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(shared.row[near].tolist(), shared.col[near].tolist(), strict=True):
        parent[find(a)] = find(b)
    key = [(len(d.text), d.text, i) for i, d in enumerate(documents)]  # no tie left to the request order
    best: dict[int, int] = {}
    for i in range(n):
        root = find(i)
        if root not in best or key[i] < key[best[root]]:
            best[root] = i
    return [best[find(i)] for i in range(n)]


def link_independent(documents: Sequence[Document], claims: Sequence[Claim],
                     paraphrase: Paraphrase | None = None, aim: DenialAim | None = None) -> list[Links]:
    """Links for every claim, copies counted once (see the module docstring); aligned with ``claims``."""
    origin = originals(documents)
    if all(o == i for i, o in enumerate(origin)):
        return link(claims, paraphrase, aim)
    kept = [k for k, c in enumerate(claims) if origin[c.doc_index] == c.doc_index]
    linked = dict(zip(kept, link([claims[k] for k in kept], paraphrase, aim), strict=True))
    by_doc: dict[int, list[Claim]] = {}
    for k in kept:
        by_doc.setdefault(claims[k].doc_index, []).append(claims[k])
    by_id = {claims[k].id: linked[k] for k in kept}
    empty = Links()
    out = []
    for k, c in enumerate(claims):
        twin = linked.get(k)
        if twin is None:
            match = restated(c, by_doc.get(origin[c.doc_index], []))
            twin = by_id[match.id] if match is not None else empty
        out.append(twin)
    return out


def restated(claim: Claim, original: Sequence[Claim]) -> Claim | None:
    """The claim of the original document (its claims in order) that a copy's ``claim`` restates: among those
    near its position (a copy adds or changes only a few sentences), the same text, else most words in common."""
    near = original[max(0, claim.number - WINDOW):claim.number + WINDOW + 1]
    same = next((other for other in near if other.text == claim.text), None)
    if same is not None:
        return same
    mine = set(words(claim.text))
    best, best_share = None, 0.0
    for other in near:
        theirs = set(words(other.text))
        share = len(mine & theirs) / max(len(mine), len(theirs), 1)
        if share >= ALIGNED and share > best_share:
            best, best_share = other, share
    return best
