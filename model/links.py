"""Corroboration and denial across every claim of a request.

All documents of one request are one story. Which pairs of claims *match*, saying the same content in
shared terms, is ``model.matching``'s (a per-request term index, one sparse product, linear in the request
whatever its text). A denial that only points back ("denied the report", "rejected that account", "called the
accusations absurd") restates nothing, so in its article it denies what it refers to: the nearest earlier claim
of another source and the claims that source made just before it (all of "the report"), and for a pointer to
several things ("the accusations", "the criticism") the claims of the other critics just before those
(``model.pointers``). Inside its article no denial is aimed at its own source's claims or at the journalist's
unattributed sentences, which restate what sources said. Inside one article the paraphrase model
(``model.paraphrase``) adds the pairs that say the same thing in other words, and the denial aim model
(``model.denial_aim``) decides, over what the rules found, which claims near a denial it denies.

For a matched pair (a, b) of different claims:

- b is a denial (stance "denies", or debunking in so many words: "a hoax",
  "not true", "no evidence", "denied the reports") and a is not: b denies a;
  ``official_denial`` when any denier's role is official;
- otherwise, opposite polarity (one denies or is negated): b contradicts a;
- otherwise, when their sources differ, b corroborates a. Sources are entity
  keys: ``Claim.entity``, or, for an unattributed claim, its document (the
  outlet's own voice). The same entity twice, a pronoun resolving to it, or
  two outlets quoting one person count once and never corroborate each other;
  inside its article the journalist's unattributed sentence corroborates nothing,
  and neither does the headline, which sums up the article's sources (``headlines``).

Every decision is per pair and does not depend on request order, so shuffling
the documents never changes a link.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from model import matching
from model.accused import with_accusations
from model.content import Analysis, analyse, keys_in
from model.denial_aim import DenialAim
from model.matching import index_terms, matches, same_story
from model.pair_arrays import Pairs, codes, distinct, marked, pair_code, with_denials
from model.paraphrase import Paraphrase
from model.paraphrase_candidates import headlines
from model.pointers import bare_pointer, with_pointed_denials, without_verdict
from model.rebuttals import rebuts
from model.types import UNLINKED, Claim, Links, source_key

_SILENT = Analysis(frozenset(), frozenset(), negated=False, denial=False)


def _own_or_journalist(a: np.ndarray, b: np.ndarray, doc: np.ndarray, key: np.ndarray,
                       unattributed: np.ndarray) -> np.ndarray:
    """Pairs where b would deny, in b's own article, its own source's claim or the journalist's own sentence:
    a source does not deny itself, and the journalist's sentences restate what sources said (the denial is
    linked to the source's claim instead)."""
    return (doc[a] == doc[b]) & ((key[a] == key[b]) | unattributed[a])


def _restatements_denied(a: np.ndarray, b: np.ndarray, den: np.ndarray, corr: np.ndarray, doc: np.ndarray,
                         number: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (c, d): d denies a claim that c restates, and c comes before d in d's own article.

    "The ministry dismissed the reports" denies every earlier report of that content, not only the one it shares
    most words with. Only earlier claims of the denier's article inherit it, so appending a corroboration never
    draws a denial onto the claims it corroborates."""
    if not den.any() or not corr.any():
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if n * n * n <= matching.DENSE_LIMIT:  # a small request: dense arrays, cheaper than scipy's per-call overhead
        restates, denied = np.zeros((n, n), dtype=np.float32), np.zeros((n, n), dtype=np.float32)
        restates[b[corr], a[corr]] = 1.0  # c restates x
        denied[a[den], b[den]] = 1.0  # x denied by d
    else:
        restates = sparse.csr_matrix((np.ones(int(corr.sum())), (b[corr], a[corr])), shape=(n, n))
        denied = sparse.csr_matrix((np.ones(int(den.sum())), (a[den], b[den])), shape=(n, n))
    c, d = (restates @ denied).nonzero()  # in any order: the caller sorts what it adds
    keep = (doc[c] == doc[d]) & (number[c] < number[d]) & (c != d)
    return c[keep].astype(np.int64), d[keep].astype(np.int64)


def _with_inherited_denials(pairs: Pairs, restating: np.ndarray, doc: np.ndarray, number: np.ndarray,
                            denial: np.ndarray, key: np.ndarray, unattributed: np.ndarray) -> Pairs:
    """Add the inherited denial pairs (see ``_restatements_denied``; ``restating``: the corroborating pairs
    that pass a denial on), keeping pairs unique and sorted."""
    a, b, den, con, corr = pairs
    n = len(doc)
    c, d = _restatements_denied(a, b, den, restating, doc, number, n)
    ok = ~denial[c] & ~_own_or_journalist(c, d, doc, key, unattributed)
    c, d = c[ok], d[ok]
    if not len(c):
        return a, b, den, con, corr
    code = pair_code(a, b, n)
    new = np.setdiff1d(pair_code(c, d, n), code[den])
    # A pair already linked another way becomes a denial: the denial is the stronger statement.
    old = ~np.isin(code, new)
    return with_denials((a[old], b[old], den[old], con[old], corr[old]), new, n)


def analyses(claims: Sequence[Claim], lows: Sequence[str] | None = None) -> list[Analysis]:
    """What each claim says, as linking compares it (``model.content``), aligned with ``claims`` (``lows``: their
    texts lower-cased, when already at hand)."""
    # A refusal ("declined to comment") asserts nothing: it neither corroborates nor denies, nor is linked.
    lows = [c.text.lower() for c in claims] if lows is None else lows  # the key scan and each analysis read them
    keys = keys_in(claims, lows)
    found = [analyse(c, keys, low) if c.stance != "declines" else _SILENT for c, low in zip(claims, lows, strict=True)]
    return [_pointing(c, f, low) for c, f, low in zip(claims, found, lows, strict=True)]


def source_codes(claims: Sequence[Claim]) -> np.ndarray:
    """Each claim's ``source_key`` as a small integer (equal sources, equal codes)."""
    return codes([source_key(c) for c in claims])


def link(claims: Sequence[Claim], paraphrase: Paraphrase | None = None, aim: DenialAim | None = None) -> list[Links]:
    """One Links per claim, aligned with ``claims`` (pairs are classified with array operations). With a
    ``paraphrase`` model, the pairs it reads as saying the same thing inside one article also corroborate; with
    an ``aim`` model, it decides which claims of its article each denial denies."""
    if not claims:
        return []
    n = len(claims)
    # Each claim's text lower-cased once: its analysis, the pointing rules and the paraphrase model all read it.
    lows = [c.text.lower() for c in claims]
    found = analyses(claims, lows)
    denial = np.array([f.denial for f in found], dtype=bool)
    negative = denial | np.array([f.negated for f in found], dtype=bool)
    key = source_codes(claims)
    named = np.array([c.kind in ("named_person", "named_organization") for c in claims], dtype=bool)
    official = np.array([c.role == "official" for c in claims], dtype=bool)
    doc = np.array([c.doc_index for c in claims])
    number = np.array([c.number for c in claims])
    terms = index_terms(found)
    a, b = matches(terms, found, doc, number, denial)  # sorted by claim, then partner
    a, b = with_pointed_denials(claims, found, a, b, denial, key, doc)
    a, b, denial = with_accusations(claims, a, b, denial, key, doc)
    a, b, said_alike, matched = _with_paraphrases(claims, found, key, a, b, paraphrase, lows)
    unattributed = np.array([c.kind == "unattributed" for c in claims], dtype=bool)
    aimless = denial[b] & ~denial[a] & _own_or_journalist(a, b, doc, key, unattributed)
    a, b, said_alike, matched = a[~aimless], b[~aimless], said_alike[~aimless], matched[~aimless]
    den = denial[b] & ~denial[a] & matched  # a pair only the paraphrase model found may only corroborate
    con = ~den & (negative[a] != negative[b]) & matched
    same = doc[a] == doc[b]
    attributed = ~unattributed[a] & ~unattributed[b]
    # A later claim of another source in the same article, negating what an attributed claim asserts, may rebut it.
    rebuttal = con & same & negative[b] & ~negative[a] & (key[a] != key[b]) & (number[b] > number[a]) & attributed
    # What the same article's pairs share is read only by those that may corroborate (a rebuttal only takes
    # corroboration away) or rebut: not worked out for the others.
    read = same & ((~den & ~con & matched & (key[a] != key[b]) & attributed) | rebuttal)
    story = same_story(terms, doc, a[read], b[read]) if read.any() else None
    maybe = np.flatnonzero(rebuttal)
    rebut = maybe[rebuts(claims, found, a[maybe], b[maybe], story, (np.cumsum(read) - 1)[maybe])]
    den[rebut], con[rebut] = True, False
    # A pair the paraphrase model reads as one fact is no contradiction for one side's negation alone ("there is no
    # car for you this weekend" / "nurses went to patients by bus"): the model reads the negation (``one_negated``).
    # It corroborates as the model's other pairs do, passing no denial on (not a restatement in so many words).
    freed = con & said_alike
    con &= ~freed
    rebutting = set(b[rebut].tolist())
    independent = ~den & ~con & (key[a] != key[b]) & ~(same & (unattributed[a] | unattributed[b]))
    corr = independent & matched & ~freed
    if story is not None:
        corr[read] &= story.match  # the other pairs of one article corroborate nothing already
    restating = corr.copy()
    corr |= independent & said_alike
    alike = pair_code(a, b, n)[independent & said_alike]  # the paraphrase model's, by pair code
    # A paraphrase the model found is likelier wrong than a restatement in so many words: it passes no denial on.
    a, b, den, con, corr = _with_inherited_denials((a, b, den, con, corr), restating, doc, number, denial, key,
                                                  unattributed)
    headline = headlines(claims)
    if aim is not None:
        a, b, den, con, corr = aim.aimed(claims, found, key, denial, headline, (a, b, den, con, corr))
    # A headline sums up its own article's sources: only the paraphrase model, which reads it as one, links it.
    head = (doc[a] == doc[b]) & (headline[a] | headline[b])
    corr &= ~(head & ~np.isin(pair_code(a, b, n), alike))
    sources = distinct(a[corr], key[b[corr]], n, matching.DENSE_LIMIT)
    named_sources = distinct(a[corr & named[b]], key[b[corr & named[b]]], n, matching.DENSE_LIMIT)
    official_sources = distinct(a[corr & official[b]], key[b[corr & official[b]]], n, matching.DENSE_LIMIT)
    official_denial = np.bincount(a[den & official[b]], minlength=n) > 0
    ids = [c.id for c in claims]
    kinds = np.where(den, 1, np.where(con, 2, np.where(corr, 0, 3)))  # 3: same source, no link
    linked = kinds < 3
    grouped: dict[int, tuple[list[str], list[str], list[str]]] = {}
    for i, j, k in zip(a[linked].tolist(), b[linked].tolist(), kinds[linked].tolist(), strict=True):
        grouped.setdefault(i, ([], [], []))[k].append(ids[j])
    counts = np.column_stack([official_denial, sources, named_sources, official_sources]).tolist()
    return [_links(grouped.get(i, ([], [], [])), counts[i], i in rebutting) if i in grouped or i in rebutting
            else UNLINKED for i in range(n)]  # one shared (frozen) answer


def _with_paraphrases(claims: Sequence[Claim], found: Sequence[Analysis], key: np.ndarray, a: np.ndarray,
                      b: np.ndarray, paraphrase: Paraphrase | None, lows: Sequence[str] | None = None
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs with the paraphrase model's (both ways round) added, still unique and sorted; which of them
    it read as saying the same thing, and which were matched before."""
    if paraphrase is None:
        return a, b, np.zeros(len(a), dtype=bool), np.ones(len(a), dtype=bool)
    n = len(claims)
    code = pair_code(a, b, n)
    pa, pb = paraphrase.pairs(claims, found, key, lows)
    alike = np.concatenate([pair_code(pa, pb, n), pair_code(pb, pa, n)])
    union = np.unique(np.concatenate([code, alike]))
    return union // n, union % n, marked(union, alike), marked(union, code)


def _pointing(claim: Claim, found: Analysis, low: str) -> Analysis:
    """A denial's terms without its verdict; a claim the stance rules read as denying, which only points back
    ("said the report was 'pure speculation'"), is a denial of what it points at, though its words debunk
    nothing by themselves."""
    if not found.denial and claim.stance == "denies" and bare_pointer(claim, found, low):
        found = found._replace(denial=True)
    return without_verdict(claim, found, low) if found.denial else found


def _links(parts: tuple[list[str], ...], counts: list, rebuts: bool) -> Links:
    corroborating, denied, contradicted = parts
    return Links(corroborated_by=tuple(corroborating), denied_by=tuple(denied), contradicted_by=tuple(contradicted),
                 official_denial=bool(counts[0]), corroborating_sources=int(counts[1]),
                 corroborating_named=int(counts[2]), corroborating_official=int(counts[3]), rebuts=rebuts)
