"""Learned stages' decisions from their fitted coefficients: ``DictVectorizer -> LogisticRegression``.

``model.predict(rows)`` on a shipped Pipeline costs more in sklearn's per-call machinery than in arithmetic for
a document's few rows. The typer's decision (the argmax of the multinomial linear scores) is one dense product
here, any other model shape going through ``model.predict`` (``model.attribution.hashed`` does the same for the
filter); a binary model's scores (the pronoun ranker's, the witness stage's) are one sum of weights per row.
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import mul

import numpy as np
from sklearn import config_context
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression


def predict(model, rows: list[dict[str, float]]) -> list[str]:
    """``model.predict(rows)`` for the shipped DictVectorizer -> multinomial LogisticRegression Pipeline, as one
    dense product: the same decision (argmax of the linear scores) without sklearn's per-call machinery, which
    cost more than the arithmetic on a document's few rows. Anything else goes through ``model.predict``."""
    linear = _linear(model)
    # Every row's names and values in one flat list each (C calls through chain, no loop per feature): a numpy
    # item assignment per feature cost more than the product itself.
    names = list(chain.from_iterable(rows))
    values = list(chain.from_iterable(map(dict.values, rows)))
    if linear is None or any(map(isinstance, values, repeat(str))):
        with config_context(assume_finite=True, skip_parameter_validation=True):  # our own finite features
            return [str(k) for k in model.predict(rows)]
    classes, scores = _scores(linear, rows, names, values)
    return [str(classes[k]) for k in scores.argmax(axis=1)]


def probabilities(model, rows: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray]:
    """(classes, each row's probability of each class) of the shipped DictVectorizer -> multinomial
    LogisticRegression Pipeline, from the same dense product as ``predict`` (the softmax of its scores)."""
    linear = _linear(model)
    if linear is None:
        raise TypeError("not a DictVectorizer -> multinomial LogisticRegression Pipeline")
    names = list(chain.from_iterable(rows))
    values = list(chain.from_iterable(map(dict.values, rows)))
    classes, scores = _scores(linear, rows, names, values)
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    return classes, scores / scores.sum(axis=1, keepdims=True)


def _scores(linear: tuple, rows: list[dict[str, float]], names: list[str], values: list) -> tuple[np.ndarray,
                                                                                              np.ndarray]:
    """(classes, the rows' linear scores per class) from a model's vocabulary, coefficients and intercepts."""
    vocabulary, coef, intercept, classes = linear
    cols = np.fromiter(map(vocabulary.get, names, repeat(-1)), dtype=np.intp, count=len(names))
    known = cols >= 0  # a name the vectorizer never saw adds nothing, as it does in sklearn
    at = np.repeat(np.arange(len(rows)), np.fromiter(map(len, rows), dtype=np.intp, count=len(rows)))
    x = np.zeros((len(rows), coef.shape[1]))
    x[at[known], cols[known]] = np.array(values, dtype=float)[known]  # a row's names are distinct: no cell twice
    return classes, x @ coef.T + intercept


_LINEAR: dict[int, tuple | None] = {}  # None: a model of another shape


def _linear(model) -> tuple | None:
    """(vocabulary, coefficients, intercepts, classes) of a DictVectorizer -> multinomial LogisticRegression
    Pipeline, worked out once per model; None for any other shape."""
    key = id(model)
    if key not in _LINEAR:
        steps = getattr(model, "steps", [])
        ok = len(steps) == 2 and isinstance(steps[0][1], DictVectorizer) and isinstance(steps[1][1],
                                                                                       LogisticRegression)
        ok = ok and steps[1][1].coef_.shape[0] > 1
        _LINEAR[key] = (steps[0][1].vocabulary_, steps[1][1].coef_, steps[1][1].intercept_,
                        steps[1][1].classes_) if ok else None
    return _LINEAR[key]


def row_sums(weights: dict[str, float], rows: list[dict[str, float]]) -> list[float]:
    """Each row's weight * value products in the row's order, summed through map in C (as a generator would sum
    them); a name the model never saw weighs 0.0, which leaves the sum as it is (the values are not negative)."""
    return [sum(map(mul, map(weights.get, f, repeat(0.0)), f.values())) for f in rows]


# id(model) -> (the model, its feature -> weight as Python floats): numpy scalars cost far more to index and
# multiply than floats, for the same double-precision products
_WEIGHTS: dict[int, tuple[object, dict[str, float]]] = {}


def binary_weights(model) -> dict[str, float]:
    """A binary DictVectorizer -> LogisticRegression Pipeline's weight per feature name, worked out once per model."""
    cached = _WEIGHTS.get(id(model))
    if cached is None or cached[0] is not model:
        vectorizer, classifier = model.steps[0][1], model.steps[1][1]
        coef = classifier.coef_[0].tolist()
        cached = _WEIGHTS[id(model)] = (model, {name: coef[j] for name, j in vectorizer.vocabulary_.items()})
    return cached[1]
