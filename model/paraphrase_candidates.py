"""Which pairs of sentences the paraphrase model (``model.paraphrase``) reads: two attributed, asserting sentences
of one document, of different sources, each a whole sentence or an attributed headline saying enough to state a
fact (not a refusal, a denial, a question nor a Title Case headline), at most ``WINDOW`` claims apart that say
something. Linear in the article; the model then decides each pair.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from model.content import Analysis
from model.types import Claim

WINDOW = 20  # claims apart at most (refusals not counted): the labelled corroborations lie up to 13 sentences apart
MIN_TERMS = 4  # content words a claim needs to state a fact another can restate ("The Donald." states none)
TITLE_WORD, TITLE_WORDS, TITLE_SHARE = 3, 4, 0.8  # a headline: most of its 4+ longer words capitalised
ENDS = ('.', '!', '?', '"', "'", '\u201d', '\u2019')  # a claim not ending so is a clause's or a headline's


def sentences(claims: Sequence[Claim], key: np.ndarray) -> dict[int, tuple[int, ...]]:
    """Each sentence's claims of one source, by the first of them: a sentence goes on past a claim that ends no
    sentence ("Inspection records ... show that inspectors noted water in May" + "and ordered new pumps.")."""
    runs: dict[int, list[int]] = {}
    head = 0
    for k, c in enumerate(claims):
        prev = claims[k - 1] if k else None
        goes_on = (prev is not None and not prev.text.rstrip().endswith(ENDS) and prev.doc_index == c.doc_index
                   and prev.paragraph == c.paragraph and key[k - 1] == key[k])
        if not goes_on:
            head = k
        runs.setdefault(head, []).append(k)  # appended, not a tuple rebuilt: a 4,000-claim sentence stays linear
    return {h: tuple(ks) for h, ks in runs.items()}


def eligible(claims: Sequence[Claim], found: Sequence[Analysis], headline: bool = False) -> bool:
    """Could these claims (one sentence's, of one source) corroborate another by paraphrase? Attributed,
    asserting, a whole sentence or a ``headline`` (``headlines``; not a question nor a Title Case headline) saying
    enough to state a fact."""
    first, last = claims[0].text.strip(), claims[-1].text.strip()
    terms = found[0].content if len(found) == 1 else frozenset().union(*(f.content for f in found))  # no copy
    return (all(map(_asserted, claims))
            and not any(f.denial for f in found) and len(terms) >= MIN_TERMS
            and not any("?" in c.text for c in claims) and (last.endswith(ENDS) or headline)
            and not first[:1].islower()
            and not (claims[0].paragraph == 0 and title_case(first)))


def headlines(claims: Sequence[Claim]) -> np.ndarray:
    """The claims of a headline: a first paragraph with no sentence end ("Estate agency made up rival bids, former
    agents say") above more paragraphs. A headline restates what the article's sources say: the words it shares
    with them link nothing (``model.links``), but an attributed one is corroborated by the body's other sources
    as often as a lead is (404 of wire train's 4,885 labelled corroborations involve a title line), which the
    paraphrase model decides, with a FEATURE that marks it. It may still be denied, and its restatements still pass
    a denial on."""
    later = {c.doc_index for c in claims if c.paragraph > 0}
    last: dict[int, Claim] = {}  # each document's last claim of its first paragraph: does that paragraph end so?
    for c in claims:
        if c.paragraph == 0 and (c.doc_index not in last or c.end > last[c.doc_index].end):
            last[c.doc_index] = c
    heads = {d for d, c in last.items() if d in later and not c.text.rstrip().endswith(ENDS)}
    return np.array([c.paragraph == 0 and c.doc_index in heads for c in claims], dtype=bool)


def _asserted(claim: Claim) -> bool:
    """An attributed claim that neither refuses nor denies (as ``eligible`` asks of each claim of a sentence)."""
    return claim.kind != "unattributed" and claim.stance not in ("declines", "denies")


def title_case(text: str) -> bool:
    """A headline written in Title Case ("Wealthy Voters Abandon Republican Party for Hillary Clinton.")."""
    long = [w for w in text.split() if len(w) > TITLE_WORD]
    return len(long) >= TITLE_WORDS and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def candidates(claims: Sequence[Claim], found: Sequence[Analysis], key: np.ndarray,
               units: dict[int, tuple[int, ...]] | None = None,
               place: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, b) of sentences, by their first claims, a before b in one document, that the model reads (see
    the module docstring); sorted. (``place``: ``places(found)``, when already at hand.)"""
    units = sentences(claims, key) if units is None else units
    heads = headlines(claims)
    # The first claim's own kind and stance first: most sentences that are not candidates fail there, before any
    # list is built for ``eligible``.
    at = np.array([h for h, ks in units.items() if _asserted(claims[h])
                   and eligible([claims[k] for k in ks], [found[k] for k in ks], bool(heads[h]))], dtype=np.int64)
    place = (places(found) if place is None else place)[at]
    doc = np.array([claims[k].doc_index for k in at.tolist()], dtype=np.int64)
    # Places only grow along the sentences, so each one pairs with the next ones up to the last within WINDOW
    # places, and at most WINDOW sentences on: all pairs built at once, not one array pass per step.
    last = np.minimum(np.searchsorted(place, place + WINDOW, side="right"), np.arange(1, len(at) + 1) + WINDOW)
    lengths = last - np.arange(len(at)) - 1
    i = np.repeat(np.arange(len(at)), lengths)
    j = i + 1 + np.arange(len(i)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    a, b = at[i], at[j]
    ok = (doc[i] == doc[j]) & (key[a] != key[b])
    return a[ok], b[ok]  # sorted by a, then b: i grows, and j grows within each i


def places(found: Sequence[Analysis]) -> np.ndarray:
    """Each claim's place among the claims that say something: a refusal (no content) moves no distance."""
    return np.cumsum([bool(f.content) for f in found], dtype=np.int64)
