"""Word pairs that two sources confirming one fact use for it, learned from the labelled corroborations.

Two sources stating one fact in one article use different words for it ("eight people had died" / "families had
reported eight deaths"), and the words they share are all the paraphrase model otherwise reads. ``WordPairs``
counts, over the candidate pairs of the team's wire train stories (``model.paraphrase.candidates``), how often each
pair of content terms, one only in the first claim and one only in the second, falls in a labelled
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


class WordPairs(BaseEstimator):
    """Word pair -> log-odds of corroborating, fitted on candidate pairs of claims and their labels."""

    def __init__(self, min_rows: int = 3, min_stories: int = 2, prior: float = 5.0) -> None:
        self.min_rows = min_rows
        self.min_stories = min_stories
        self.prior = prior

    def fit(self, pairs: Sequence[Pair], y: Sequence[bool], groups: Sequence[str]) -> WordPairs:
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
        by a few products of matrices over the claims' known words instead of a loop over every pair: the sum and
        the strong count over every word pair of the two claims (a shared word's too; the same as ``features``
        where they share none, but for the order of the additions), the best no higher than either claim's
        highest."""
        at, column = self._columns(terms)
        odds = self._odds_among(at)
        known = np.zeros((len(terms), len(at)))
        for k, t in enumerate(terms):
            known[k, [column[w] for w in t if w in column]] = 1.0
        summed = (known @ odds @ known.T)[a, b]
        strong = (known @ (odds > STRONG) @ known.T)[a, b]
        top = (known * odds.max(axis=1, initial=0.0)).max(axis=1, initial=0.0)
        size = np.array([len(t) for t in terms], dtype=float)
        shared = np.fromiter((len(terms[i] & terms[j]) for i, j in zip(a.tolist(), b.tolist(), strict=True)),
                             dtype=float, count=len(a))
        spread = np.sqrt(np.maximum((size[a] - shared) * (size[b] - shared), 1.0))
        return np.stack([np.minimum(top[a], top[b]), summed / spread, strong], axis=1)

    def _columns(self, terms: Sequence[Terms]) -> tuple[np.ndarray, dict[str, int]]:
        """The claims' known words: their places in ``_rows`` and, by word, their columns here."""
        index = self._rows[0]
        words = sorted(set().union(*terms) & index.keys())
        return np.array([index[w] for w in words], dtype=np.int64), {w: k for k, w in enumerate(words)}

    def _odds_among(self, at: np.ndarray) -> np.ndarray:
        """The log-odds of the word pairs among the words ``at`` (places in ``_rows``), as a dense matrix."""
        _, start, partner, odds = self._rows
        begin, size = start[at], start[at + 1] - start[at]
        cells = np.repeat(begin - np.cumsum(size) + size, size) + np.arange(int(size.sum()))  # every partner's cell
        mine = np.full(len(start) - 1, -1, dtype=np.int64)
        mine[at] = np.arange(len(at))
        column = mine[partner[cells]]
        inside = column >= 0
        out = np.zeros((len(at), len(at)))
        out[np.repeat(np.arange(len(at)), size)[inside], column[inside]] = odds[cells[inside]]
        return out

    @cached_property
    def _rows(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """``odds_`` as arrays (word -> place; each place's first cell; the cells' partners and log-odds), built
        when first read."""
        index = {w: k for k, w in enumerate(sorted(self.odds_))}
        rows = [sorted((index[v], o) for v, o in self.odds_[w].items()) for w in sorted(self.odds_)]
        start = np.cumsum([0, *map(len, rows)]).astype(np.int64)
        partner = np.array([v for r in rows for v, _ in r], dtype=np.int64)
        odds = np.array([o for r in rows for _, o in r], dtype=float)
        return index, start, partner, odds

    def transform(self, pairs: Sequence[Pair]) -> np.ndarray:
        return np.array([self.features(a, b) for a, b in pairs], dtype=float).reshape(len(pairs), len(FEATURES))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.array(FEATURES, dtype=object)
