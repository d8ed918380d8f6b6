"""Corroboration and denial across every claim of a request.

All documents of one request are one story. Each claim is reduced to its
*content terms*: lower-cased words of its text with the source and cue spans
cut out, function words, cue words and denial words dropped, and a light
suffix stemming applied ("soldiers" -> "soldier", "crossed" -> "cross"). The
terms are hashed into one sparse binary matrix ``X`` (claims x terms), so
``X @ X.T`` gives every pair's shared-term count in one sparse product: the
work grows with the pairs that share a term, not with all pairs, and no
Python loop runs over pairs that share nothing. Terms carried by more than
``max(200, 20 %)`` of a request's claims are dropped first (blocking: a
story's topic word would otherwise pair every claim with every other).

Matching compares one claim's content terms with the other's *mention* terms
(content plus the source's own words, either way round), so "Apple will
launch ..." is restated by "Apple said it will launch ...". Two claims
*match* when they share at least two terms and the shared terms
cover at least ``MATCH`` of the shorter claim's terms; a denial needs only
``DENIAL_MATCH`` of the denier's terms, because a denial names what it denies
tersely ("dismissed the reports of any Iranian military presence in Iraq").
A denial in another document also matches when that document as a whole
covers ``TOPIC`` of the claim's terms and the denial shares one of them
(coverage that debunks "the report" without repeating it).

For a matched pair (a, b) of different claims:

- same polarity (both assert, or both deny/negate) and different sources:
  b corroborates a. Sources are entity keys: ``Claim.entity``, or, for an
  unattributed claim, its document (the outlet's own voice). The same entity
  twice, a pronoun resolving to it, or two outlets quoting one person count
  once and never corroborate each other.
- b is a denial (stance "denies", or debunking words: hoax, fake, false, not
  true, no evidence, ...) and a is not: b denies a; ``official_denial`` when
  any denier's role is official. a, asserting the same content, contradicts b.
- otherwise opposite polarity (one negated): b contradicts a.

Every decision is per pair and symmetric in request order, so shuffling the
documents never changes a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from model.types import Claim, Links

MATCH = 0.5  # shared share of the shorter claim's terms for a content match
WIDE_SHARED, WIDE_MATCH = 4, 0.33  # or many shared terms covering a third (long paraphrases)
DENIAL_MATCH = 0.3  # a denial restates less of what it denies
TOPIC = 0.6  # share of a claim's terms its denier's document must cover
MIN_SHARED = 2


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP = _words(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself now of off on once only or
    other our ours out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yet however still even one two also mr mrs ms dr may might must shall us via per new
    last first week year years day days time times today yesterday monday tuesday wednesday thursday friday saturday
    sunday"""
)
# Attribution vocabulary: who said it is not what was said.
CUE = _words(
    """say said says saying told tell tells according report reported reports reporting claim claimed claims claiming
    stated add added adds announce announced confirm confirmed confirms believe believes believed
    reveal revealed reveals insist insisted explain explained note noted suggest suggested speaking spoke write wrote
    source sources official officials spokesman spokeswoman spokesperson statement news agency media"""
)
DENY = _words(
    """deny denied denies denying dismiss dismissed dismisses reject rejected rejects refute refuted refutes debunk
    debunked debunks hoax hoaxes fake false untrue fabricated fabrication baseless rumor rumour rumors rumours myth
    satire satirical bogus unfounded nonsense rubbish"""
)
NEGATION = _words("not no never none neither nor nothing cannot n't isn't wasn't aren't weren't didn't "
                     "doesn't don't won't wouldn't hasn't haven't hadn't")
DENIAL_PHRASES = re.compile(
    r"\b(?:hoax(?:es)?|fake|false(?:ly)?|not true|untrue|debunk\w*|no evidence|no truth|fabricat\w+|"
    r"baseless|bogus|unfounded|satir\w+|denie[sd]|deny(?:ing)?|dismiss(?:ed|es)?|refut\w+|reject(?:ed|s)?)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d.,]*\w*")
SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


def stem(word: str) -> str:
    """Strip one common suffix, keeping at least three letters (light, rule-based on purpose)."""
    if word[0].isdigit():
        return word.rstrip(".,")
    for suffix, repl in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def _visible_text(claim: Claim) -> str:
    """The claim's text with its source and cue spans blanked (offsets are document offsets)."""
    text = claim.text
    for span in (claim.source, claim.cue):
        if span is None:
            continue
        lo, hi = span.start - claim.start, span.end - claim.start
        if 0 <= lo < hi <= len(text):
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def _terms(text: str) -> set[str]:
    words = (w.lower().replace("’", "'").strip("'-") for w in WORD.findall(text))
    return {stem(w) for w in words if len(w) > 1 and w not in STOP and w not in CUE
            and w not in DENY and w not in NEGATION and not w.endswith("n't")}


def content_terms(claim: Claim) -> list[str]:
    """Stemmed content words of what the claim says, without who says it."""
    return sorted(_terms(_visible_text(claim)))


def mention_terms(claim: Claim) -> list[str]:
    """Content terms plus the source's own words: what the sentence mentions at all ("Apple said ...")."""
    return sorted(_terms(_visible_text(claim)) | _terms(claim.source.text if claim.source else ""))


def is_denial(claim: Claim) -> bool:
    """Denies something: by its stance, or in debunking words ("a hoax", "not true", "no evidence")."""
    return claim.stance == "denies" or bool(DENIAL_PHRASES.search(claim.text))


def is_negated(claim: Claim) -> bool:
    return any(w.lower() in NEGATION or w.lower().endswith("n't") for w in WORD.findall(_visible_text(claim)))


def source_key(claim: Claim) -> str:
    """Who stands behind a claim: its entity, or the outlet's own voice for an unattributed one."""
    return claim.entity or f"#document:{claim.doc_index}"


_HASHER = HashingVectorizer(analyzer=lambda terms: terms, n_features=2**20, alternate_sign=False, norm=None,
                            binary=True)


def term_matrices(claims: Sequence[Claim]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Binary claims x hashed-terms matrices of content and mention terms, too common terms dropped."""
    mention = _HASHER.transform([mention_terms(c) for c in claims]).tocsc()
    df = np.diff(mention.indptr)
    cols = np.flatnonzero((df > 0) & (df <= max(200, 0.2 * len(claims))))
    content = _HASHER.transform([content_terms(c) for c in claims]).tocsc()
    return content[:, cols].tocsr(), mention[:, cols].tocsr()


def _membership(doc_index: np.ndarray, rows: np.ndarray) -> sparse.csr_matrix:
    """documents x claims indicator for the claims in ``rows``."""
    _, inverse = np.unique(doc_index, return_inverse=True)
    return sparse.csr_matrix((np.ones(len(rows)), (inverse[rows], rows)), shape=(inverse.max() + 1, len(doc_index)))


def _topical(x: sparse.csr_matrix, xm: sparse.csr_matrix, size: np.ndarray, doc_index: np.ndarray,
             denial: np.ndarray) -> sparse.coo_matrix:
    """Pairs (a, d): d is a denial in another document whose text covers TOPIC of a's terms."""
    everyone = _membership(doc_index, np.arange(len(doc_index)))
    present = (everyone @ xm).sign()  # documents x terms mentioned anywhere in them
    cover = (x @ present.T).tocoo()  # claims x documents: a's terms found in the document
    ok = ((cover.data >= np.maximum(MIN_SHARED, TOPIC * size[cover.row])) & ~denial[cover.row])
    covered = sparse.csr_matrix((np.ones(ok.sum()), (cover.row[ok], cover.col[ok])), shape=cover.shape)
    deniers = _membership(doc_index, np.flatnonzero(denial))
    pairs = (covered @ deniers).tocoo()
    other = doc_index[pairs.row] != doc_index[pairs.col]
    return sparse.coo_matrix((np.ones(other.sum()), (pairs.row[other], pairs.col[other])), shape=pairs.shape)


def _matches(claims: Sequence[Claim], denial: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Matched ordered pairs (a, b): b speaks about a's content (content match, or a denial of it)."""
    x, xm = term_matrices(claims)
    size = np.asarray(x.sum(axis=1)).ravel()
    # One side's content against the other's mentions, either way round: "Apple will launch ..." is
    # restated by "Apple said it will launch ..." although "Apple" is there the source.
    one_way = (x @ xm.T).tocsr()
    shared = one_way.maximum(one_way.T).tocoo()
    a, b, n = shared.row, shared.col, shared.data
    shorter = np.minimum(size[a], size[b]).clip(min=1)
    content = ((n >= MIN_SHARED) & (n / shorter >= MATCH)) | ((n >= WIDE_SHARED) & (n / shorter >= WIDE_MATCH))
    denies = denial[b] & ~denial[a] & (n >= MIN_SHARED) & (n / np.maximum(size[b], 1) >= DENIAL_MATCH)
    keep = (content | denies) & (a != b)
    direct = sparse.coo_matrix((np.ones(keep.sum()), (a[keep], b[keep])), shape=shared.shape)
    doc_index = np.array([c.doc_index for c in claims])
    found = (direct.tocsr() + _topical(x, xm, size, doc_index, denial).tocsr()).tocoo()
    return found.row, found.col


def link(claims: Sequence[Claim]) -> list[Links]:
    """One Links per claim, aligned with ``claims``."""
    if not claims:
        return []
    denial = np.array([is_denial(c) for c in claims], dtype=bool)
    negative = denial | np.array([is_negated(c) for c in claims], dtype=bool)
    keys = [source_key(c) for c in claims]
    corroborating: list[list[int]] = [[] for _ in claims]
    denied: list[list[int]] = [[] for _ in claims]
    contradicted: list[list[int]] = [[] for _ in claims]
    for a, b in zip(*_matches(claims, denial), strict=True):
        if denial[b] and not denial[a]:
            denied[a].append(b)
        elif negative[a] != negative[b]:
            contradicted[a].append(b)
        elif keys[a] != keys[b]:
            corroborating[a].append(b)
    return [_links(claims, keys, i, corroborating[i], denied[i], contradicted[i]) for i in range(len(claims))]


def _links(claims: Sequence[Claim], keys: list[str], i: int, corr: list[int], den: list[int],
           con: list[int]) -> Links:
    def ids(idx: list[int]) -> tuple[str, ...]:
        return tuple(claims[j].id for j in sorted(set(idx), key=lambda j: (claims[j].doc_index, claims[j].number)))

    sources = {keys[j] for j in corr}
    named = {keys[j] for j in corr if claims[j].kind in ("named_person", "named_organization")}
    official = {keys[j] for j in corr if claims[j].role == "official"}
    return Links(corroborated_by=ids(corr), denied_by=ids(den), contradicted_by=ids(con),
                 official_denial=any(claims[j].role == "official" for j in den),
                 corroborating_sources=len(sources), corroborating_named=len(named),
                 corroborating_official=len(official))
