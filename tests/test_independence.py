"""Copies are not witnesses: a document repeated in a request (exactly, or with a line added at the top)
changes no score of the original's claims, end to end through POST /v1/score."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from model.independence import originals
from model.types import Document
from tests.test_score_properties import SETTINGS, article, scores, story

DATELINES = ["BAGHDAD (Wire) - ", "WASHINGTON, March 3 (Agency) — "]
BYLINES = ["By a staff reporter\n", "Updated 14:02 GMT\n\n"]
SEED = (Path(__file__).resolve().parents[1] / "seeds" / "jalawla-2014.txt").read_text(encoding="utf-8")


def copy_of(text: str, how: int) -> str:
    if how == 0:
        return text
    if how <= len(DATELINES):
        return DATELINES[how - 1] + text
    return BYLINES[how - 1 - len(DATELINES)] + text


@SETTINGS
@given(st.lists(story(), min_size=1, max_size=3), st.data())
def test_a_copy_changes_no_score_of_the_original(stories, data):
    docs = [Document(id=f"d{i}", text=article(*s)) for i, s in enumerate(stories)]
    which = data.draw(st.integers(0, len(docs) - 1), label="copied document")
    how = data.draw(st.integers(0, len(DATELINES) + len(BYLINES)), label="copy kind")
    where = data.draw(st.integers(0, len(docs)), label="copy position")
    copy = Document(id="copy", text=copy_of(docs[which].text, how))
    before = scores(docs)
    after = scores([*docs[:where], copy, *docs[where:]])
    assert {k: after[k] for k in before} == before


def test_the_seed_beside_its_syndicated_copy_scores_as_alone():
    alone = scores([Document(id="a", text=SEED)])
    edited = "BAGHDAD (Wire) - " + SEED.replace(" said", " told reporters", 1)
    for other in (SEED, edited):
        both = scores([Document(id="a", text=SEED), Document(id="b", text=other)])
        assert {k: both[k] for k in alone} == alone


def test_copies_share_an_original_and_other_coverage_stays_independent():
    other = ("Iranian troops joined a Kurdish offensive to retake Jalawla, the town's mayor said on Saturday, "
             "adding that Iraqi officials had asked for the help.")
    docs = [Document("a", SEED), Document("b", "BAGHDAD (Wire) - " + SEED), Document("c", other),
            Document("d", SEED)]
    assert originals(docs) == [0, 0, 2, 0]


def test_a_claim_quoted_inside_a_longer_article_is_no_copy_of_it():
    claim = "Robert Plant ripped up an $800 million Led Zeppelin reunion contract."
    body = f"Reports say that {claim} " + SEED
    assert originals([Document("claim", claim), Document("body", body)]) == [0, 1]
