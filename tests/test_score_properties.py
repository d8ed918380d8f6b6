"""Properties of scores end to end through POST /v1/score: bounds, order, monotone sourcing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.types import Document
from service import create_app

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EPS = 1e-9

PEOPLE = ["Maria Lopez", "John Carter", "Aisha Khan", "Peter Novak", "Elena Rossi", "David Brown"]
NOUNS = ["bridge", "factory", "airport", "hospital", "school", "railway", "harbour", "stadium"]
TOWNS = ["Jalawla", "Kessar", "Varnia", "Doltown", "Marrow", "Selby"]
VERBS = ["will reopen", "was closed", "will be sold", "was flooded", "will expand", "was evacuated"]
DAYS = ["on Monday", "on Friday", "next week", "last month", "in March"]


@st.composite
def content(draw) -> str:
    return f"the {draw(st.sampled_from(NOUNS))} in {draw(st.sampled_from(TOWNS))} {draw(st.sampled_from(VERBS))} " \
           f"{draw(st.sampled_from(DAYS))}"


@st.composite
def story(draw) -> tuple[str, str, list[str], str]:
    """(speaker, content of the first claim, other sentences, the first sentence's form), all named and cued."""
    who = draw(st.sampled_from(PEOPLE[:3]))
    what = draw(content())
    # Other speakers only: the same person twice would turn into independent sources once one is anonymised.
    speakers = [p for p in PEOPLE[:3] if p != who]
    others = [sentence(draw(st.sampled_from(FORMS)), draw(st.sampled_from(speakers)), draw(content()))
              for _ in range(draw(st.integers(0, 3)))]
    return who, what, others, draw(st.sampled_from(FORMS))


CLIENT = create_app().test_client()


def scores(docs: list[Document]) -> dict[str, float]:
    reply = CLIENT.post("/v1/score", json={"documents": [{"id": d.id, "text": d.text} for d in docs]})
    assert reply.status_code == 200, reply.get_data(as_text=True)
    out = reply.get_json()
    return {c["id"]: c["score"] for d in out["documents"] for c in d["claims"]}


def first_score(docs: list[Document]) -> float:
    return scores(docs)["a:0"]


FORMS = ("{who} said {what}.", "{What}, {who} said.", "According to {who}, {what}.", "{who} told reporters {what}.")


def sentence(form: str, who: str, what: str) -> str:
    text = form.format(who=who, what=what, What=what[0].upper() + what[1:])
    return text[0].upper() + text[1:]


def article(who: str, what: str, others: list[str], form: str = FORMS[0]) -> str:
    return " ".join([sentence(form, who, what), *others])


@SETTINGS
@given(st.text(max_size=300), st.text(max_size=300))
def test_scores_are_probabilities(a, b):
    for s in scores([Document(id="a", text=a), Document(id="b", text=b)]).values():
        assert s is None or 0.0 <= s <= 1.0


@SETTINGS
@given(story(), story(), st.permutations(range(3)))
def test_document_order_does_not_change_scores(first, second, order):
    docs = [Document(id="a", text=article(*first)), Document(id="b", text=article(*second)),
            Document(id="c", text=sentence(FORMS[1], "residents", first[1]))]
    assert scores([docs[i] for i in order]) == scores(docs)


@SETTINGS
@given(story(), st.sampled_from(PEOPLE[3:]), st.booleans())
def test_independent_named_corroboration_never_lowers(s, other, same_document):
    who, what, others, form = s
    base = [Document(id="a", text=article(who, what, others, form))]
    again = sentence(form, other, what)
    more = ([Document(id="a", text=base[0].text + " " + again)] if same_document
            else [*base, Document(id="z", text=again)])
    assert first_score(more) >= first_score(base) - EPS


@SETTINGS
@given(story(), st.sampled_from(["Interior Minister Ali Rahimi", "The Foreign Ministry", "Police spokesman Tom Reyes"]),
       st.booleans())
def test_official_denial_never_raises(s, denier, same_document):
    who, what, others, form = s
    base = [Document(id="a", text=article(who, what, others, form))]
    denial = f"{denier} denied reports that {what}."
    more = ([Document(id="a", text=base[0].text + " " + denial)] if same_document
            else [*base, Document(id="z", text=denial)])
    assert first_score(more) <= first_score(base) + EPS


@SETTINGS
@given(story())
def test_anonymous_source_never_scores_above_a_named_one(s):
    who, what, others, form = s
    named = [Document(id="a", text=article(who, what, others, form))]
    anonymous = [Document(id="a", text=article("a source who asked not to be identified", what, others, form))]
    assert first_score(anonymous) <= first_score(named) + EPS
