"""The rows one attribution stage would be given, kept per draft while the pipeline runs as serving runs it.

A learned stage's training rows must be exactly what serving computes: the stage's own row function, called
on the document the stage receives. ``StageRows`` wraps that stage by name (through ``model.timing.Timer``'s
hook, so no stage is patched) and keeps draft index -> row for the last document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from model.attribution.records import Doc
from model.timing import Timer

RowsOf = Callable[[Doc], tuple[list[int], list[Any]]]  # the drafts asked and a row for each


class StageRows(Timer):
    """Keeps, per draft, the row ``rows_of`` gives for the document the named stage receives."""

    def __init__(self, stage: str, rows_of: RowsOf) -> None:
        super().__init__()
        self.stage, self.rows_of = stage, rows_of
        self.rows: dict[int, Any] = {}

    def wrap(self, name: str, fn: Callable) -> Callable:
        if name != self.stage:
            return fn

        def run(doc: Doc) -> None:
            idx, rows = self.rows_of(doc)
            self.rows = dict(zip(idx, rows, strict=True))
            return fn(doc)
        return run
