"""How close a pair of claims is to being each claim's best match: the paraphrase model's two closeness features,
counted over every candidate pair of a request in array operations."""

from __future__ import annotations

import numpy as np

CLOSENESS_DIRECT = 200_000  # pairs x pairs compared at most when counting a few pairs' closeness directly


def closeness(a: np.ndarray, b: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each column of ``values`` (a score per pair): 1 / (1 + the fewest pairs scoring strictly higher at
    either of its two claims), 1 for a claim's closest match. The columns go through one sort, each column's
    claims numbered apart (column c's claim k as c * span + k): one pass of array calls, not one per column."""
    pairs, columns = values.shape
    span = max(int(a.max(initial=-1)), int(b.max(initial=-1))) + 1
    ends = np.concatenate([np.concatenate([a, b]) + c * span for c in range(columns)])
    scores = np.concatenate([np.concatenate([values[:, c], values[:, c]]) for c in range(columns)])
    order = np.lexsort((scores, ends))
    e, v = ends[order], scores[order]
    run_last = last_of_runs(np.r_[(e[1:] != e[:-1]) | (v[1:] != v[:-1]), True])  # the last of equal values
    block_last = last_of_runs(np.r_[e[1:] != e[:-1], True])  # the last pair at that claim
    higher = np.empty(len(e), dtype=np.int64)
    higher[order] = block_last - run_last
    return (1.0 / (1 + higher.reshape(columns, 2, pairs).min(axis=1))).T


def closeness_of(at: np.ndarray, a: np.ndarray, b: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``closeness(a, b, values)[at]``, counted for those pairs only: at each of a pair's two claims, the pairs
    touching that claim (no pair touches one claim twice: a < b) scoring strictly higher, in one comparison of the
    few pairs against every pair."""
    if len(at) * len(a) > CLOSENESS_DIRECT:  # a huge request: the sort's memory grows more slowly
        return closeness(a, b, values)[at]
    ends = np.stack([a[at], b[at]], axis=1)[:, :, None]  # (pair, end, 1)
    touching = (a == ends) | (b == ends)  # (pair, end, every pair)
    higher = touching[..., None] & (values > values[at][:, None, None, :])  # (pair, end, every pair, column)
    return 1.0 / (1 + higher.sum(axis=2).min(axis=1))


def last_of_runs(is_last: np.ndarray) -> np.ndarray:
    """For each position of a sorted array, the index of the last element of its run."""
    lasts = np.flatnonzero(is_last)
    return lasts[np.searchsorted(lasts, np.arange(len(is_last)))]
