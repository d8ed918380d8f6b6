"""Corroboration by paraphrase inside one article: the learned pair model, served.

Two sources in one story often state one fact in different words ("had not met face to face" / "had not
sat in the same room"; "eight people had died" / "families had reported eight deaths"), which the lexical
match in ``model.links`` misses, because inside one article every sentence shares the story's words. This
model reads the pairs that could corroborate (two attributed claims of one document, of different sources,
neither a refusal, a denial, a question, a clause nor a Title Case headline, at most ``WINDOW`` claims apart
that say something: ``model.paraphrase_candidates``, linear in the article) by what is particular to them: shared
words weighted by how rare they are in the article, shared numbers, whether each is the other's closest match,
whether one negates, and whether one is a headline (a first line ending no sentence, whose attributed claim "...,
residents say" the body's other sources corroborate: 8 % of the wire train stories' labelled corroborations
involve one). A pair whose probability reaches the artifact's threshold corroborates, as a lexical match would.

The artifact is ``model/artifacts/paraphrase.joblib`` (a Pipeline: PairFeatures -> StandardScaler ->
LogisticRegression; trained by ``python -m model.training.paraphrase`` on the team's wire train stories).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import chain, compress
from math import fsum, log, log1p, sqrt
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.special import expit

from model import artifact
from model.closeness import closeness, closeness_of
from model.content import Analysis
from model.lexicon import lines
from model.pair_model import ARTIFACTS, NamedRows, PairModel
from model.paraphrase_candidates import candidates, headlines, places, sentences
from model.stated_numbers import Numbers, needles
from model.types import Claim, source_key
from model.word_pairs import FEATURES as WORD_PAIR_FEATURES
from model.word_pairs import NAME as WORD_PAIRS
from model.word_pairs import WordPairs

NAME = "paraphrase"
RARE = 2  # claims of the article carrying a word that still make it particular to them
FEATURES = ("weighted_cosine", "weighted_share", "shared_words", "rare_words", "shared_numbers", "rare_numbers",
            "closest_by_cosine", "closest_by_share", "distance", "one_negated",
            "both_official", "same_role", "witness", "confirming_cue", "hedged", "headline", "headline_owner",
            "headline_source", *WORD_PAIR_FEATURES)
_WHO = 8  # the FEATURES before the word pairs': who says it (``_who``)
_BY_PAIR = _WHO + len(WORD_PAIR_FEATURES)  # the last FEATURES, read from each pair's two claims (``by_pair``)
_WORDS = len(FEATURES) - len(WORD_PAIR_FEATURES)  # where the word pairs' FEATURES begin
# The most each FEATURE a pair sharing no word and no number can hold reaches (the bound of _silent_pairs_fail).
_SILENT_MOST = {"closest_by_cosine": 1.0, "closest_by_share": 1.0, "one_negated": 1.0, "both_official": 1.0,
                "same_role": 1.0, "witness": 1.0, "confirming_cue": 1.0, "hedged": 2.0, "headline": 1.0,
                "headline_owner": 1.0, "headline_source": 1.0}
_CONFIRMING = frozenset(w for line in lines("confirming.txt") for w in line.split())
_SOURCE_STOP = frozenset(w for line in lines("source_stop.txt") for w in line.split())


def table(claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
          units: dict[int, tuple[int, ...]], word_pairs: WordPairs | None, place: np.ndarray | None = None,
          said: Numbers | None = None) -> np.ndarray:
    """The FEATURES of each pair of sentences (a[k], b[k]) (by their first claims), both of one document; without
    ``word_pairs`` the word pairs' FEATURES are left 0 (training counts them without the pair's own story).
    (``place``: ``places(found)``; ``said``: the claims' Numbers; when already at hand.)"""
    out = _open_table(claims, found, a, b, units, word_pairs, place, said)
    out[:, 6:8] = closeness(a, b, out[:, :2])
    return out


def _open_table(claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
                units: dict[int, tuple[int, ...]], word_pairs: WordPairs | None, place: np.ndarray | None = None,
                said: Numbers | None = None, paired: np.ndarray | None = None) -> np.ndarray:
    """``table`` with the two closeness FEATURES left 0. (``paired``: the pairs' ``by_pair``, when already at
    hand.)"""
    words = _profiles(claims, found, {k: units[k] for k in set(a.tolist()) | set(b.tolist())},
                      Numbers(claims) if said is None else said)
    at = (places(found) if place is None else place).tolist()
    # Rows built as tuples and read into the array in one pass: a numpy row assignment per pair, or np.array
    # discovering the shape of a list of tuples, costs more than the arithmetic.
    rows = [_features(words[i], words[j], at[j] - at[i]) for i, j in zip(a.tolist(), b.tolist(), strict=True)]
    width = len(FEATURES) - _BY_PAIR
    said_alike = np.fromiter(chain.from_iterable(rows), dtype=float, count=len(rows) * width).reshape(len(a), width)
    return np.hstack([said_alike, by_pair(claims, found, units, a, b, word_pairs) if paired is None else paired])


def _features(pi: Profile, pj: Profile, distance: int) -> tuple[float, ...]:
    """One pair's FEATURES, the two closeness ones left 0 (they need every pair)."""
    weights, terms, rare, total, said, rare_said, negated = pi
    _, other_terms, _, other_total, other_said, _, other_negated = pj
    shared = terms & other_terms
    own = fsum(map(weights.__getitem__, shared))  # exact: the same sum in any order of the set
    return (own / max(sqrt(total * other_total), 1e-9), own / max(min(total, other_total), 1e-9), len(shared),
            len(shared & rare), len(said & other_said), len(rare_said & other_said), 0.0, 0.0,
            log1p(distance), negated != other_negated)  # one negates: more likely to contradict


def _who(claims: Sequence[Claim], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The eight FEATURES before the word pairs' of each pair (a, b) of sentences, by their first claims, b the
    later: who says it, whether one of the two is a ``headline``, and whether the other is its owner's
    (``_headline_owner``).
    Officials restate one another's line more often than they independently confirm it; a witness's account is
    what other sources confirm; a hedged claim is rarely labelled as corroborating (on the 340 wire train
    stories these lift leave-one-story-out F1 from 0.333 to 0.366). From per-claim arrays, a loop only over
    the pairs with a headline."""
    role = np.array([c.role for c in claims])
    hedged = np.array([bool(c.hedges) for c in claims], dtype=float)
    confirms = np.array([_confirms(c) for c in claims], dtype=float)
    ra, rb = role[a], role[b]
    official = (ra == "official") & (rb == "official")
    witness = (ra == "witness") | (rb == "witness")
    head = headlines(claims)
    either = head[a] | head[b]
    owner, source = _headline_owner(claims, head, a, b, either)
    return np.stack([official, ra == rb, witness, confirms[b], hedged[a] + hedged[b], either, owner, source],
                    axis=1).astype(float)


def _headline_owner(claims: Sequence[Claim], head: np.ndarray, a: np.ndarray, b: np.ndarray,
                    either: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Of the pairs (a, b) with a headline (``either``): whether the other sentence is the lead's source's (the owner
    of the claim a headline sums up: "..., union says" above "..., the construction workers' union Byggarbeiderlaget
    said", and "The union said ..."), and whether the two sources' descriptions share a word ("bank" / "the bank,
    Fjellkyst Sparebank"). The guideline links neither (the owner in a title and the owner in the body are one source);
    24 of the 183 wrong links on wire sets 90-91 were such pairs."""
    owner, source = np.zeros(len(a), dtype=bool), np.zeros(len(a), dtype=bool)
    at = np.flatnonzero(either)
    if not len(at):
        return owner, source
    docs = {claims[k].doc_index for k in a[at].tolist()}
    lead: dict[int, str] = {}  # each headed document's first attributed claim below the headline: its source
    for c in claims:
        if c.doc_index in docs and c.doc_index not in lead and c.paragraph > 0 and c.kind != "unattributed":
            lead[c.doc_index] = source_key(c)
    for k in at.tolist():
        i, j = int(a[k]), int(b[k])
        other = j if head[i] else i
        owner[k] = source_key(claims[other]) == lead.get(claims[other].doc_index)
        source[k] = not _source_words(claims[i]).isdisjoint(_source_words(claims[j]))
    return owner, source


def _source_words(claim: Claim) -> frozenset[str]:
    """The words of a claim's source as written and as resolved, lower-cased, a plural's "s" dropped."""
    if claim.source is None:
        return frozenset()
    text = claim.source.text + " " + (claim.source.resolved.text if claim.source.resolved else "")
    words = (w for w in "".join(ch if ch.isalpha() else " " for ch in text.lower()).split()
             if len(w) > 2 and w not in _SOURCE_STOP)
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def by_pair(claims: Sequence[Claim], found: Sequence[Analysis], units: dict[int, tuple[int, ...]], a: np.ndarray,
            b: np.ndarray, word_pairs: WordPairs | None) -> np.ndarray:
    """The last FEATURES of each pair (a, b) of sentences (by their first claims): who says it (``_who``) and the
    word pairs of the two sentences' content terms (0 without ``word_pairs``)."""
    if word_pairs is None:
        return np.hstack([_who(claims, a, b), np.zeros((len(a), len(WORD_PAIR_FEATURES)))])
    return np.hstack([_who(claims, a, b), _word_pairs(found, units, a, b, word_pairs)])


def _word_pairs(found: Sequence[Analysis], units: dict[int, tuple[int, ...]], a: np.ndarray, b: np.ndarray,
                word_pairs: WordPairs) -> np.ndarray:
    """The word pairs' FEATURES of each pair (a, b) of sentences (by their first claims)."""
    terms = sentence_terms(found, units, set(a.tolist()) | set(b.tolist()))
    known = {h: t & word_pairs.odds_.keys() for h, t in terms.items()}  # most words pair with nothing known
    rows = [word_pairs.features(terms[i], terms[j]) if known[i] and known[j] else (0.0, 0.0, 0.0)
            for i, j in zip(a.tolist(), b.tolist(), strict=True)]
    return np.array(rows, dtype=float).reshape(len(a), len(WORD_PAIR_FEATURES))


def _most_by_pair(claims: Sequence[Claim], found: Sequence[Analysis], units: dict[int, tuple[int, ...]],
                  a: np.ndarray, b: np.ndarray, word_pairs: WordPairs) -> np.ndarray:
    """``by_pair``, but the word pairs' FEATURES at least what they are (``WordPairs.most``): array lookups for
    every pair at once where ``by_pair`` loops over the pairs."""
    heads = sorted(set(a.tolist()) | set(b.tolist()))
    terms = sentence_terms(found, units, heads)
    where = np.zeros(max(heads, default=-1) + 1, dtype=np.int64)
    where[heads] = np.arange(len(heads))
    return np.hstack([_who(claims, a, b), word_pairs.most([terms[h] for h in heads], where[a], where[b])])


class Profile(NamedTuple):
    """What one sentence's claims bring to its pairs (a tuple: each pair unpacks it in one step)."""

    weights: dict[str, float]  # content word -> log(claims of its document / claims carrying the word)
    terms: frozenset[str]  # the weights' words
    rare: frozenset[str]  # its words at most RARE claims of the document carry
    total: float  # the weights' sum
    numbers: frozenset[str]
    rare_numbers: frozenset[str]  # ... at most RARE claims of the document state ("two" everywhere tells nothing)
    negated: bool


def _profiles(claims: Sequence[Claim], found: Sequence[Analysis],
              wanted: dict[int, tuple[int, ...]], said: Numbers) -> dict[int, Profile]:
    """Each wanted sentence's Profile (by its first claim), against the claims of its document that say
    something."""
    docs = {claims[k].doc_index for k in wanted}
    saying: dict[int, list[int]] = {d: [] for d in docs}  # a refusal says nothing: it changes no claim's weights
    for k, (c, f) in enumerate(zip(claims, found, strict=True)):
        if f.content and c.doc_index in saying:
            saying[c.doc_index].append(k)
    members: Collection[int] = {m for ks in wanted.values() for m in ks}  # then each sentence's, in the loop
    stated = {k: said[k] for ks in saying.values() for k in ks if k in members}
    # The other claims' numbers are counted only where a wanted sentence states them: a claim whose text holds
    # none of those (as digits or as a word) states none of them, and its numbers are not read.
    wanted_numbers = needles(frozenset().union(*stated.values()))
    if wanted_numbers:
        stated |= {k: said[k] for ks in saying.values() for k in ks
                   if k not in stated and any(map(said.low(k).__contains__, wanted_numbers))}
    # Counted in one pass per document: each Counter.update call costs more than the few words it counts.
    words = {d: Counter(chain.from_iterable(found[k].content for k in ks)) for d, ks in saying.items()}
    nums = {d: Counter(chain.from_iterable(stated.get(k, ()) for k in ks)) for d, ks in saying.items()}
    # A word's weight depends only on how many claims carry it: log(n / count) worked out once per count.
    idf = {d: {c: log(len(saying[d]) / c) for c in set(counts.values())} for d, counts in words.items()}
    out = {}
    for k, members in wanted.items():
        d = claims[k].doc_index
        counts, figures = words[d], nums[d]
        if len(members) == 1:  # most sentences: one claim, its own sets as they are
            terms, numbers = found[k].content, stated.get(k, frozenset())
        else:
            terms = frozenset().union(*(found[m].content for m in members))
            numbers = frozenset().union(*(stated.get(m, frozenset()) for m in members))
        carrying = list(map(counts.__getitem__, terms))  # each word's claims, in the set's order (C calls)
        weights = dict(zip(terms, map(idf[d].__getitem__, carrying), strict=True))
        rare = frozenset(compress(terms, map(RARE.__ge__, carrying)))
        out[k] = Profile(weights, terms, rare, fsum(weights.values()), numbers,
                         frozenset(v for v in numbers if figures[v] <= RARE) if numbers else numbers,
                         any(found[m].negated for m in members))
    return out


def _confirms(claim: Claim) -> bool:
    """The claim's cue is a word of confirming ("confirmed", "verified")."""
    return claim.cue is not None and not _CONFIRMING.isdisjoint(claim.cue.text.lower().split())


def sharing(claims: Sequence[Claim], found: Sequence[Analysis], units: dict[int, tuple[int, ...]], a: np.ndarray,
            b: np.ndarray, said: Numbers) -> np.ndarray:
    """Which pairs (a, b) of sentences (by their first claims) share a content word or a number. A pair sharing
    neither has its first six FEATURES 0, and its two scores (weighted cosine and share) 0 are never strictly higher
    than another pair's: leaving it out of ``table`` changes no other pair's closeness."""
    heads = set(a.tolist()) | set(b.tolist())
    terms = sentence_terms(found, units, heads)
    # Each claim's numbers, a superset of what its sentence's Profile counts (those of claims that say something).
    stated = {h: _union([said[k] for k in units[h]]) for h in heads}
    return np.fromiter((not (terms[i].isdisjoint(terms[j]) and stated[i].isdisjoint(stated[j]))
                       for i, j in zip(a.tolist(), b.tolist(), strict=True)), dtype=bool, count=len(a))


def sentence_terms(found: Sequence[Analysis], units: dict[int, tuple[int, ...]],
                   heads: Iterable[int]) -> dict[int, frozenset[str]]:
    """Each sentence's content terms (the union of its claims'), by its first claim of ``heads``."""
    return {h: _union([found[k].content for k in units[h]]) for h in heads}


def _union(sets: list[frozenset[str]]) -> frozenset[str]:
    """The union of a sentence's claims' sets: most sentences hold one claim, whose set is read as it is, not
    copied."""
    return sets[0] if len(sets) == 1 else frozenset().union(*sets)


def _silent_pairs_fail(weights: np.ndarray, bias: float, threshold: float) -> bool:
    """Whether a pair sharing no word and no number scores below the threshold whatever its other FEATURES: its
    first six are 0, its distance (log1p of the places apart) at least 0, the others at most ``_SILENT_MOST``
    (a margin covers the rounding of the row's sum)."""
    w = dict(zip(FEATURES, weights.tolist(), strict=True))
    if w["distance"] > 0 or any(w[f] > 0 for f in WORD_PAIR_FEATURES):  # unbounded above: no bound
        return False
    most = bias + sum(max(w[f], 0.0) * top for f, top in _SILENT_MOST.items())
    return float(expit(most + 1e-6)) < threshold


def _silent_reach(most: np.ndarray, a: np.ndarray, b: np.ndarray, place: np.ndarray, upper: np.ndarray,
                  bias: float, threshold: float) -> np.ndarray:
    """Which pairs (a, b) could reach the threshold were they to share no word and no number: the first six FEATURES
    0 and the closeness and negation at most ``_SILENT_MOST``, as ``_silent_pairs_fail`` bounds them, but each
    pair's distance and who says it its own, and its word pairs at most ``most``'s (``_most_by_pair``), read with
    the ``upper`` weights (``Paraphrase.upper``)."""
    w = dict(zip(FEATURES, upper.tolist(), strict=True))
    loose = sum(max(w[f], 0.0) * _SILENT_MOST[f] for f in ("closest_by_cosine", "closest_by_share", "one_negated"))
    top = bias + loose + w["distance"] * np.log1p(place[b] - place[a]) + most @ upper[-_BY_PAIR:]
    return expit(top + 1e-6) >= threshold  # a margin covers the rounding of the sums


class PairFeatures(NamedRows):
    """Rows already computed by ``table`` -> themselves, named: the first step of the Pipeline."""

    FEATURES = FEATURES


class Paraphrase(PairModel):
    """A verified pair Pipeline, the threshold it was tuned with, and the word pairs it reads (their own verified
    artifact)."""

    NAME = NAME
    TRAINING = "python -m model.training.paraphrase"

    def __init__(self, pipeline, meta: dict, word_pairs: WordPairs, word_pairs_meta: dict | None = None) -> None:
        super().__init__(pipeline, meta)
        self.word_pairs = word_pairs.ready()
        self.word_pairs_meta = word_pairs_meta or {}
        self.silent_fail = _silent_pairs_fail(self.weights, self.bias, self.threshold)
        # The weights with the word pairs' at least 0: a pair's decision at its word pairs' bound (``_most_by_pair``)
        # is then at least its decision.
        self.upper = np.concatenate([self.weights[:_WORDS], np.maximum(self.weights[_WORDS:], 0.0)])
        # The most the two closeness FEATURES (each in (0, 1]) can add to a pair's decision.
        self.closeness_most = sum(max(w, 0.0) for f, w in zip(FEATURES, self.weights.tolist(), strict=True)
                                  if f.startswith("closest_"))

    @classmethod
    def load(cls, directory: Path = ARTIFACTS) -> Paraphrase:
        pipeline, meta = artifact.load(directory, cls.NAME, cls.REQUIRED, hint=f"train with {cls.TRAINING}")
        pairs, pairs_meta = artifact.load(directory, WORD_PAIRS, hint="train with python -m model.training.word_pairs")
        return cls(pipeline, meta, pairs, pairs_meta)

    def proba(self, claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
              units: dict[int, tuple[int, ...]], place: np.ndarray | None = None,
              said: Numbers | None = None) -> np.ndarray:
        if not len(a):
            return np.zeros(0)
        return expit(table(claims, found, a, b, units, self.word_pairs, place, said) @ self.weights + self.bias)

    def _scores(self, claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
                units: dict[int, tuple[int, ...]], place: np.ndarray, lows: Sequence[str] | None) -> np.ndarray:
        """``proba`` where it can reach the threshold, 0 elsewhere: most candidate pairs share neither a word nor a
        number, and where such a pair cannot reach it (``silent_fail``, or else its own bound: ``_silent_reach``)
        only the others' FEATURES are worked out."""
        if not len(a):
            return np.zeros(0)
        said = Numbers(claims, lows)  # read by ``sharing`` and again by ``table``
        share = sharing(claims, found, units, a, b, said)
        most = _most_by_pair(claims, found, units, a, b, self.word_pairs)  # read again below
        if not self.silent_fail:  # who says it, or word pairs, may lift a pair sharing nothing: those whose own
            share |= _silent_reach(most, a, b, place, self.upper, self.bias, self.threshold)  # bound reaches stay
        if not share.any():
            return np.zeros(len(a))
        return self._reachable(claims, found, a, b, share, units, place, said, most)

    def _reachable(self, claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
                   share: np.ndarray, units: dict[int, tuple[int, ...]], place: np.ndarray,
                   said: Numbers, most: np.ndarray) -> np.ndarray:
        """``proba`` of the pairs ``share`` keeps where it can reach the threshold, 0 elsewhere. Closeness needs every
        pair's two scores, but a pair's decision without it is at most ``closeness_most`` lower: only the few pairs
        that could reach the threshold with it (130 of the 3,266 dev rows) have their closeness counted and are
        scored; so with the word pairs, whose FEATURES are first taken at ``most`` (``_most_by_pair``). Their rows go
        into a table of every pair, each in its own place: BLAS sums a row of the product by its place in the
        matrix, so each gets the bits ``proba`` gives it."""
        at = np.flatnonzero(share)
        sa, sb = a[at], b[at]
        part = _open_table(claims, found, sa, sb, units, self.word_pairs, place, said, most[at])
        top = part @ self.upper + (self.bias + self.closeness_most)  # the closeness columns are 0 here
        reach = expit(top + 1e-6) >= self.threshold  # a margin covers the rounding of both sums
        if not reach.any():
            return np.zeros(len(a))
        kept = np.flatnonzero(reach)
        part[kept, _WORDS:] = _word_pairs(found, units, sa[kept], sb[kept], self.word_pairs)
        part[kept, 6:8] = closeness_of(kept, sa, sb, part[:, :2])
        rows = np.zeros((len(a), len(FEATURES)))
        rows[at[kept]] = part[kept]
        scored = np.zeros(len(a), dtype=bool)
        scored[at[kept]] = True
        return np.where(scored, expit(rows @ self.weights + self.bias), 0.0)

    def pairs(self, claims: Sequence[Claim], found: Sequence[Analysis], key: np.ndarray,
              lows: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The claim pairs (a, b) the model reads as saying the same thing: every claim of one sentence with
        every claim of the other. (``lows``: the claims' texts lower-cased, when already at hand.)"""
        units = sentences(claims, key)
        place = places(found)  # read by both
        a, b = candidates(claims, found, key, units, place)
        keep = self._scores(claims, found, a, b, units, place, lows) >= self.threshold
        pairs = [(i, j) for h1, h2 in zip(a[keep].tolist(), b[keep].tolist(), strict=True)
                 for i in units[h1] for j in units[h2]]
        return np.array([i for i, _ in pairs], dtype=np.int64), np.array([j for _, j in pairs], dtype=np.int64)
