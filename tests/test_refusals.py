"""Refusals and non-answers: stance "declines" (model/attribution/refusals.py, model/lexicon/refusal.txt)."""

from __future__ import annotations

import pytest

from model.attribution import attribute
from model.types import Claim, Document


def stances(text: str) -> list[str]:
    return [c.stance for c in claims(text)]


def claims(text: str) -> list[Claim]:
    return attribute(Document(id="t", text=text), 0)


@pytest.mark.parametrize("text", [
    "The harbour authority declined to comment on the collapse.",
    "A spokeswoman for the airline did not respond to requests for comment.",
    "The owner did not immediately reply to an email on Sunday.",
    "The coach would not say whether the striker was injured.",
    "The prosecutor refused to discuss the charges.",
    "Halvorsen could not be reached for comment.",
    "Lawyers for the club did not return phone calls.",
    "The embassy did not answer calls on Tuesday.",
    "The agent would not say from which clubs the offers came.",  # a preposition before the open question
    "Officials declined to give details of the agreement.",
    "The bank declined to provide figures for the quarter.",
    "He declined to release the repair record.",  # a record withheld
    "The statistics office declined to publish the corrected fuel data.",
    "The minister has not commented on the leak.",
    "The union was unavailable for comment.",
    "The firm would neither confirm nor deny the sale.",
    "The militia has neither denied nor confirmed the reports.",  # the same non-answer in the other order
    "A spokesman for the company said it would not comment on rumours.",
    "“We are not going to discuss individual cases,” a police spokesman said.",
    "Asked about the merger, she declined to elaborate.",
    "The embassy declined to be interviewed for this article.",
    "Lerche declined an interview request.",
    "The ministry would not confirm the number of arrests.",  # "would not": a refusal to confirm
    "The agency declined to confirm the report.",
    "The mayor could not say whether the bridge would reopen.",  # inability to tell is still a non-answer
    "Neither Delaney nor his lawyer responded to requests for comment.",  # the negation before both subjects
    "Neither the airline nor the union would say whether a deal on severance pay was close.",  # ... withholding
    "The exporter named on the waybill did not respond to emails.",  # "named on": a participle, no one speaking
    "The company named in the report declined to comment.",
])
def test_refusals_decline(text):
    assert "declines" in stances(text), [(c.text, c.stance) for c in claims(text)]


@pytest.mark.parametrize(("text", "source", "kind"), [
    ("The Israeli military had no immediate comment on the rocket fire.", "The Israeli military", "named_organization"),
    ("There was no immediate comment from the Israeli military.", "the Israeli military", "named_organization"),
    ("A spokesman for the ministry had no comment.", "A spokesman for the ministry", "anonymous"),
    ("There was no response from Harlow Chemicals to questions about the plant.", "Harlow Chemicals",
     "named_organization"),
    ("The army would neither confirm nor deny that troops had crossed the border.", "The army",
     "named_organization"),  # "neither" between the subject and its cue, as "not" is
])
def test_a_non_answer_names_who_gave_it(text, source, kind):
    """"X had no (immediate) comment", "no comment from X": the refusal is X's, reported with its source (the
    shipped models on: the typer reads the body)."""
    from model import extract

    (c,) = extract([Document(id="t", text=text)])
    assert (c.stance, c.source.text if c.source else None, c.kind) == ("declines", source, kind)


@pytest.mark.parametrize("text", [
    "The senator refused to endorse the candidate.",  # refusing to do something
    "The party declined to rule out new elections.",
    "The striker declined to celebrate after scoring.",
    "The president did not mention the strike in his address.",  # left unsaid in a speech
    "The court gave no reasons for the ruling.",
    "The board did not discuss the budget at Monday's meeting.",
    "The spokesman did not deny the report.",  # not a denial either, but an answer
    "An official who declined to be identified said the deal was close.",  # an anonymity reason
    "Halvorsen, who declined to comment on the collapse, said the harbour would reopen.",
    "Moreau said the mayor refused to answer questions about the budget.",  # a third party's refusal, as a fact
    "The coach said the striker was injured.",
    "The regulator did not say that prices would rise.",
    "The regulator did not say if it would open an inquiry.",  # what a statement left out: both label sets
    "The ministry did not say on what grounds the visa was refused.",  # read these as asserting
    "The club did not confirm whether the coach had resigned.",
    "Brennholm did not explain why its accounts gave different figures.",
    "Sanders hasn't said whether he has a strategy.",
    "She did not say in the interview that she would run.",  # "in the" opens no question
    "\"I don't identify with what the man says,\" Freddy Ortega said.",  # identifying with, no withholding
    "The same could not be said of the visiting team.",  # a passive, not a refusal
    "The cause may have been a gas leak, but we cannot say for certain.",  # a hedge
    "“There are things I wouldn't say, but she is sincere,” he said.",
    "Her name has not been disclosed for her safety.",
    "The crowd booed after the candidate refused to say that the vote was fair.",  # a subordinate clause
    "A deal could not be reached before the deadline.",  # nobody was to be reached
    "The agency said it could not confirm the mayor's figure.",  # the claim is unverified: an assertion
    "Police were unable to verify the video.",
])
def test_non_refusals_do_not_decline(text):
    assert "declines" not in stances(text), [(c.text, c.stance) for c in claims(text)]


def test_the_key_words_are_a_sound_pre_check():
    from model.attribution.refusals import ACT_KEYS, LEAD_KEYS, PATTERN, PHRASE_KEYS
    from model.lexicon import REFUSAL_WORDS as R
    from model.text import words

    leads = [f"{r} to" for r in R["refusing"]] + list(R.phrases("unwilling_phrases") + R.phrases("unable_phrases")
                                                     + R.phrases("not_phrases"))
    acts = sorted(R["answering"] | R["telling"] | R["verifying"]) + [f"{s} whether" for s in R["saying"]] + [
        "give details", "return calls"]
    texts = ([f"The mayor {lead} {act} on Monday." for lead in leads for act in acts]
             + list(R.phrases("refusal_phrases")))
    matched = [t for t in texts if PATTERN.search(t)]
    assert len(matched) > len(texts) // 2
    for t in matched:
        present = words(t)
        act = not ACT_KEYS.isdisjoint(present) or ({"said", "told"} & present and R["open_questions"] & present)
        assert not PHRASE_KEYS.isdisjoint(present) or ((not LEAD_KEYS.isdisjoint(present) or "n't" in t) and act), t


def test_a_refusal_and_a_claim_in_one_sentence_are_two_stances():
    got = {c.cue.text: c.stance for c in claims("The mayor declined to comment but said the city would appeal.")}
    assert got == {"declined": "declines", "said": "asserts"}


def test_a_refusal_inside_a_denying_quotation_stays_a_refusal():
    text = ("“The reports are false,” the minister said. “We will not comment on the investigation,” she said.")
    assert stances(text) == ["denies", "declines"]


@pytest.mark.parametrize(("text", "who"), [
    ("Sola himself could not be reached for comment.", "Sola himself"),
    ("The company could not immediately be reached for comment.", "The company"),
    ("Its owner, Petar Stavro, could not be reached for comment.", "Its owner, Petar Stavro"),  # an appositive pair
    ("Petar Stavro, the owner, could not immediately be reached for comment.", "Petar Stavro, the owner"),
    ("The company did not return calls seeking comment.", "The company"),
    ("A lawyer for the family did not return calls seeking comment.", "A lawyer for the family"),  # no -ly adverb
    ("A spokesman for Velmar did not immediately return calls seeking comment on Tuesday.",
     "A spokesman for Velmar"),
])
def test_whoever_leaves_a_request_unanswered_is_the_source_not_the_request(text, who):
    # PolNeAR counts "calls seeking comment" as an attribution, and the shipped filter keeps it; the claim is the
    # refusal of whoever did not return them.
    from model import extract

    (c,) = extract([Document(id="t", text=text)])
    assert (c.stance, c.source.text) == ("declines", who)


def test_who_leaves_a_message_unanswered_is_the_source_whatever_the_filter_makes_of_the_messages():
    from model import extract
    from model.types import Document
    (c,) = extract([Document(id="t", text="A spokesperson for Trump did not return an email seeking comment.")])
    assert (c.source.text, c.stance) == ("A spokesperson for Trump", "declines")


@pytest.mark.parametrize(("text", "stance"), [
    ("A spokeswoman for the Ostrander Group said the company did not comment on market speculation.", "declines"),
    ("A Treasury spokesman said the agency does not comment on specific transactions.", "declines"),
    ("A union spokesman said the company refused to discuss pay.", "asserts"),  # another body's refusal
    ("A spokesman for the mayor said the council had refused to answer questions.", "asserts"),
])
def test_a_spokesperson_reports_the_body_they_speak_for_refusing(text, stance):
    assert [c.stance for c in claims(text)] == [stance]


@pytest.mark.parametrize(("text", "stances"), [
    ('Varos said the attack bore "all the hallmarks" of a criminal group, but declined to name it.',
     ["asserts", "declines"]),
    ("The NCSC said it was helping the authority investigate and could not yet say who was responsible.",
     ["asserts", "declines"]),  # "not yet": the refusal's own words stay in its claim
    ("The central bank's decision does not name the account holders.", ["asserts"]),
])
def test_a_refusal_to_name_or_to_say_yet(text, stances):
    assert [c.stance for c in claims(text)] == stances


@pytest.mark.parametrize("text", [
    "The ministry declined further comment.",
    "The company had no further comment.",
    "The company has no comment.",
    "Police refused comment.",
    "The company referred questions to the ministry.",
    "A spokesman for the ministry referred inquiries to police.",
])
def test_the_set_phrases_of_no_comment_decline(text):
    (claim,) = [c for c in attribute(Document(id="t", text=text), 0) if c.source]
    assert claim.stance == "declines"


@pytest.mark.parametrize(("text", "source"), [
    ("Vikstrom did not return calls on Thursday.", "Vikstrom"),
    ("The ministry did not immediately return a request for comment.", "The ministry"),
    ("A spokeswoman for the mayor did not return a message.", "A spokeswoman for the mayor"),
])
def test_calls_not_returned_are_the_callees_refusal(text, source):
    from model import analyze  # the non-answer phrases are the rules' to decide, through the whole pipeline

    (c,) = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert (c["source"]["text"] if c["source"] else None, c["stance"]) == (source, "declines")


@pytest.mark.parametrize("text", [
    "A Vellandra spokesman, Tor Ingvald, declined to say into whose account the dividends had been paid.",
    "She would not say to whom the money went.",
    "Director-general Tomas Renvik declined requests for an interview.",
])
def test_a_refusal_before_whose_or_whom_or_of_an_interview_declines(text):
    assert stances(text) == ["declines"]


@pytest.mark.parametrize("text", [
    "The agency, which decides on coastal evacuations together with the town, did not respond to requests for "
    "comment.",
    "The club, which owns the stadium, would not comment.",
])
def test_a_refusal_after_a_relative_clause_keeps_its_speaker(text):
    from model import extract  # the learned filter doubts the long gap; the refusal's own words decide
    (c,) = extract([Document(id="t", text=text)])
    assert c.stance == "declines" and c.source is not None and c.source.text.split(",")[0] in ("The agency",
                                                                                              "The club")

