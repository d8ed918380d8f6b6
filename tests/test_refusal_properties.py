"""Properties of refusals end to end through POST /v1/score: a refusal (stance "declines") never has a score,
never takes part in a link, never moves another claim's score, and the profile counts it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service import create_app

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLIENT = create_app().test_client()

SPEAKERS = ["Maria Lopez", "Interior Minister Ali Rahimi", "A police spokesman", "Residents", "The Foreign Ministry"]
REFUSERS = ["The ministry", "A spokesman for the council", "Lawyers for Peter Novak", "The airline", "Aisha Khan"]
NOUNS = ["bridge", "factory", "airport", "hospital", "railway", "harbour"]
TOWNS = ["Jalawla", "Kessar", "Varnia", "Doltown"]
VERBS = ["will reopen", "was closed", "was flooded", "was evacuated"]
ASSERTING = ("{who} said {what}.", "According to {who}, {what}.", "{who} told reporters {what}.",
             "{who} denied reports that {what}.")
REFUSING = ("{who} declined to comment on whether {what}.", "{who} did not respond to requests for comment.",
            "{who} would not say whether {what}.", "{who} refused to discuss reports that {what}.",
            "{who} could not be reached for comment.", "{who} did not return calls seeking comment.",
            "{who} declined to say whether {what}.")


@st.composite
def content(draw) -> str:
    return f"the {draw(st.sampled_from(NOUNS))} in {draw(st.sampled_from(TOWNS))} {draw(st.sampled_from(VERBS))}"


@st.composite
def sentences(draw, forms: tuple[str, ...], people: list[str], what: str, n: tuple[int, int]) -> list[str]:
    """Sentences of the given forms; about the same content half the time, so that links could form."""
    out = []
    for _ in range(draw(st.integers(*n))):
        said = what if draw(st.booleans()) else draw(content())
        out.append(draw(st.sampled_from(forms)).format(who=draw(st.sampled_from(people)), what=said))
    return out


@st.composite
def story(draw) -> tuple[list[str], list[str]]:
    """(asserting sentences, refusals) about one event."""
    what = draw(content())
    return (draw(sentences(ASSERTING, SPEAKERS, what, (1, 4))), draw(sentences(REFUSING, REFUSERS, what, (1, 3))))


def answer(texts: list[str], explain: bool = True) -> list[dict]:
    reply = CLIENT.post("/v1/score", json={"documents": [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)],
                                           "options": {"explain": explain}})
    assert reply.status_code == 200, reply.get_data(as_text=True)
    return reply.get_json()["documents"]


def claims_of(documents: list[dict]) -> list[dict]:
    return [c for d in documents for c in d["claims"]]


@SETTINGS
@given(story(), st.booleans(), st.booleans())
def test_a_refusal_has_no_score_and_is_never_a_link(s, split, explain):
    asserting, refusals = s
    texts = [" ".join(asserting), " ".join(refusals)] if split else [" ".join(asserting + refusals)]
    documents = answer(texts, explain)
    claims = claims_of(documents)
    declining = {c["id"] for c in claims if c["stance"] == "declines"}
    assert len(declining) == len(refusals)  # every refusal form is read as one
    for c in claims:
        if c["id"] in declining:
            assert c["score"] is None and c["label"] is None
            assert c["corroborated_by"] == [] and c["denied_by"] == [] and c["official_denial"] is False
            assert c.get("explanation", []) == []
        else:
            assert c["score"] is not None and c["label"] is not None
            assert declining.isdisjoint(c["corroborated_by"]) and declining.isdisjoint(c["denied_by"])
    for d in documents:
        assert d["profile"]["refusals"] == sum(c["stance"] == "declines" for c in d["claims"])


@SETTINGS
@given(story())
def test_a_refusal_never_moves_another_claim(s):
    asserting, refusals = s
    alone = claims_of(answer([" ".join(asserting)]))
    together = claims_of(answer([" ".join(asserting + refusals)]))[:len(alone)]
    keep = ("id", "stance", "score", "label", "corroborated_by", "denied_by", "official_denial", "explanation")
    assert [{k: c[k] for k in keep} for c in together] == [{k: c[k] for k in keep} for c in alone]
