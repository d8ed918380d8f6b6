"""The feature transformer: fixed names, fixed order, monotone encodings."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sklearn.pipeline import Pipeline

from model.features import DIRECTIONS, FEATURES, NAMES, ClaimFeatures, reference_claim
from model.monotone import SignedLogisticRegression
from model.types import Links, Source, Span


def vec(claim, links=None) -> dict[str, float]:
    x = ClaimFeatures().fit_transform([(claim, links or Links())])[0]
    return dict(zip(NAMES, x, strict=True))


REF, _ = reference_claim()
ANON = replace(REF, kind="anonymous", anonymity="individual", entity="", source=Source("a source", 0, 8))
GROUP = replace(ANON, anonymity="group", source=Source("critics", 0, 7))


def test_names_and_shape_are_fixed():
    t = ClaimFeatures().fit([])
    assert tuple(t.get_feature_names_out()) == NAMES == tuple(FEATURES)
    assert t.transform([reference_claim()]).shape == (1, len(NAMES))
    assert t.transform([]).shape == (0, len(NAMES))
    assert set(DIRECTIONS.tolist()) <= {-1, 0, 1}


def test_reference_claim_is_named_cued_and_unlinked():
    v = vec(REF)
    assert v["attributed"] == v["named_person"] == 1.0
    assert sum(v.values()) == 2.0


def test_anonymous_individual_and_group_are_told_apart():
    a, g = vec(ANON), vec(GROUP)
    assert a["anonymous_individual"] == 1 and a["anonymous_group"] == 0
    assert g["anonymous_group"] == 1 and g["anonymous_individual"] == 0
    assert a["anonymous_no_reason"] == 1
    reason = replace(ANON, source=Source("an official who asked not to be named", 0, 36,
                                         anonymity_reason="who asked not to be named"))
    assert vec(reason)["anonymous_no_reason"] == 0


@pytest.mark.parametrize(("change", "name"), [
    ({"hedges": (Span("reportedly", 0, 10),)}, "hedged"),
    ({"belief": True}, "belief_cue"),
    ({"direct_quote": True}, "direct_quote"),
    ({"stance": "denies"}, "is_denial"),
    ({"role": "official"}, "role_official"),
])
def test_own_sourcing_flags(change, name):
    assert vec(replace(REF, **change))[name] == 1.0


def test_nested_relay():
    relayed = replace(REF, source=Source("she", 0, 3, via=(Span("IRNA", 10, 14),)))
    assert vec(relayed)["nested_relay"] == 1.0


def test_link_features_grow_with_counts():
    few = vec(REF, Links(corroborating_sources=1, denied_by=("x:1",)))
    many = vec(REF, Links(corroborating_sources=3, denied_by=("x:1",)))
    assert many["corroborating_sources"] > few["corroborating_sources"]
    assert many["denial_share"] < few["denial_share"]  # more corroboration never raises the denial share
    denied = vec(REF, Links(denied_by=("x:1", "y:2"), official_denial=True))
    assert denied["officially_denied"] == 1 and denied["denied"] > few["denied"]
    assert 0 <= denied["denial_share"] < 1


def test_pipeline_respects_directions_on_adversarial_labels():
    # Labels that reward denials and punish corroboration: the constrained coefficients must stay at zero.
    rng = np.random.default_rng(0)
    rows, y = [], []
    for _ in range(200):
        d, s = int(rng.integers(0, 3)), int(rng.integers(0, 3))
        rows.append((REF, Links(denied_by=tuple(f"x:{i}" for i in range(d)), corroborating_sources=s)))
        y.append(int(d > s))
    pipe = Pipeline([("features", ClaimFeatures()),
                     ("model", SignedLogisticRegression(directions=tuple(DIRECTIONS.tolist())))]).fit(rows, y)
    coef = pipe[-1].coef_[0]
    assert np.all(coef[DIRECTIONS > 0] >= 0) and np.all(coef[DIRECTIONS < 0] <= 0)
