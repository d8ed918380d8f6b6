"""Array helpers for ``model.links``: claims as small integer codes, (claim, item) pairs as arrays, and counts and
marks over them, each with few numpy calls (a request's arrays are small: per-call overhead dominates)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import cast

import numpy as np
from scipy import sparse

# A request's linked pairs: claim a[k] reads claim b[k], and whether that pair is a denial, a contradiction or a
# corroboration (unique and sorted by (a, b), as ``model.links`` keeps them).
Pairs = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def pair_code(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Each pair (a[k], b[k]) of ``n`` claims as one integer (codes sort as the pairs do, by a and then b)."""
    return a.astype(np.int64) * n + b


def with_denials(pairs: Pairs, new: np.ndarray, n: int) -> Pairs:
    """``pairs`` and the pairs coded ``new`` (none of them already there) as denials, sorted again by (a, b)."""
    a, b, den, con, corr = pairs
    a, b = np.concatenate([a, new // n]), np.concatenate([b, new % n])
    flags = [np.concatenate([f, np.full(len(new), v)]) for f, v in ((den, True), (con, False), (corr, False))]
    order = np.lexsort((b, a))
    den, con, corr = flags  # by name: the returned tuple is then known to hold five arrays
    return a[order], b[order], den[order], con[order], corr[order]


def flat_codes(sets: Sequence[frozenset[str]], code: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """The (set, item code) index pairs of these sets, as two arrays: the codes read through C calls, with no list
    built per set."""
    lengths = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    cols = np.fromiter(map(code.__getitem__, chain.from_iterable(sets)), dtype=np.int64, count=int(lengths.sum()))
    return np.repeat(np.arange(len(sets)), lengths), cols


def nonzero(m: np.ndarray | sparse.spmatrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and values of a matrix's nonzero entries (a dense one's in row-major order)."""
    if sparse.issparse(m):
        m = cast(sparse.spmatrix, m).tocoo()  # issparse narrows nothing for mypy (scipy ships no types)
        return m.row, m.col, m.data
    r, c = np.nonzero(m)
    return r, c, m[r, c]


def codes(values: Sequence[object]) -> np.ndarray:
    """Small integer codes for hashable values (equal values, equal codes)."""
    table: dict[object, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def distinct(a: np.ndarray, key: np.ndarray, n: int, dense_limit: int) -> np.ndarray:
    """For each claim i: how many distinct keys the pairs (i, key) carry (``dense_limit``: the claims x keys cells
    a dense table may have)."""
    if not len(a):
        return np.zeros(n, dtype=int)
    width = int(key.max()) + 1
    if n * width <= dense_limit:  # a small request: marks in a claims x keys table, no sort
        seen = np.zeros((n, width), dtype=bool)
        seen[a, key] = True
        return seen.sum(axis=1)
    pairs = np.unique(a * width + key)
    return np.bincount(pairs // width, minlength=n)


def marked(union: np.ndarray, part: np.ndarray) -> np.ndarray:
    """``np.isin(union, part)`` for a sorted unique ``union`` holding every code of ``part``: each found by binary
    search (np.isin's setup costs more than a request's few hundred codes)."""
    out = np.zeros(len(union), dtype=bool)
    out[np.searchsorted(union, part)] = True
    return out
