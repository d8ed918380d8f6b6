"""Decisions of the multinomial linear models from sparse sums (``model.attribution.linear``): the same as the
dense product's they replaced, the dense product deciding a row too close to a tie or a threshold."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pytest

from model import DEFAULT_MODEL_DIR, load_models
from model.attribution import linear, roles, typer
from model.attribution.roles import traits

MODELS = load_models(DEFAULT_MODEL_DIR)
ROWS = [traits("named_person", "other", "Rune Gjerstad, who teaches network engineering at Hesseby University", "",
               "rune gjerstad", "said", False),
        traits("anonymous", "official", "a ministry official", "", "ministry official", "told", False),
        traits("named_organization", "media", "the Gazette", "", "the gazette", "reported", True),
        traits("anonymous", "other", "Doctors at St. Aurel Hospital", "", "doctors", "said", False),
        {"never=seen": 1.0}]  # no feature the vectorizer knows: the intercepts alone


def flat(rows: list[dict]) -> tuple[list[str], list]:
    return list(chain.from_iterable(rows)), list(chain.from_iterable(map(dict.values, rows)))


@pytest.mark.parametrize("name", [roles.ARTIFACT, typer.ARTIFACT])
def test_sparse_scores_lie_within_their_doubt_of_the_dense_product(name):
    model = MODELS[name]
    pipeline = getattr(model, "pipeline_", model)
    shape = linear._linear(pipeline)
    assert shape is not None
    names = list(shape[0])[:40]
    rows = [*ROWS, {n: 1.0 + k / 7 for k, n in enumerate(names)}] if name == typer.ARTIFACT else ROWS
    scores, doubt = linear._sparse_scores(shape, rows, *flat(rows))
    dense = linear._dense_scores(shape, rows, *flat(rows))
    assert np.all(np.abs(scores - dense).max(axis=1) <= doubt / 4) and np.all(doubt > 0)


def test_a_probability_at_the_threshold_is_decided_by_the_dense_product():
    model = MODELS[roles.ARTIFACT]
    shape = linear._linear(model.pipeline_)
    assert shape is not None
    p = linear._softmax(linear._dense_scores(shape, ROWS, *flat(ROWS)))
    at = float(p[0].max())  # the first row's probability exactly: sure at it, not one unit in the last place above
    assert linear.sure_best(model.pipeline_, ROWS[:1], at)[2] == [True]
    assert linear.sure_best(model.pipeline_, ROWS[:1], float(np.nextafter(at, 1.0)))[2] == [False]
    assert linear.sure_best(model.pipeline_, ROWS, model.threshold) == (
        shape[3], p.argmax(axis=1).tolist(), (p.max(axis=1) >= model.threshold).tolist())


def test_a_tie_is_decided_by_the_dense_product(monkeypatch):
    model = MODELS[typer.ARTIFACT]
    shape = linear._linear(model)
    assert shape is not None
    dense = linear._dense_scores(shape, ROWS, *flat(ROWS))
    calls: list[int] = []

    def sparse(*args):  # the sparse scores of a tie, a little off the dense product's: it decides
        calls.append(1)
        return np.zeros_like(dense), np.full(len(ROWS), 1e-12)

    monkeypatch.setattr(linear, "_sparse_scores", sparse)
    assert linear.predict(model, ROWS) == [str(shape[3][k]) for k in dense.argmax(axis=1)] and calls == [1]
