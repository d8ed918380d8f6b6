"""The learned witness stage (stage "witnesses", artifact ``witnesses``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import DEFAULT_MODEL_DIR, Analyzer, artifact, extract, load_models
from model.attribution import LEARNED, Pipeline
from model.attribution.witnesses import ARTIFACT, scores, traits
from model.training import wire_labels
from model.training.paraphrase import train_stories
from model.types import Document

MODELS = load_models(DEFAULT_MODEL_DIR)
FARMER = ("The river burst its banks on Tuesday night. Marta Selin, 71, who keeps goats beside the river, "
          "said: \"We woke up to water in the kitchen and lost everything we had.\"")


def claims(text: str, disable: tuple[str, ...] = ()) -> list:
    return Pipeline(disable=disable, models=MODELS)(Document(id="t", text=text), 0)


def test_the_stage_is_learned_and_ships_its_artifact():
    assert LEARNED["witnesses"] == ARTIFACT
    meta = artifact.read_metadata(DEFAULT_MODEL_DIR, ARTIFACT)
    assert meta["features"] and meta["training_data"]["sha256"] and meta["training_data"]["witnesses"] > 50
    assert meta["metrics"]["grouped_cv"]["wire"]["tp"] > meta["metrics"]["grouped_cv"]["wire"]["fp"]
    card = Analyzer().card()
    assert any(a["file"] == f"{ARTIFACT}.joblib" and a["sha256"] == meta["sha256"] for a in card["artifacts"])


def test_the_shipped_model_scores_as_its_pipeline_does():
    model = MODELS[ARTIFACT]
    rows = [traits("named_person", "Marta Selin, 71, who keeps goats beside the river", "", "We lost it all.",
                   "said", True, 1),
            traits("anonymous", "he", "a spokesman", "The dam was inspected.", "said", False, 6)]
    assert scores(model, rows) == pytest.approx(model.decision_function(rows))


def test_a_private_persons_first_hand_account_is_a_witness_and_only_with_the_model():
    farmer = [c for c in claims(FARMER) if c.source is not None]
    assert [c.role for c in farmer] == ["witness"]
    # the role model reads the same words: with both learned stages off, the rules' answer
    assert [c.role for c in claims(FARMER, disable=("witnesses", "roles")) if c.source is not None] == ["other"]


@pytest.mark.parametrize("text", [
    "The ministry, which runs the dam, said: \"We opened the gates at midnight and lost control of the level.\"",
    "Velmar Energy said: \"We saw the leak and lost pressure within an hour.\"",
    "The interior minister, Jan Berg, said the dam had been inspected in May.",
    # An unnamed informant passes on what others know, however first-hand the words (the labels never make one a
    # witness): the model alone made this one.
    "The bridge in Jalawla was closed last month, a source who asked not to be identified said.",
    "\"We saw the water come over the wall,\" said two sources who asked not to be named.",
])
def test_a_body_an_official_or_an_informant_is_never_made_a_witness(text):
    assert all(c.role != "witness" for c in extract([Document(id="t", text=text)]))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([FARMER, "Residents said the water rose fast.", "Police said two people died.",
                                 "\"I saw the wall fall,\" said Anna, 40."]), min_size=1, max_size=4))
def test_the_stage_changes_roles_only_from_other_to_witness(parts):
    text = " ".join(parts)
    before = claims(text, disable=("witnesses", "roles"))  # the role model after it may change any role
    after = claims(text, disable=("roles",))
    assert [(c.start, c.end, c.kind, c.source) for c in before] == [(c.start, c.end, c.kind, c.source) for c in after]
    pairs = zip(after, before, strict=True)
    assert all(a.role == b.role or (b.role == "other" and a.role == "witness") for a, b in pairs)


def test_a_wire_label_is_matched_to_a_claim_of_its_own_sentence_sharing_a_word_of_its_source():
    # how the witness model's training reads the wire labels (model/training/wire_labels.py)
    text, labels = wire_labels.read(train_stories()[0])
    claims = extract([Document(id="w", text=text)])
    pairs = list(wire_labels.matched(labels, claims))
    assert len(pairs) >= len(labels["sentences"]) // 2
    for i, g in pairs:
        c = claims[i]
        s = next(s for s in labels["sentences"] if g in s["attributions"])
        assert min(c.end, s["end"]) > max(c.start, s["start"])  # the claim lies in the label's sentence
        named = wire_labels.words(c.source.text) | wire_labels.words(c.source.resolved.text if c.source.resolved
                                                                     else "")
        assert wire_labels.words(g["source"]) & named


def test_a_pronoun_of_a_witness_who_speaks_briefly_is_a_witness_too():
    from model import analyze
    from model.types import Document

    text = ("Lotte Berglin, 71, whose flat overlooks the park's eastern edge, said she had heard the saws at dawn. "
            "She said the felling went on for three days.")
    claims = analyze([Document(id="d", text=text)])["documents"][0]["claims"]
    assert [c["role"] for c in claims] == ["witness", "witness"]


def test_settings_are_chosen_by_each_datasets_role_accuracy_not_by_pooled_counts():
    # The wire stories hold three times PolNeAR's sources: pooled counts would take the first setting, which
    # costs PolNeAR 2.4 points of role accuracy for 1.1 points of wire's; the sum of the two accuracies does not.
    from model.training.witnesses import accuracy_gain

    sources = {"polnear": 3466, "wire": 10834}
    loose = {"polnear": {"net": -84}, "wire": {"net": 1188}}
    strict = {"polnear": {"net": -25}, "wire": {"net": 1095}}
    assert sum(d["net"] for d in loose.values()) > sum(d["net"] for d in strict.values())
    assert accuracy_gain(strict, sources) > accuracy_gain(loose, sources)
    assert accuracy_gain({"polnear": {"net": 0}, "wire": {"net": 0}}, sources) == 0.0
