"""The paraphrase pair model: what it may link, what it never links, its artifact, and its training data."""

from __future__ import annotations

import numpy as np
import pytest

from model import extract
from model.links import analyses, link, source_codes
from model.paraphrase import FEATURES, Paraphrase, table
from model.paraphrase_candidates import WINDOW, candidates, eligible, headlines, sentences
from model.stated_numbers import numbers
from model.types import Document

# Two independent sources state one fact in different words, among other sentences of the story.
STORY = (
    "KALDRA, Aug 3 (Nordwire) - A wildfire in the hills above Kaldra has destroyed about 40 houses, the regional "
    "governor said on Monday.\n"
    "Governor Irena Vas said 11 people were in hospital, two of them with serious burns.\n"
    "The fire service said its crews had contained the blaze on its northern edge by Monday evening.\n"
    "Residents said the evacuation order had come too late for families in the upper village.\n"
    "The fire service said about 300 firefighters and six aircraft were fighting the fire near Kaldra.\n"
    "Meteorologists said winds of up to 60 km/h would keep fanning the fire through Tuesday.\n"
    "Doctors at Kaldra General Hospital said they were treating 11 people for burns and smoke inhalation, "
    "two of whom were in intensive care.\n"
    "The regional council said it would open two schools in Kaldra as shelters for people whose houses burned.\n"
    "Police said a man had been detained on suspicion of starting the fire while burning rubbish.\n"
    "A forestry expert said the hills had not burned for 30 years, leaving dry undergrowth to fuel the fire.\n"
)


@pytest.fixture(scope="module")
def model() -> Paraphrase:
    return Paraphrase.load()


def _story(text: str, doc_id: str = "d0"):
    claims = extract([Document(id=doc_id, text=text)])
    return claims, analyses(claims), source_codes(claims)


def _linked(text: str, model: Paraphrase | None) -> set[frozenset[str]]:
    claims = extract([Document(id="d0", text=text)])
    return {frozenset((c.id, other)) for c, lk in zip(claims, link(claims, model), strict=True)
            for other in lk.corroborated_by}


def _claim_with(claims, words: str):
    return next(c for c in claims if words in c.text)


def test_two_sources_saying_one_fact_in_other_words_corroborate(model):
    claims, _, _ = _story(STORY)
    governor, doctors = _claim_with(claims, "were in hospital").id, _claim_with(claims, "intensive care").id
    assert frozenset((governor, doctors)) not in _linked(STORY, None)  # the lexical rules miss it
    assert frozenset((governor, doctors)) in _linked(STORY, model)


def test_numbers_are_read_in_digits_and_words():
    assert numbers("Eight people died and 11 were hurt; 1,200 fled.") == {"8", "11", "1,200"}
    assert numbers("No figures were given.") == frozenset()


def test_refusals_denials_unattributed_headlines_questions_and_the_journalist_are_never_candidates():
    text = ("Mayor detained in bribery inquiry as prosecutors search city hall\n"
            "The mayor was detained on Tuesday in an inquiry into contracts worth 3 million crowns.\n"
            "Prosecutors said the mayor had taken bribes worth 3 million crowns from two builders.\n"
            "The mayor's lawyer denied that his client had taken any bribes from the builders.\n"
            "A spokesman for the builders declined to comment on the contracts.\n"
            "Why would two builders pay a mayor 3 million crowns, the lawyer asked reporters?\n")
    claims, found, key = _story(text)
    never = [c for c in claims if c.kind == "unattributed" or c.stance in ("declines", "denies")
             or "?" in c.text or c.paragraph == 0]
    assert never, "the story holds claims of each kind the model must not read"
    a, b = candidates(claims, found, key)
    assert not {claims[k].id for k in (*a.tolist(), *b.tolist())} & {c.id for c in never}
    assert all(not eligible([c], [f]) for c, f in zip(claims, found, strict=True) if c in never)


def test_one_source_never_corroborates_itself(model):
    claims, found, key = _story(STORY.replace("Doctors at Kaldra General Hospital said they were",
                                              "Governor Irena Vas said her officials were"))
    a, b = candidates(claims, found, key)
    assert all(key[i] != key[j] for i, j in zip(a.tolist(), b.tolist(), strict=True))
    assert all(claims[i].doc_index == claims[j].doc_index for i, j in zip(a.tolist(), b.tolist(), strict=True))


def test_pairs_grow_linearly_with_the_article():
    sentence = "Officials in district {k} said that {k} families had left the valley before the river rose. "
    for n in (40, 160):
        claims, found, key = _story("".join(sentence.format(k=k) for k in range(n)))
        a, _ = candidates(claims, found, key)
        assert len(a) <= WINDOW * len(claims)


def _pairs(claims, model: Paraphrase) -> set[tuple[str, str]]:
    a, b = model.pairs(claims, analyses(claims), source_codes(claims))
    return {(claims[i].id, claims[j].id) for i, j in zip(a.tolist(), b.tolist(), strict=True)}


def test_a_document_pairs_the_same_whatever_else_the_request_holds(model):
    alone = extract([Document(id="d0", text=STORY)])
    beside = extract([Document(id="x", text="Police said the road to Kaldra was closed on Monday evening."),
                      Document(id="d0", text=STORY)])
    assert _pairs(alone, model) and _pairs(alone, model) == _pairs(beside, model)


def test_features_are_named_and_finite(model):
    claims, found, key = _story(STORY)
    a, b = candidates(claims, found, key)
    rows = table(claims, found, a, b, sentences(claims, key), model.word_pairs)
    assert rows.shape == (len(a), len(model.meta["features"])) and np.isfinite(rows).all()
    assert list(model.pipeline[0].get_feature_names_out()) == model.meta["features"]


def test_served_probabilities_are_the_pipelines(model):
    claims, found, key = _story(STORY)
    units = sentences(claims, key)
    a, b = candidates(claims, found, key, units)
    expected = model.pipeline.predict_proba(table(claims, found, a, b, units, model.word_pairs))[:, 1]
    assert len(a) and np.allclose(model.proba(claims, found, a, b, units), expected, rtol=0, atol=1e-12)


def test_a_sentence_of_one_source_in_two_claims_is_read_as_one():
    text = ("The signal before the junction had shown green, the Locomotive Drivers' Union said, citing the "
            "driver, who is in hospital with head injuries.\n"
            "Police said the driver had been questioned on Monday.\n")
    claims, _, key = _story(text)
    first = [k for k, c in enumerate(claims) if c.start < text.index("\n")]
    assert len(first) == 2, "the sentence is two claims of one source"
    assert sentences(claims, key)[first[0]] == tuple(first)


def _row(text: str, first: str, second: str) -> dict[str, float]:
    """The FEATURES of the pair of sentences holding ``first`` and ``second``, by name."""
    claims, found, key = _story(text)
    units = sentences(claims, key)
    a, b = candidates(claims, found, key, units)
    i, j = (next(k for k, c in enumerate(claims) if words in c.text) for words in (first, second))
    at = next(n for n, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)) if (x, y) == (i, j))
    return dict(zip(FEATURES, table(claims, found, a, b, units, None)[at].tolist(), strict=True))


def test_roles_hedges_and_a_confirming_cue_are_read_from_the_pair():
    text = ("Governor Irena Vas said the fire had destroyed about 40 houses in the upper village.\n"
            "Interior Minister Tomas Berg said the blaze may have destroyed more homes in the hills.\n"
            "A farmer who saw the fire from his field confirmed that the houses in the upper village had burned.\n")
    officials = _row(text, "destroyed about 40", "may have destroyed")
    assert officials["both_official"] == officials["same_role"] == 1.0 and officials["witness"] == 0.0
    assert officials["hedged"] == 1.0 and officials["confirming_cue"] == 0.0  # "may" hedges the minister's
    witness = _row(text, "destroyed about 40", "from his field")
    assert witness["both_official"] == witness["same_role"] == 0.0 and witness["witness"] == 1.0
    assert witness["confirming_cue"] == 1.0 and witness["hedged"] == 0.0


def test_an_attributed_headline_is_read_and_marked_as_one():
    text = ("Backup runway lights were off before the storm landing, pilots' union says\n"
            "KESTRUP, March 3 (Nordwire) - An air traffic controller said the backup runway lights had been "
            "switched off for an hour before the cargo plane landed in the storm.\n"
            "Inspectors of the aviation authority said they had found the backup lights switched off after "
            "the landing.\n")
    claims, _, _ = _story(text)
    assert headlines(claims).tolist() == [True, False, False] and claims[0].kind != "unattributed"
    assert _row(text, "pilots' union says", "Inspectors")["headline"] == 1.0
    assert _row(text, "traffic controller", "Inspectors")["headline"] == 0.0
    # The same words ending a sentence in the body are no headline, wherever they stand.
    assert not headlines(_story(text.replace("union says\n", "union says.\n"))[0]).any()


def test_a_headline_beside_its_owner_in_the_lead_is_marked_as_one_source():
    # "..., union says" above "..., the pilots' union Flygforbundet said": the owner in a title and the owner in the
    # body are one source (the guideline), though the headline's bare "union" is not resolved to it.
    text = ("Pilots flew 14-hour shifts without a break, union says\n"
            "KESTRUP, March 3 (Nordwire) - Pilots at Skyvik flew shifts of 14 hours with no rest in January, the "
            "pilots' union Flygforbundet said on Monday.\n"
            "Inspectors of the aviation authority said they had found rosters with 14-hour shifts and no break.\n")
    owner = _row(text, "union says", "Flygforbundet")
    assert owner["headline"] == owner["headline_owner"] == owner["headline_source"] == 1.0
    other = _row(text, "union says", "Inspectors")
    assert other["headline"] == 1.0 and other["headline_owner"] == other["headline_source"] == 0.0
    assert _row(text, "Flygforbundet", "Inspectors")["headline_owner"] == 0.0


def test_the_served_shortcut_links_what_the_whole_model_links(model):
    # Pairs sharing no word are not scored and only pairs that could reach the threshold get their closeness
    # counted: the pairs served must be those the full table's probabilities put at the threshold or above.
    for text in (STORY, STORY.replace("said", "confirmed", 3)):
        claims, found, key = _story(text)
        units = sentences(claims, key)
        a, b = candidates(claims, found, key, units)
        whole = model.proba(claims, found, a, b, units) >= model.threshold
        expected = {(i, j) for h1, h2 in zip(a[whole].tolist(), b[whole].tolist(), strict=True)
                    for i in units[h1] for j in units[h2]}
        got = model.pairs(claims, found, key)
        assert set(zip(got[0].tolist(), got[1].tolist(), strict=True)) == expected


def test_a_pair_sharing_nothing_never_scores_above_its_own_bound(model):
    # The served shortcut drops the pairs that share no word and no number unless their own bound (distance, who
    # says it and word pairs, the rest at its most) reaches the cut: a pair it drops must score below the cut in the
    # whole table.
    from model.paraphrase import _BY_PAIR, _silent_reach

    text = STORY + ("A farmer who watched the fire from his field confirmed that the flames had crossed the ridge.\n"
                    "Two residents said they had seen smoke rising over the valley before dawn.\n")
    claims, found, key = _story(text)
    units = sentences(claims, key)
    a, b = candidates(claims, found, key, units)
    place = np.cumsum([bool(f.content) for f in found])
    rows = table(claims, found, a, b, units, model.word_pairs)
    silent = ~rows[:, :6].any(axis=1)
    assert silent.any()
    dropped = silent & ~_silent_reach(rows[:, -_BY_PAIR:], a, b, place, model.weights, model.bias, model.threshold)
    assert dropped.any() and (model.pipeline.predict_proba(rows[dropped])[:, 1] < model.threshold).all()
