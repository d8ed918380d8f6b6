"""The learned pronoun ranker (stage "resolve", artifact ``antecedents``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from model import DEFAULT_MODEL_DIR, Analyzer, artifact, extract, load_models
from model.attribution import LEARNED, Pipeline
from model.attribution.antecedents import ARTIFACT, Query, candidates, choose, ranker, rows
from model.attribution.history import History
from model.attribution.mentions import classify
from model.types import Document, Span

MODELS = load_models(DEFAULT_MODEL_DIR)


def history_of(*names: tuple[str, bool]) -> History:
    """A history holding these mentions in text order, each (name, spoke)."""
    text = " ".join(n for n, _ in names) + " he said."
    h = History(text)
    at = 0
    for name, spoke in names:
        h.add(Span(name, at, at + len(name)), classify(name), is_source=spoke)
        at += len(name) + 1
    return h


def test_the_stage_is_learned_and_ships_its_artifact():
    assert LEARNED["resolve"] == ARTIFACT
    meta = artifact.read_metadata(DEFAULT_MODEL_DIR, ARTIFACT)
    assert meta["features"] and meta["training_data"]["sha256"] and meta["training_data"]["queries"] > 100
    assert 0 < meta["metrics"]["grouped_cv_top1"] <= 1 and 0 < meta["metrics"]["grouped_cv_top1_rules"] <= 1
    card = Analyzer().card()
    assert any(a["file"] == f"{ARTIFACT}.joblib" and a["sha256"] == meta["sha256"] for a in card["artifacts"])


def test_without_a_model_the_rules_pick_stands():
    h = history_of(("Sen. Ann Lee", True), ("Tom Baker", False))
    rule = h.find(len(h.text) - 8, "male")
    assert choose(None, h, Query(len(h.text) - 8, "male", rule)) is rule


def test_candidates_keep_gender_and_come_most_recent_first():
    h = history_of(("Mr. Tom Baker", True), ("Mrs. Ann Lee", True), ("Mr. Joe Hart", False))
    before = len(h.text) - 8
    assert [k.mention.entity for k in candidates(h, Query(before, "male", None))] == ["hart", "baker"]
    assert [k.mention.entity for k in candidates(h, Query(before, "female", None))] == ["lee"]


def test_the_shipped_ranker_scores_as_its_pipeline_does():
    """The serving shortcut (a sum of weights per row) orders candidates as sklearn's decision_function."""
    model = MODELS[ARTIFACT]
    h = history_of(("Mr. Tom Baker", True), ("Mr. Joe Hart", False), ("Mr. Al Ruiz", True), ("Mr. Ed Park", False))
    before = len(h.text) - 8
    query = Query(before, "male", h.find(before, "male"))
    cands = candidates(h, query)
    feats = rows(h, cands, query)
    fast = np.array(ranker(model)(query, cands, feats))
    slow = model.decision_function(feats)
    assert np.allclose(fast + model.steps[1][1].intercept_[0], slow)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "Sen. Ann Lee said the bill would pass.", "Mr. Tom Baker said it would not.", "The Velmar Group said it agreed.",
    "She said the vote was close.", "He said he would appeal.", "It said demand had fallen.",
    "“We are not leaving,” she said.", "Police Chief Ana Ruiz told reporters the road was closed.",
    "Residents said the water was brown.", "They said they were afraid.",
]), min_size=1, max_size=8))
def test_a_pronoun_resolves_only_to_a_compatible_entity(sentences):
    claims = extract([Document(id="t", text=" ".join(sentences))])
    for c in claims:
        if c.source is None or c.source.resolved is None:
            continue
        said, meant = c.source.text.lower(), classify(c.source.resolved.text)
        if said == "she":
            assert meant.gender != "male", (c.source, meant)
        if said == "he":
            assert meant.gender != "female", (c.source, meant)


def test_a_woman_sharing_a_surname_with_a_man_is_her_own_antecedent():
    """A family shares a surname ("Bill ... Hillary Clinton"): "she" means the woman, "he" the man, each resolved
    to their own fullest mention."""
    text = ("Former President Bill Clinton spoke in Iowa on Monday. Hillary Clinton said the plan would work. "
            "She said voters would agree. Ivanka Trump said her father would win. Donald Trump said the polls "
            "were rigged. She said the campaign was strong. He said it too.")
    resolved = [c.source.resolved.text for c in extract([Document(id="t", text=text)])
                if c.source is not None and c.source.text in ("She", "He")]
    assert resolved == ["Hillary Clinton", "Ivanka Trump", "Donald Trump"]


def test_in_an_interview_transcript_i_and_you_are_the_interviewee():
    text = ("Q&A with Mayor Ana Ruiz.\n\nMayor Ana Ruiz spoke with the Ledger on Tuesday.\n\n"
            "Q: You promised a new bridge. Will it be built?\n\nA: I think it will open next year.\n\n"
            "Q: What about the budget?\n\nA: I believe the council will approve it.\n\n"
            "Critics said the plan was too expensive. I said so too.")
    claims = extract([Document(id="t", text=text)])
    by_text = {c.text: c for c in claims if c.source is not None}
    for sentence in ("A: I think it will open next year.", "A: I believe the council will approve it.",
                     "Q: You promised a new bridge."):
        c = by_text[sentence]
        assert (c.source.resolved.text, c.kind) == ("Mayor Ana Ruiz", "named_person"), sentence
    # outside the answers, "I" is the writer's own voice, not the interviewee's
    assert all(c.source.resolved is None for t, c in by_text.items() if t.startswith("I said"))
    # paragraphs opening with an initial are no answers, and without a question there is no transcript
    plain = ("Mayor Ana Ruiz spoke on Tuesday.\n\nA. J. Brown said the bridge was late. I think so too.\n\n"
             "A. J. Brown said the budget was short. I believe it.")
    assert all(c.source.resolved is None for c in extract([Document(id="t", text=plain)])
               if c.source is not None and c.source.text == "I")


def test_fitting_is_deterministic(tmp_path: Path):
    from model.training.antecedents import Labelled, fit

    feats = [{"rule": 1.0, "rank=0": 1.0, "speaker": 1.0}, {"rank=1": 1.0, "last_speaker": 1.0},
            {"rank=2": 1.0, "lead": 1.0}]
    qs = [Labelled(f"a{i % 3}", feats, [i % 3 == j for j in range(3)], [True, False, False]) for i in range(12)]
    digests = {artifact.write(fit(qs, 1.0), tmp_path / str(n), ARTIFACT, {"name": "t", "version": "0"})["sha256"]
               for n in range(2)}
    assert len(digests) == 1


def test_the_ranker_changes_no_claim_boundaries():
    """Resolution decides who a source is, never which claims there are."""
    text = ("Sen. Ann Lee said the bill would pass. Mr. Tom Baker, her rival, disagreed. “It is dead,” he said. "
            "Lee said she would call a vote. He said he would block it.")
    doc = Document(id="t", text=text)
    rules = Pipeline(models={k: v for k, v in MODELS.items() if k != ARTIFACT})(doc, 0)
    learned = Pipeline(models=MODELS)(doc, 0)
    assert [(c.start, c.end, c.source and c.source.text) for c in rules] == \
           [(c.start, c.end, c.source and c.source.text) for c in learned]


def test_a_given_name_says_the_gender_and_a_surname_alone_does_not():
    """The Census lists give "Phyllis" and "Dan" one gender; "Warren" and "Clinton" are men's given names but
    women's surnames, and "King" of "Billie Jean King" is her surname: none of them says "he"."""
    assert classify("Phyllis Schlafly").gender == "female"
    assert classify("Sen. Dan Fishman").gender == "male"
    assert classify("Elizabeth Warren").gender == "female"
    assert classify("Warren").gender == "unknown"
    assert classify("Billie Jean King").gender != "male"
    assert classify("Mrs. Ann Clinton").gender == "female"


def test_a_person_named_by_a_given_name_alone_is_an_antecedent():
    """"Phyllis Schlafly" is in no short list of news names, has no title and never speaks before the pronoun:
    her given name is enough for "she" to find her, and a man named since is no candidate for "she"."""
    text = ("Conservative icon Phyllis Schlafly, who died Monday, used her final column to praise Dan Fishman. "
            '"He will win," she wrote.')
    claims = extract([Document(id="a", text=text)])
    she = next(c for c in claims if c.source is not None and c.source.text == "she")
    assert she.source.resolved is not None and "Schlafly" in she.source.resolved.text


def test_a_title_case_headline_run_is_no_name():
    """"Hillary Clinton Goes After Donald Trump" is a headline's words, not a name a later "she" can take: no
    name holds a capitalised "After", "And" or "To"."""
    from model.attribution.names import name_mentions

    text = "Hillary Clinton Goes After Donald Trump On Taxes\n\nShe said the plan was unfair. Sen. Ann Lee agreed."
    assert [span.text for span, _ in name_mentions(text)] == ["Sen. Ann Lee"]


def test_a_person_named_again_by_surname_alone_is_a_mention_there():
    """"President Barack Obama ... Obama departs": the bare surname is a fresh mention of the man named in full
    (his gender from his given name), so a later "he" can find him there; a surname inside a longer name
    ("Obama Foundation") is not one, nor the surname of a person whose name says no gender ("Sen. Kerry")."""
    from model.attribution.names import name_mentions, surname_mentions

    text = ("President Barack Obama spoke first. Sen. Kerry and Mrs. Ann Lee followed. Obama departs the UK, "
            "and the Obama Foundation said Obama's trip went well; Kerry and Lee stayed. Denis McDonough wrote. "
            "McDonough agreed.")
    found = surname_mentions(text, name_mentions(text))
    assert [(span.text, text[span.start:span.end], m.entity, m.gender) for span, m in found] == [
        ("Obama", "Obama", "obama", "male"), ("Obama's", "Obama's", "obama", "male"), ("Lee", "Lee", "lee", "female"),
        ("McDonough", "McDonough", "mcdonough", "male")]  # found as the name run writes it, inner capital and all


def test_a_surname_first_written_with_a_possessive_is_found_alone():
    from model.attribution.names import name_mentions, surname_mentions

    text = "President Barack Obama’s visit ended. In London, Obama spoke to students."
    found = surname_mentions(text, name_mentions(text))
    assert [(span.text, m.gender) for span, m in found] == [("Obama", "male")]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["Obama", "OBAMA", "obama", "McDonough", "Mcdonough", "MCDONOUGH", "Lee", "he",
                                 "said", "the", ".", ","]), max_size=30))
def test_the_scan_for_many_surnames_finds_what_the_search_for_few_finds(words):
    """Past ``SURNAMES`` people one scan of capitalised words replaces a search per surname: same answers."""
    from model.attribution import names

    text = "President Barack Obama, Denis McDonough and Mrs. Ann Lee met. " + " ".join(words)
    people = names.name_mentions(text)
    few = names.surname_mentions(text, people)
    saved = names.SURNAMES
    try:
        names.SURNAMES = 0
        many = names.surname_mentions(text, people)
    finally:
        names.SURNAMES = saved
    assert many == few


def test_two_people_named_together_are_they_not_he():
    h = history_of(("the Harbour Commission", False), ("Mr. Grassley and Mr. Leahy", True))
    plural = candidates(h, Query(len(h.text), "plural", None))
    assert plural[0].span.text == "Mr. Grassley and Mr. Leahy"
    assert all(k.span.text != "Mr. Grassley and Mr. Leahy" for k in candidates(h, Query(len(h.text), "male", None)))
    # one man, whatever his relative clause lists
    one = history_of(("Westmacott, who served in Iran, Turkey and France", True))
    assert candidates(one, Query(len(one.text), "male", None))
    text = ("Mr. Grassley and Mr. Leahy wrote to the Harbour Commission on Monday. "
            "The program has expanded well beyond its original intent, they say.")
    (c,) = [c for c in extract([Document(id="t", text=text)]) if c.source is not None and c.source.text == "they"]
    assert c.source.resolved is not None and c.source.resolved.text == "Mr. Grassley and Mr. Leahy"


def test_a_he_never_shows_two_peoples_names():
    text = ("Gary Johnson and Bill Weld said they would campaign in Utah. Weld said the ticket was strong. "
            "He said more. They said the polls were unfair.")
    he, they = (c for c in extract([Document(id="t", text=text)]) if c.source and c.source.text in ("He", "They"))
    assert he.source.resolved is not None and " and " not in he.source.resolved.text
    assert they.source.resolved is not None and they.source.resolved.text == "Gary Johnson and Bill Weld"
