"""The learned role stage (stage "roles", artifact ``roles``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from model import DEFAULT_MODEL_DIR, Analyzer, artifact, load_models
from model.attribution import LEARNED, STAGES, Pipeline
from model.attribution.roles import ARTIFACT, decide, plain_words, speaker_means, traits
from model.types import Document

MODELS = load_models(DEFAULT_MODEL_DIR)
SEED = (Path(__file__).resolve().parents[1] / "seeds" / "jalawla-2014.txt").read_text(encoding="utf-8")


def claims(text: str, disable: tuple[str, ...] = ()) -> list:
    return Pipeline(disable=disable, models=MODELS)(Document(id="t", text=text), 0)


def test_the_stage_is_learned_runs_after_the_witnesses_and_ships_its_artifact():
    assert LEARNED["roles"] == ARTIFACT
    assert STAGES.index("witnesses") < STAGES.index("roles") < STAGES.index("denier")
    meta = artifact.read_metadata(DEFAULT_MODEL_DIR, ARTIFACT)
    assert meta["features"] and meta["training_data"]["sha256"] and meta["training_data"]["rows"] > 1000
    assert sorted(meta["classes"]) == ["expert", "media", "official", "other", "witness"]
    card = Analyzer().card()
    assert any(a["file"] == f"{ARTIFACT}.joblib" and a["sha256"] == meta["sha256"] for a in card["artifacts"])


def test_the_shipped_model_decides_as_its_pipeline_does():
    model = MODELS[ARTIFACT]
    rows = [traits("named_person", "other", "Rune Gjerstad, who teaches network engineering at Hesseby University",
                   "", "rune gjerstad", "said", False),
            traits("anonymous", "official", "a ministry official", "", "ministry official", "told", False),
            traits("named_organization", "media", "the Gazette", "", "the gazette", "reported", True),
            traits("anonymous", "other", "Doctors at St. Aurel Hospital", "", "doctors", "said", False)]
    p = model.pipeline_.predict_proba(rows)
    expected = [str(model.classes_[k]) if q[k] >= model.threshold else rule
                for q, k, rule in zip(p, p.argmax(axis=1), ["other", "official", "media", "other"], strict=True)]
    assert decide(model, rows) == list(model.predict(rows)) == expected
    assert model.threshold >= 0.5  # the rules' role stands unless the model is sure


def test_the_model_reads_what_a_mention_says_of_its_source_not_whose_name_it_is():
    row = traits("named_person", "official", "Homeland Security Secretary Jeh Johnson", "Sen. Jeh Johnson",
                 "johnson", "said", False)
    assert {"source=homeland", "source=security", "source=secretary", "resolved=sen."} <= set(row)
    assert not [k for k in row if "johnson" in k or "jeh" in k]
    assert plain_words("the harbour master of Velmarhamn") == ["the", "harbour", "master", "of"]
    # names are left out of the model's vocabulary, not only of these rows
    assert not {"source=johnson", "entity=johnson", "source=clinton"} & set(MODELS[ARTIFACT].get_feature_names_out())


def test_a_speaker_is_decided_once_from_the_mean_of_its_claims():
    p = np.array([[0.61, 0.39], [0.46, 0.54], [0.9, 0.1], [0.2, 0.8]])
    a = [(0.61 + 0.46 + 0.2) / 3, (0.39 + 0.54 + 0.8) / 3]  # rows 0, 1 and 3 are one speaker's
    assert np.allclose(speaker_means(p, ["a", "a", 2, "a"]), [a, a, [0.9, 0.1], a])
    model = MODELS[ARTIFACT]
    rows = [traits("named_person", "expert", "Reza Marashi from the National Iranian American Council", "",
                   "marashi", cue, False) for cue in ("said", "", "")]
    pooled = decide(model, rows, ["marashi"] * 3)
    assert len(set(pooled)) == 1  # one speaker, one role, whatever each claim alone would get
    assert decide(model, rows, [0, 1, 2]) == decide(model, rows)


def test_the_stage_changes_roles_and_nothing_else_of_a_claim():
    with_stage, without = claims(SEED), claims(SEED, disable=("roles", "denier"))
    assert len(with_stage) == len(without)
    for a, b in zip(with_stage, without, strict=True):
        assert replace(a, role=b.role, stance=b.stance, learned_denial=b.learned_denial) == b


def test_the_rules_roles_stand_without_the_model():
    text = "The interior minister, Jan Berg, said the dam had been inspected in May."
    off = Pipeline(models={k: v for k, v in MODELS.items() if k != ARTIFACT})(Document(id="t", text=text), 0)
    assert [c.role for c in off] == [c.role for c in claims(text, disable=("roles",))] == ["official"]


@pytest.mark.parametrize("text", [
    "The bridge in Jalawla was closed last month, a source who asked not to be identified said.",
    "\"We saw the water come over the wall,\" said two sources who asked not to be named.",
])
def test_an_informant_is_never_made_a_witness(text):
    assert all(c.role != "witness" for c in claims(text))


def test_a_role_the_words_leave_to_convention_is_learned_and_a_pronoun_follows_it():
    # The wire labels count a harbour master as official; the words alone give the rules nothing to go on.
    text = "The harbour master said the quay had been closed since May. He added that no ship had docked there."
    assert [c.role for c in claims(text)] == ["official", "official"]
    assert [c.role for c in claims(text, disable=("roles",))] == ["other", "other"]


def test_an_office_spoken_for_and_a_state_named_by_its_demonym_keep_the_rules_role():
    aide = "President Ivo Sell spoke on Monday. One of Mr. Sell's climate advisers said the talks were hard."
    state = ("Marren accuses Osland of spying, expels envoy\nMarren expelled the ambassador on Monday, the ministry "
             "said. Three Marrenese citizens were arrested.")
    for text in (aide, state):
        assert [c.role for c in claims(text)] == [c.role for c in claims(text, disable=("roles",))]
