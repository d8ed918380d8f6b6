"""The learned denier stage (stage "denier", artifact ``denier``): the accused side's denials with no denial word."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import DEFAULT_MODEL_DIR, Analyzer, artifact, load_models
from model.attribution import LEARNED, STAGES, Pipeline
from model.attribution.denier import ARTIFACT, FEATURES, rows, scores
from model.denial_aim import deniers
from model.training import denier as training
from model.training.capture import StageRows
from model.types import Document

MODELS = load_models(DEFAULT_MODEL_DIR)
# The accused company answers the union's account with a sweeping counter-negation, no denial word in it.
ACCUSED = ("OSTVIK, March 3 (Nordwire) - Workers at the Bramsholm meat plant were told they would be paid only if "
           "they took a company payment card, the food workers' union Slakt said on Tuesday.\n"
           "The union said three workers who refused the card had lost their shifts at Bramsholm.\n"
           "\"No worker at this plant has ever been told that the card is the only way to be paid,\" Petter "
           "Sjolund, Bramsholm's managing director, told Nordwire.\n")
# A politician's negation that answers no one: nobody named her or said anything she negates.
POLITICIAN = ("The city council met on Monday to discuss next year's budget.\n"
              "Mayor Anna Lund said the city would never raise bus fares while she was in office.\n"
              "The council will vote on the budget in December.\n")


def claims(text: str, disable: tuple[str, ...] = ()) -> list:
    return Pipeline(disable=disable, models=MODELS)(Document(id="t", text=text), 0)


def test_the_stage_is_learned_runs_after_the_rules_and_ships_its_artifact():
    assert LEARNED["denier"] == ARTIFACT
    assert STAGES.index("stance") < STAGES.index("denier") < STAGES.index("quotation_stance")
    meta = artifact.read_metadata(DEFAULT_MODEL_DIR, ARTIFACT)
    assert meta["features"] == list(FEATURES) and meta["training_data"]["sha256"]
    assert meta["training_data"]["denials"] > 100
    nested, rules = meta["metrics"]["nested"], meta["metrics"]["rules"]
    assert set(nested) == set(rules) == {"polnear", "recent", "wire"}
    card = Analyzer().card()
    assert any(a["file"] == f"{ARTIFACT}.joblib" and a["sha256"] == meta["sha256"] for a in card["artifacts"])


def test_the_shipped_model_scores_as_its_pipeline_does():
    capture = StageRows("denier", rows)
    Pipeline(models=MODELS, timer=capture)(Document(id="t", text=ACCUSED + POLITICIAN), 0)
    feats = list(capture.rows.values())
    assert len(feats) >= 2
    model = MODELS[ARTIFACT]
    assert scores(model, feats) == pytest.approx(model.decision_function(feats))
    assert list(model.named_steps["features"].get_feature_names_out()) == list(FEATURES)


def test_the_accused_sides_sweeping_negation_denies_only_with_the_model():
    answer = next(c for c in claims(ACCUSED) if c.source is not None and "Sjolund" in c.source.text)
    assert answer.stance == "denies"
    before = next(c for c in claims(ACCUSED, ("denier",)) if c.source is not None and "Sjolund" in c.source.text)
    assert before.stance == "asserts"


def test_a_politicians_unrelated_negation_stays_an_assertion():
    mayor = next(c for c in claims(POLITICIAN) if c.source is not None)
    assert "never" in mayor.text and mayor.stance == "asserts"


def test_without_its_model_the_stage_changes_nothing():
    text = ACCUSED + POLITICIAN
    plain = Pipeline(models={k: v for k, v in MODELS.items() if k != ARTIFACT})(Document(id="t", text=text), 0)
    assert plain == claims(text, ("denier",))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from([ACCUSED, POLITICIAN, "The ministry denied the report.",
                                 "\"Nobody was hurt,\" a police spokesman said.",
                                 "She declined to comment on the case."]), min_size=1, max_size=4))
def test_the_stage_only_makes_assertions_denials(parts):
    text = "\n".join(parts)
    after, before = claims(text), claims(text, ("denier",))
    assert [(c.start, c.end, c.source) for c in after] == [(c.start, c.end, c.source) for c in before]
    assert all(a.stance == b.stance or (b.stance == "asserts" and a.stance == "denies")
               for a, b in zip(after, before, strict=True))


def test_counts_flip_units_as_the_scorers_read_them():
    # Two units deny by the labels; the rules find one; a flip spreads over its quotation's units.
    story = training.Story("1300-x", "wire", 0, np.zeros((2, len(FEATURES))), np.array([1, 0]),
                           [frozenset({1, 2}), frozenset({3})], frozenset({0, 1}), frozenset({0}))
    assert training.counts([story], None, 1.0)["wire"] == {"tp": 1, "fp": 0, "fn": 1, "f1": 0.6667}
    flipped = training.counts([story], [np.array([0.9, 0.1])], 0.5)
    assert flipped["wire"] == {"tp": 2, "fp": 1, "fn": 0, "f1": 0.8}
    assert flipped["recent"] == flipped["wire"]  # story 1300 lies in the recent slice


def test_the_denial_aim_model_reads_the_denials_the_stage_makes():
    # A denial the rules aimed at nothing is read by the aim model only when a rejection verb says what it
    # rejects or the stage made it: the stage read the article, a quotation's negation alone did not.
    found = claims(ACCUSED)
    k = next(n for n, c in enumerate(found) if c.stance == "denies")
    assert found[k].learned_denial and not claims("The ministry denied the report.")[0].learned_denial
    none = np.zeros(0, dtype=np.int64)
    aimed_at_nothing = (none, none, none.astype(bool), none.astype(bool), none.astype(bool))
    denial = np.zeros(len(found), dtype=bool)
    assert deniers(found, [None] * len(found), denial, aimed_at_nothing)[0][k]
    ruled = [replace(c, learned_denial=False) for c in found]
    assert not deniers(ruled, [None] * len(ruled), denial, aimed_at_nothing)[0][k]
