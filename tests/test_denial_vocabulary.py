"""The one denial vocabulary (model/lexicon/denial.txt, model/denial.py): its key words are a sound pre-check."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model import denial
from model.lexicon import DENIAL_WORDS
from model.text import words

ENTRIES = sorted(DENIAL_WORDS.entries())
FILLER = ["the", "said", "he", "was", "that", "believe", "earlier", "“", '"', ",", "not", "didn't", "did not",
          "reports", "as", "neither", "nor", "totally"]
# Every pattern match is built of at most two neighbouring entries (a linker and a noun, a verb and its object),
# so every ordered pair of entries, filler between or not, is every shape a match can take.
PAIRS = [f"{a} {b}" for a in ENTRIES + FILLER for b in ENTRIES + FILLER]


def test_debunking_matches_only_where_a_key_is_present():
    missed = [t for t in PAIRS if denial.DEBUNKING.search(t) and not any(k in t.lower() for k in denial.DEBUNKING_KEYS)]
    assert not missed, missed[:5]


def test_rejecting_and_not_denial_match_only_where_a_key_word_is_present():
    for pattern, keys in ((denial.REJECTING, denial.REJECTING_KEYS), (denial.NOT_DENIAL, denial.NOT_DENIAL_KEYS)):
        missed = [t for t in PAIRS if pattern.search(t) and keys.isdisjoint(words(t))]
        assert not missed, missed[:5]
    missed = [t for t in PAIRS if denial.REJECTING.search(t) and not denial.rejecting_possible(words(t))]
    assert not missed, missed[:5]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(ENTRIES + FILLER), min_size=1, max_size=8).map(" ".join))
def test_longer_texts_too(t):
    if denial.DEBUNKING.search(t):
        assert any(k in t.lower() for k in denial.DEBUNKING_KEYS), t
    if denial.REJECTING.search(t):
        assert not denial.REJECTING_KEYS.isdisjoint(words(t)), t


def test_every_rejection_verb_form_is_a_denial_cue_and_no_content_term():
    from model.content import term

    for form in denial.VERB_FORMS:
        assert form.startswith(denial.DENIAL_CUES)
        assert term(form) is None


def test_the_vocabulary_reads_as_written():
    assert denial.DEBUNKING.search("The ministry said the story was a total hoax.")
    assert denial.DEBUNKING.search("She denied the reports.")
    assert not denial.DEBUNKING.search("The court dismissed 849 cases.")
    assert not denial.DEBUNKING.search("They deny them access.")
    assert denial.REJECTING.search("He said the allegations were 100 percent wrong.")
    assert denial.NOT_DENIAL.search("The spokesman would neither confirm nor deny it.")
    assert denial.NOT_REJECTION.search("The agency could deny them permits.")
