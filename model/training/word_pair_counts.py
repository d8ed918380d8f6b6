"""Word pair counts per wire story, for training the paraphrase model: each row's word pair FEATURES as a
``model.word_pairs.WordPairs`` fitted without some stories would give them (its own story always among those
left out: a row never counts its own label), in array arithmetic rather than one fit per fold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

import numpy as np

from model.word_pairs import FEATURES, STRONG, Pair, crossing


class Settings(TypedDict):
    """``model.word_pairs.WordPairs``' keyword arguments."""

    min_rows: int
    min_stories: int
    prior: float


# The served WordPairs' (model.training.word_pairs).
SETTINGS: Settings = {"min_rows": 3, "min_stories": 2, "prior": 5.0}


class StoryCounts:
    """Each story's word pair counts (candidate pairs, corroborating ones), to sum less any stories left out."""

    def __init__(self, stories: Sequence[tuple[Sequence[Pair], np.ndarray]], settings: Settings = SETTINGS) -> None:
        ids: dict[tuple[str, str], int] = {}
        self.settings = settings
        self.flat, self.lens, self.sizes, self.keys, self.rows, self.linked = [], [], [], [], [], []
        for pairs, y in stories:
            # Sorted: a set's order follows the process's string hashing, and the sums below follow this order
            # (in another order the last bits, and so the fitted model's, differ from run to run).
            per_row = [np.array([ids.setdefault(p, len(ids)) for p in sorted(crossing(a, b))], dtype=np.int64)
                       for a, b in pairs]
            lens = np.array([len(r) for r in per_row], dtype=np.int64)
            flat = np.concatenate(per_row) if per_row else np.zeros(0, np.int64)
            keys, inverse = np.unique(flat, return_inverse=True)
            self.flat.append(flat)
            self.lens.append(lens)
            self.sizes.append(np.array([len(a - b) * len(b - a) for a, b in pairs], dtype=float))
            self.keys.append(keys)
            self.rows.append(np.bincount(inverse, minlength=len(keys)).astype(float))
            self.linked.append(np.bincount(inverse, weights=np.repeat(np.asarray(y, dtype=float), lens),
                                           minlength=len(keys)))
        self.labels = [np.asarray(y, dtype=float) for _, y in stories]
        size = len(ids)
        self.all_rows, self.all_linked, self.all_stories = np.zeros(size), np.zeros(size), np.zeros(size)
        for keys, rows, linked in zip(self.keys, self.rows, self.linked, strict=True):
            self.all_rows[keys] += rows
            self.all_linked[keys] += linked
            self.all_stories[keys] += 1

    def _at(self, k: int, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Story k's (candidate pairs, corroborating, 1 where it holds the word pair) at word pair ids ``flat``."""
        keys = self.keys[k]
        at = np.minimum(np.searchsorted(keys, flat), max(len(keys) - 1, 0))
        held = (keys[at] == flat) if len(keys) else np.zeros(len(flat), dtype=bool)
        return (np.where(held, self.rows[k][at], 0.0) if len(keys) else np.zeros(len(flat)),
                np.where(held, self.linked[k][at], 0.0) if len(keys) else np.zeros(len(flat)), held.astype(float))

    def features(self, k: int, left_out: Sequence[int]) -> np.ndarray:
        """The FEATURES of story k's rows, counted over every story but those ``left_out`` (k among them)."""
        flat, lens = self.flat[k], self.lens[k]
        out = np.zeros((len(lens), len(FEATURES)))
        if not len(flat):
            return out
        n, hits, m = self.all_rows[flat].copy(), self.all_linked[flat].copy(), self.all_stories[flat].copy()
        rows = sum(len(y) for y in self.labels) - sum(len(self.labels[j]) for j in left_out)
        linked = sum(y.sum() for y in self.labels) - sum(self.labels[j].sum() for j in left_out)
        for j in left_out:
            dn, dk, dm = self._at(j, flat)
            n, hits, m = n - dn, hits - dk, m - dm
        rate = linked / rows if rows else 0.0
        if not 0.0 < rate < 1.0:
            return out
        s = self.settings
        kept = (n >= s["min_rows"]) & (m >= s["min_stories"])
        odds = np.where(kept, np.log((hits + s["prior"] * rate) / np.maximum(n + s["prior"], 1e-9)) - np.log(rate),
                        0.0)
        odds = np.maximum(odds, 0.0)  # only the pairs above the base rate are kept
        has = lens > 0
        starts = np.r_[0, np.cumsum(lens)[:-1]][has]
        out[has, 0] = np.maximum.reduceat(odds, starts)
        out[has, 1] = np.add.reduceat(odds, starts) / np.sqrt(self.sizes[k][has])
        out[has, 2] = np.add.reduceat((odds > STRONG).astype(float), starts)
        return out
