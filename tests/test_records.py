"""The pipeline's records: built without a frozen dataclass's cost in serving, frozen under the test suite."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from model.types import FROZEN_RECORDS, Span


def test_the_suite_builds_records_frozen_so_an_assignment_anywhere_it_reaches_raises():
    assert FROZEN_RECORDS
    span = Span("a", 0, 1)
    with pytest.raises(FrozenInstanceError):
        span.start = 2  # type: ignore[misc]


def test_a_record_compares_and_hashes_by_its_fields():
    assert Span("a", 0, 1) == Span("a", 0, 1) and hash(Span("a", 0, 1)) == hash(Span("a", 0, 1))
    assert replace(Span("a", 0, 1), end=2) == Span("a", 0, 2)
