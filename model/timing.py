"""Seconds per named stage, summed over calls: how bench/stages.py times the real pipeline without patching it."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class Timer:
    """Pass one to ``model.Analyzer`` (or ``model.attribution.Pipeline``) to time each stage by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - t
            self.calls[name] += 1

    def wrap(self, name: str, fn: Callable[..., T]) -> Callable[..., T]:
        """``fn``, timed under ``name`` at every call."""

        def timed(*args: object) -> T:
            t = time.perf_counter()
            try:
                return fn(*args)
            finally:
                self.seconds[name] += time.perf_counter() - t
                self.calls[name] += 1

        return timed
