"""Case-insensitive patterns run over lower-cased text find what the patterns themselves find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.attribution.denials import V
from model.attribution.stance import _HEDGE
from model.caseless import Caseless, lowered, twin
from model.content import DEBUNKING, NOT_DENIAL
from model.pointers import POINTS_BACK

PATTERNS = {"debunking": DEBUNKING, "not denial": NOT_DENIAL, "points back": POINTS_BACK,
            "rejecting": V.REJECTING, "quote negation": V.QUOTE_NEGATION, "hedge": _HEDGE}
# Words the patterns look for, in any case, among letters that lower-casing treats unusually.
WORDS = ["denied", "DENIED", "Hoax", "not true", "fake", "the report", "These Claims", "false", "rejected", "might",
         "Reportedly", "did not deny", "No", "nothing", "that", "as", "it", "İ", "ı", "ſ", "\u212a", "Å", "ß", "ﬁ",
         "said", "The", "allegations", "Smith's", "criticism", " ", ", ", ". ", '"', "“", "”", "'", "’"]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts)
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_the_lower_cased_twin_finds_the_same_matches(name, text):
    pattern = PATTERNS[name]
    fast = Caseless(pattern)
    want = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in fast.finditer(text, lowered(text))] == want
    found = fast.search_as_written(text, lowered(text))
    first = pattern.search(text)
    assert (found.span(), found.groups()) == (first.span(), first.groups()) if first else found is None


def test_text_whose_lower_case_differs_in_length_or_letters_runs_the_pattern_itself():
    assert lowered("İstanbul") is None  # "İ" lower-cases to two characters
    assert lowered("ſaid") is None  # IGNORECASE reads the long s as "s"
    assert lowered("Denied") == "denied"


def test_a_pattern_with_upper_case_letters_has_no_twin():
    with pytest.raises(ValueError):
        twin(re.compile("Denied", re.IGNORECASE))
    with pytest.raises(ValueError):
        twin(re.compile("denied"))  # not case-insensitive: nothing to gain
