"""Rows of word ids as sparse matrices, and row-wise products over them: the arithmetic of the stance model's
pair features (``model.agreement_features``), each a whole batch at once.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import scipy.sparse as sp


def word_ids(rows: list[list[str]], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Word ids of all rows, concatenated, and the row pointer."""
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    ptr = np.concatenate(([0], np.cumsum(lengths)))
    ids = np.fromiter(map(index.__getitem__, chain.from_iterable(rows)), dtype=np.int64, count=int(ptr[-1]))
    return ids, ptr


def gather(ids: np.ndarray, spans: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The ids within each (start, end) span, concatenated, and their row pointer."""
    start, end = spans
    lengths = end - start
    ptr = np.concatenate(([0], np.cumsum(lengths)))
    pos = np.repeat(start - ptr[:-1], lengths) + np.arange(int(ptr[-1]))
    return ids[pos], ptr


def csr(ids: np.ndarray, ptr: np.ndarray, width: int) -> sp.csr_matrix:
    """Counts per row; columns sorted, so row sums run in word order whatever else is in the batch."""
    m = sp.csr_matrix((np.ones(len(ids)), ids, ptr), shape=(len(ptr) - 1, width))
    m.sum_duplicates()
    return m


def binary(m: sp.csr_matrix) -> sp.csr_matrix:
    out = m.copy()
    out.data[:] = 1.0
    return out


def scale(m: sp.csr_matrix, weights: np.ndarray) -> sp.csr_matrix:
    out = m.copy()
    out.data *= weights[out.indices]
    return out


def rowsum(m: sp.csr_matrix) -> np.ndarray:
    return np.asarray(m.sum(axis=1)).ravel()


def nonzero(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, 1.0)


def l2_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    out = m.copy()
    norms = np.sqrt(rowsum(m.multiply(m)))
    out.data /= np.repeat(nonzero(norms), np.diff(out.indptr))
    return out


def rowdot(x: sp.csr_matrix, y: sp.csr_matrix) -> np.ndarray:
    return rowsum(x.multiply(y))


def bigrams(sides: list[tuple[np.ndarray, np.ndarray]], width: int) -> list[sp.csr_matrix]:
    """Binary matrices of adjacent word-id pairs within each row, one shared column numbering in pair order."""
    keys, rows = [], []
    for ids, ptr in sides:
        row = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))
        same = row[:-1] == row[1:]
        keys.append(ids[:-1][same] * width + ids[1:][same])
        rows.append(row[:-1][same])
    uniq, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    out, at = [], 0
    for (_, ptr), r, k in zip(sides, rows, keys, strict=True):
        cols = inverse[at: at + len(k)]
        at += len(k)
        m = sp.csr_matrix((np.ones(len(k)), (r, cols)), shape=(len(ptr) - 1, len(uniq)))
        m.sum_duplicates()
        out.append(binary(m))
    return out
