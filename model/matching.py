"""Which pairs of a request's claims speak of the same content: the lexical match ``model.links`` classifies.

Each claim is reduced to its content and mention terms (``model.content``: what it says without who says it,
plus the words of a source named in the sentence). The terms index one binary claims x terms matrix over a
per-request vocabulary (nothing is fitted), so a single sparse product ``X @ Xm.T`` gives every pair's
shared-term count: the work grows with the pairs that share a term, not with all pairs, and no Python loop runs
over pairs. (Small requests use dense arrays for the same arithmetic, where scipy's per-call overhead would
dominate.) Terms carried by more than ``max(200, 20 %)`` of a request's claims are dropped first (blocking: a
story's topic word would otherwise pair every claim with every other), and when the remaining terms could still
produce more than ``PAIRS_PER_CLAIM`` pairs for each claim (hostile repetition), the commonest go next: the pairs
looked at grow linearly with the request, whatever its text.

Matching compares one claim's content terms with the other's mention terms, either way round, so "Apple will
launch ..." is restated by "Apple said it will launch ...". Two claims *match* when they share at least two
terms covering at least ``MATCH`` of the shorter claim's terms (or at least ``WIDE_SHARED`` terms covering
``WIDE_MATCH``: long paraphrases); a denial needs only ``DENIAL_MATCH`` of the denier's terms, because a denial
names what it denies tersely ("dismissed the reports of any Iranian military presence in Iraq"), but inside one
document, where every sentence shares the story's words, it needs a third shared term or to restate
``SAME_DOCUMENT_DENIAL`` of itself. A denial in another document also matches a claim when that document as a
whole mentions ``TOPIC`` of the claim's terms: coverage that debunks "the report" without repeating it ("The
story is a hoax"). Inside one article, ``same_story`` says what pairs share once the story's recurring words
are left out. Known limit: matching is lexical, so two sentences sharing a name and a couple of topic words
("Islamic State group") can be matched although they say different things.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, count

import numpy as np
from scipy import sparse

from model.content import Analysis
from model.pair_arrays import flat_codes, nonzero
from model.rebuttals import StoryShares

MATCH = 0.5  # shared share of the shorter claim's terms for a content match
WIDE_SHARED, WIDE_MATCH = 4, 0.33  # or many shared terms covering a third (long paraphrases)
DENIAL_MATCH = 0.3  # a denial restates less of what it denies
TOPIC = 0.6  # share of a claim's terms its denier's document must cover
MIN_SHARED = 2
SAME_DOCUMENT_DENIAL = 0.66  # share of its own terms a denial restates to match with two words in its own article
PAIRS_PER_CLAIM = 400  # term co-occurrences per claim at most; Emergent requests reach 370 (median 70)
TOPICAL_DENIERS = 25  # denials per document that may match by topic (the first ones)
RESTATED = 0.8  # share of the shorter claim's terms that makes a near-full restatement
STORY_CLAIMS = 8  # claims a document needs before its recurring words count as its story's own
STORY_WORD = 3  # claims of one document carrying a term that make it one of that story's own words
DENSE_LIMIT = 2_000_000  # claims^2 x terms below which dense arrays beat scipy.sparse's per-call overhead


@dataclass(frozen=True)
class Terms:
    """A request's claims as (row, term) index pairs over a per-request vocabulary (nothing is fitted)."""

    rows: np.ndarray  # content terms: claim of each entry
    cols: np.ndarray  # content terms: term of each entry
    mention_rows: np.ndarray
    mention_cols: np.ndarray
    n: int
    vocabulary: int

    @property
    def dense(self) -> bool:
        """Small enough for dense arrays, where scipy.sparse's per-call overhead would cost more."""
        return self.n * self.n * max(self.vocabulary, 1) <= DENSE_LIMIT

    def matrices(self, dense: bool) -> tuple[np.ndarray | sparse.csr_matrix, np.ndarray | sparse.csr_matrix]:
        shape = (self.n, max(self.vocabulary, 1))
        if dense:
            x, xm = np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=np.float32)
            x[self.rows, self.cols] = 1.0
            xm[self.mention_rows, self.mention_cols] = 1.0
            return x, xm
        content = sparse.csr_matrix((np.ones(len(self.rows)), (self.rows, self.cols)), shape=shape)
        mention = sparse.csr_matrix((np.ones(len(self.mention_rows)), (self.mention_rows, self.mention_cols)),
                                    shape=shape)
        return content, mention


def index_terms(found: Sequence[Analysis]) -> Terms:
    """Index every claim's terms, dropping terms too common in the request to discriminate (blocking)."""
    mentions, contents = [a.mention for a in found], [a.content for a in found]
    # Terms numbered in the order first met, through C calls (a claim's content is part of its mentions).
    vocab = dict(zip(dict.fromkeys(chain.from_iterable(mentions)), count()))
    mr, mc = flat_codes(mentions, vocab)
    cr, cc = flat_codes(contents, vocab)
    df = np.bincount(mc, minlength=len(vocab))
    ok = df <= max(200, 0.2 * len(found))
    pairs = df.astype(np.int64) * (df - 1)  # ordered pairs a term can produce
    budget = PAIRS_PER_CLAIM * len(found)
    if pairs[ok].sum() > budget:
        # Hostile or huge requests: keep the rarest terms while the pairs they can produce fit the budget
        # (ties broken by the term itself, so request order still does not matter).
        order = np.lexsort((np.array(list(vocab), dtype=object), np.where(ok, df, np.iinfo(np.int64).max)))
        ok[order[np.cumsum(pairs[order]) > budget]] = False
    keep_m, keep_c = ok[mc], ok[cc]
    return Terms(cr[keep_c], cc[keep_c], mr[keep_m], mc[keep_m], len(found), len(vocab))


def _overlaps(terms: Terms, doc: np.ndarray) -> tuple[tuple, tuple | None]:
    """(a, b, shared terms) for every pair sharing a term, and (claim, document, covered terms) (None when
    the request holds one document).

    One sparse product each; small requests use dense arrays instead, where scipy's per-call overhead
    would cost more than the arithmetic."""
    dense = terms.dense
    x, xm = terms.matrices(dense)
    # One side's content against the other's mentions, either way round: "Apple will launch ..." is
    # restated by "Apple said it will launch ..." although "Apple" is there the source.
    one_way = x @ xm.T
    shared = np.maximum(one_way, one_way.T) if dense else one_way.maximum(one_way.T)
    if not doc.max():  # one document: nothing is covered by another's text
        return nonzero(shared), None
    member = sparse.csr_matrix((np.ones(terms.n), (doc, np.arange(terms.n))), shape=(doc.max() + 1, terms.n))
    present = member @ xm  # documents x terms (a sparse left factor keeps a dense right one dense)
    present = (present > 0).astype(np.float32) if dense else present.sign()
    return nonzero(shared), nonzero(x @ present.T)


def _topical(cover: tuple, size: np.ndarray, doc: np.ndarray, denial: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, d): d is a denial in another document whose text covers TOPIC of a's terms."""
    rows, docs, count = cover
    ok = (count >= np.maximum(MIN_SHARED, TOPIC * size[rows])) & ~denial[rows]
    rows, docs = rows[ok], docs[ok]
    deniers = np.flatnonzero(denial)
    deniers = deniers[np.argsort(doc[deniers], kind="stable")]
    first = np.searchsorted(doc[deniers], doc[deniers], side="left")
    deniers = deniers[np.arange(len(deniers)) - first < TOPICAL_DENIERS]  # a bound for pathological documents
    start = np.searchsorted(doc[deniers], docs, side="left")
    stop = np.searchsorted(doc[deniers], docs, side="right")
    lengths = stop - start  # each covered (claim, document) pairs with every denial of that document
    a = np.repeat(rows, lengths)
    b = deniers[np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths - start, lengths)]
    other = doc[a] != doc[b]
    return a[other], b[other]


def matches(terms: Terms, found: Sequence[Analysis], doc_index: np.ndarray, number: np.ndarray,
             denial: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Matched ordered pairs (a, b), unique and sorted: b speaks about a's content (or denies it)."""
    one_document = not len(doc_index) or (doc_index == doc_index[0]).all()
    doc = np.zeros(len(doc_index), dtype=np.intp) if one_document else np.unique(doc_index, return_inverse=True)[1]
    size = np.bincount(terms.rows, minlength=terms.n)
    (a, b, n), cover = _overlaps(terms, doc)
    pair_denies = denial[b] & ~denial[a]
    # Most pairs share one term, which matches nothing but a denial that points back: dropped before the rest.
    maybe = (n >= MIN_SHARED) | pair_denies
    a, b, n, pair_denies = a[maybe], b[maybe], n[maybe], pair_denies[maybe]
    size_a, size_b = size[a], size[b]
    share = n / np.minimum(size_a, size_b).clip(min=1)  # of the shorter claim's terms
    content = ((n >= MIN_SHARED) & (share >= MATCH)) | ((n >= WIDE_SHARED) & (share >= WIDE_MATCH))
    denier_share = n / np.maximum(size_b, 1)  # of the denier's own terms
    denies = pair_denies & (n >= MIN_SHARED) & (denier_share >= DENIAL_MATCH)
    # Inside one article every sentence shares the story's words with a denial: there a denial needs a third
    # shared word or to restate most of itself ...
    same = doc[a] == doc[b]
    strong = ~pair_denies | ~same | (n > MIN_SHARED) | (denier_share >= SAME_DOCUMENT_DENIAL)
    # ... unless it only points back ("denied the report, calling it false"): then an earlier claim it shares
    # a word with is what it denies.
    pointing = pair_denies & same & (size_b <= 1) & (number[a] < number[b])
    keep = (((content | denies) & strong) | pointing) & (a != b)
    a, b = a[keep], b[keep]
    if cover is None and terms.dense:
        return a, b  # np.nonzero's row-major order, filtered: already unique and sorted
    if cover is not None:
        ta, tb = _topical(cover, size, doc, denial)
        a, b = np.concatenate([a, ta]), np.concatenate([b, tb])
    code = np.unique(a.astype(np.int64) * terms.n + b)
    return code // terms.n, code % terms.n


def _story_entries(terms: Terms, doc: np.ndarray) -> np.ndarray:
    """Per content entry: does its term recur in STORY_WORD or more claims of its document? (Only in documents
    of STORY_CLAIMS claims or more: in a three-sentence brief every word is the story's.)"""
    key = doc[terms.rows].astype(np.int64) * max(terms.vocabulary, 1) + terms.cols
    if (int(doc.max(initial=0)) + 1) * max(terms.vocabulary, 1) <= DENSE_LIMIT:  # counted by key: no sort
        recurring = np.bincount(key)[key]
    else:
        _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
        recurring = counts[inverse]
    long_document = np.bincount(doc)[doc[terms.rows]] >= STORY_CLAIMS
    return (recurring >= STORY_WORD) & long_document


def _pair_shares(rows: np.ndarray, cols: np.ndarray, n: int, vocabulary: int, a: np.ndarray,
                 b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shared terms of each pair (a, b) and their share of the shorter claim's terms."""
    size = np.bincount(rows, minlength=n)
    if len(a) * vocabulary <= DENSE_LIMIT:
        # Marks as bytes, not floats: the rows gathered for each pair are a quarter of the size. Summed into
        # float32, as the float marks were (whole numbers: exact), so every count and share keeps its bits.
        x = np.zeros((n, max(vocabulary, 1)), dtype=bool)
        x[rows, cols] = True
        shared = (x[a] & x[b]).sum(axis=1, dtype=np.float32)
    else:
        x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(vocabulary, 1)))
        shared = np.asarray(x[a].multiply(x[b]).sum(axis=1)).ravel()
    return shared, shared / np.minimum(size[a], size[b]).clip(min=1)


def same_story(terms: Terms, doc: np.ndarray, a: np.ndarray, b: np.ndarray) -> StoryShares:
    """For pairs (a, b) of one document: is one a near-full restatement of the other, or do they still match
    once that document's own recurring words are left out? Inside one article every sentence shares the
    story's names ("Islamic State group", "Iraq"); two sentences say the same thing only when they share what
    is particular to them. Also each pair's particular words shared, and each claim's own count of them."""
    _, full = _pair_shares(terms.rows, terms.cols, terms.n, terms.vocabulary, a, b)
    rare = ~_story_entries(terms, doc)
    shared, ratio = _pair_shares(terms.rows[rare], terms.cols[rare], terms.n, terms.vocabulary, a, b)
    match = (full >= RESTATED) | ((shared >= MIN_SHARED) & (ratio >= MATCH)) | (
        (shared >= WIDE_SHARED) & (ratio >= WIDE_MATCH))
    return StoryShares(match, shared, np.bincount(terms.rows[rare], minlength=terms.n))
