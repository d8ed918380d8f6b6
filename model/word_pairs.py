"""Word pairs that two sources confirming one fact use for it, learned from the labelled corroborations.

Two sources stating one fact in one article use different words for it ("eight people had died" / "families had
reported eight deaths"), and the words they share are all the paraphrase model otherwise reads. ``WordPairs``
counts, over the candidate pairs of the team's wire train stories (``model.paraphrase_candidates.candidates``), how
often each pair of content terms, one only in the first claim and one only in the second, falls in a labelled
corroboration, and keeps the pairs that ``min_stories`` stories hold in ``min_rows`` candidate pairs whose
smoothed log-odds of corroborating lie above the base rate's. A pair of claims then has the three ``FEATURES``:
the best log-odds among its word pairs, their sum over the square root of how many word pairs it has (known or
not), and how many pass ``STRONG``.

The artifact is ``model/artifacts/word_pairs.joblib`` (trained by ``python -m model.training.word_pairs`` on the
wire train stories); the paraphrase model reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import chain
from math import fsum, log, sqrt

import numpy as np
from sklearn.base import BaseEstimator

NAME = "word_pairs"
FEATURES = ("word_pair_best", "word_pair_sum", "word_pair_strong")
STRONG = 0.7  # log-odds above the base rate's that make a word pair count as strong (about twice as likely)

Terms = frozenset[str]
Pair = tuple[Terms, Terms]  # the content terms of two claims


def word_pair(u: str, v: str) -> tuple[str, str]:
    """A word pair, the same whichever claim each word is in."""
    return (u, v) if u < v else (v, u)


def crossing(a: Terms, b: Terms) -> Iterable[tuple[str, str]]:
    """The word pairs of two claims: each word only in one with each word only in the other."""
    return (word_pair(u, v) for u in a - b for v in b - a)


# Bits of the filter of the known pairs' keys (a key's low bits pick its bit): 1 MB, which passes about one key in
# sixteen that is no known pair (half a million known pairs).
_FILTER_BITS = 1 << 23


def _filter(keys: np.ndarray) -> np.ndarray:
    """A bit for each key's low bits, set for every key of ``keys``: a key whose bit is clear is none of them."""
    bits = np.zeros(_FILTER_BITS // 8, dtype=np.uint8)
    low = keys & (_FILTER_BITS - 1)
    np.bitwise_or.at(bits, low >> 3, (1 << (low & 7)).astype(np.uint8))
    return bits


def _filtered(bits: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of ``keys`` may be among those the filter ``bits`` was built from (``_filter``): all that are, and a few
    others."""
    low = keys & (_FILTER_BITS - 1)
    return (bits[low >> 3] >> (low & 7).astype(np.uint8)) & 1 == 1


class WordPairs(BaseEstimator):
    """Word pair -> log-odds of corroborating, fitted on candidate pairs of claims and their labels."""

    def __init__(self, min_rows: int = 3, min_stories: int = 2, prior: float = 5.0) -> None:
        self.min_rows = min_rows
        self.min_stories = min_stories
        self.prior = prior

    def fit(self, pairs: Sequence[Pair], y: Sequence[bool] | np.ndarray, groups: Sequence[str]) -> WordPairs:
        """Count each word pair's candidate pairs, corroborating ones and stories (``groups``)."""
        rows: dict[tuple[str, str], list] = {}
        for (a, b), label, group in zip(pairs, y, groups, strict=True):
            for p in crossing(a, b):
                seen = rows.setdefault(p, [0, 0, set()])
                seen[0] += 1
                seen[1] += bool(label)
                seen[2].add(group)
        self.rate_ = float(np.mean(np.asarray(y, dtype=float))) if len(y) else 0.0
        self.odds_ = self._odds({p: (n, k, len(g)) for p, (n, k, g) in rows.items()})
        return self

    def _odds(self, counts: dict[tuple[str, str], tuple[int, int, int]]) -> dict[str, dict[str, float]]:
        """word -> {word: log-odds} of the kept pairs, both ways round (a claim's words look their partners up)."""
        out: dict[str, dict[str, float]] = {}
        if not 0.0 < self.rate_ < 1.0:
            return out
        for (u, v), (n, k, stories) in sorted(counts.items()):
            if n < self.min_rows or stories < self.min_stories:
                continue
            odds = log((k + self.prior * self.rate_) / (n + self.prior)) - log(self.rate_)
            if odds > 0.0:
                out.setdefault(u, {})[v] = odds
                out.setdefault(v, {})[u] = odds
        return out

    def features(self, a: Terms, b: Terms) -> tuple[float, float, float]:
        """The FEATURES of a pair of claims whose content terms are ``a`` and ``b``."""
        only_a, only_b = a - b, b - a
        found = [self.odds_[u][v] for u in only_a & self.odds_.keys() for v in self.odds_[u].keys() & only_b]
        if not found:
            return 0.0, 0.0, 0.0
        return max(found), fsum(found) / sqrt(len(only_a) * len(only_b)), float(sum(f > STRONG for f in found))

    def most(self, terms: Sequence[Terms], a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """At least the FEATURES of each pair (a, b) of claims whose content terms are ``terms[a]`` and ``terms[b]``,
        looked up in arrays for every pair at once instead of a loop over the pairs: each pair's known words
        crossed (a shared word's too: the same as ``features`` where the two share none, but for the order of the
        additions), in time linear in the word pairs crossed."""
        index, keys, odds, seen = self._cells
        known = [[index[w] for w in t if w in index] for t in terms]
        counts = np.array([len(k) for k in known], dtype=np.int64)
        words = np.fromiter(chain.from_iterable(known), dtype=np.int64, count=int(counts.sum()))
        start = np.cumsum(counts) - counts
        na, nb = counts[a], counts[b]
        crossed = na * nb
        pair = np.repeat(np.arange(len(a)), crossed)  # the pair each crossing belongs to
        nth = np.arange(int(crossed.sum())) - np.repeat(np.cumsum(crossed) - crossed, crossed)
        u = words[start[a][pair] + nth // nb[pair]]
        v = words[start[b][pair] + nth % nb[pair]]
        key = u * len(index) + v
        # Most crossed pairs (six in seven on news) are no known pair, and their odds, 0, add nothing to a sum: only
        # those the filter may know are sorted and searched. A pair's own keys are distinct, so its sum still adds
        # its odds in the order of their keys.
        maybe = _filtered(seen, key)
        key, pair = key[maybe], pair[maybe]
        order = np.argsort(key)  # sorted needles: a faster search, and the sums below read pairs in any order
        key, pair = key[order], pair[order]
        at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        found = np.where(keys[at] == key, odds[at], 0.0) if len(keys) else np.zeros(len(key))
        best = np.zeros(len(a))
        np.maximum.at(best, pair, found)
        summed = np.bincount(pair, weights=found, minlength=len(a))
        strong = np.bincount(pair, weights=found > STRONG, minlength=len(a))
        size = np.array([len(t) for t in terms], dtype=float)
        shared = np.fromiter((len(terms[i] & terms[j]) for i, j in zip(a.tolist(), b.tolist(), strict=True)),
                             dtype=float, count=len(a))
        spread = np.sqrt(np.maximum((size[a] - shared) * (size[b] - shared), 1.0))
        return np.stack([best, summed / spread, strong], axis=1)

    def ready(self) -> WordPairs:
        """Builds the lookup arrays ``most`` reads now (the service calls this as it loads: building them takes
        tens of milliseconds that would otherwise land in the first request)."""
        self._cells  # noqa: B018  (a cached_property: read to build it)
        return self

    @cached_property
    def _cells(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """``odds_`` as sorted arrays, built when first read: word -> number; each word pair's key (first word's
        number x the number of words + second's, both ways round); its log-odds; the keys' filter (``_filter``)."""
        index = {w: k for k, w in enumerate(sorted(self.odds_))}
        size = sum(len(row) for row in self.odds_.values())
        first = np.fromiter((index[u] for u, row in self.odds_.items() for _ in row), dtype=np.int64, count=size)
        second = np.fromiter((index[v] for row in self.odds_.values() for v in row), dtype=np.int64, count=size)
        odds = np.fromiter((o for row in self.odds_.values() for o in row.values()), dtype=float, count=size)
        keys = first * len(index) + second
        order = np.argsort(keys, kind="stable")  # the keys are unique: one order
        return index, keys[order], odds[order], _filter(keys)

    def transform(self, pairs: Sequence[Pair]) -> np.ndarray:
        return np.array([self.features(a, b) for a, b in pairs], dtype=float).reshape(len(pairs), len(FEATURES))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.array(FEATURES, dtype=object)
