"""Learned stages' decisions from their fitted coefficients: ``DictVectorizer -> LogisticRegression``.

``model.predict(rows)`` on a shipped Pipeline costs more in sklearn's per-call machinery than in arithmetic for
a document's few rows. A multinomial model's decisions (the typer's argmax, the role model's sure class) come
from each row's scores summed over its own features (``_sparse_scores``); any other model shape goes through
``model.predict`` (``model.attribution.hashed`` does the same for the filter); a binary model's scores (the
pronoun ranker's, the witness stage's) are one sum of weights per row.

The decisions were first taken from one dense product (rows x vocabulary, zeros but for a row's few features:
~26,000 columns for the role model, megabytes written and read per call). A sparse sum adds the same terms in
another order, which may move a score by a few units in the last place; a decision that close to a tie or to a
threshold (``_sure``: further than any summation order could move it) is taken from the dense product, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, repeat
from operator import mul

import numpy as np
from sklearn import config_context
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

# Any order of summing n terms lands within about n * 2**-53 * sum(|term|) of the exact sum, a product within
# 2**-53 of its own: per term (the intercept and its product counted), four times that bounds how far the dense
# product's score and the sparse sum's can lie apart, whatever the order either summed in.
_MARGIN = 4 * 2.0**-52
# A probability is a softmax of the scores: moving every score by at most d moves it by at most about 2 * d, and
# its own rounding (exp, a sum of a few classes, a division) by a few units in the last place, far below this.
_ROUNDING = 2.0**-40


def predict(model, rows: list[dict[str, float]]) -> list[str]:
    """``model.predict(rows)`` for the shipped DictVectorizer -> multinomial LogisticRegression Pipeline, from the
    rows' sparse scores: the same decision (argmax of the linear scores) without sklearn's per-call machinery,
    which cost more than the arithmetic on a document's few rows. Anything else goes through ``model.predict``."""
    linear = _linear(model)
    # Every row's names and values in one flat list each (C calls through chain, no loop per feature): a numpy
    # item assignment per feature cost more than the product itself.
    names = list(chain.from_iterable(rows))
    values = list(chain.from_iterable(map(dict.values, rows)))
    if linear is None or any(map(isinstance, values, repeat(str))):
        with config_context(assume_finite=True, skip_parameter_validation=True):  # our own finite features
            return [str(k) for k in model.predict(rows)]
    classes = linear[3]
    scores, doubt = _sparse_scores(linear, rows, names, values)
    if not _sure(_top_two(scores), 2 * doubt):
        scores = _dense_scores(linear, rows, names, values)
    return [str(classes[k]) for k in scores.argmax(axis=1)]


def sure_best(model, rows: list[dict[str, float]], threshold: float,
              pool: Callable[[np.ndarray], np.ndarray] | None = None) -> tuple[np.ndarray, list[int], list[bool]]:
    """(classes, each row's most probable class, whether its probability reaches ``threshold``) of the shipped
    DictVectorizer -> multinomial LogisticRegression Pipeline: the decisions the softmax of its dense product
    gives, from the rows' sparse scores. ``pool`` (rows' probabilities -> rows' probabilities, a mean over some
    rows) is applied before deciding."""
    linear = _linear(model)
    if linear is None:
        raise TypeError("not a DictVectorizer -> multinomial LogisticRegression Pipeline")
    pooled = pool or (lambda p: p)
    names = list(chain.from_iterable(rows))
    values = list(chain.from_iterable(map(dict.values, rows)))
    scores, doubt = _sparse_scores(linear, rows, names, values)
    p = pooled(_softmax(scores))
    # how far a probability of the dense product's may lie from this one; a mean of rows moves no further than
    # the furthest of them
    moved = (2 * doubt + _ROUNDING) if pool is None else np.full(len(rows), 2 * doubt.max(initial=0.0) + _ROUNDING)
    high = p.max(axis=1)
    if not (_sure(_top_two(p), 2 * moved) and _sure(np.abs(high - threshold), moved)):
        p = pooled(_softmax(_dense_scores(linear, rows, names, values)))
        high = p.max(axis=1)
    return linear[3], p.argmax(axis=1).tolist(), (high >= threshold).tolist()


def _softmax(scores: np.ndarray) -> np.ndarray:
    """Each row's probability of each class."""
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _top_two(x: np.ndarray) -> np.ndarray:
    """Each row's largest value less its second largest (how far the row is from a tie)."""
    top = np.partition(x, -2, axis=1) if x.shape[1] > 1 else np.pad(x, ((0, 0), (1, 0)), constant_values=-np.inf)
    return top[:, -1] - top[:, -2]


def _sure(gap: np.ndarray, doubt: np.ndarray) -> bool:
    """Whether every row's gap is beyond its doubt (False on a NaN: the dense product decides)."""
    return bool(np.all(gap > doubt))


def _columns(linear: tuple, rows: list[dict[str, float]], names: list[str], values: list) -> tuple[
        np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) of each of the rows' features the vectorizer knows: a name it never saw adds
    nothing, as it does in sklearn."""
    cols = np.fromiter(map(linear[0].get, names, repeat(-1)), dtype=np.intp, count=len(names))
    known = cols >= 0
    at = np.repeat(np.arange(len(rows)), np.fromiter(map(len, rows), dtype=np.intp, count=len(rows)))
    return at[known], cols[known], np.array(values, dtype=float)[known]


def _sparse_scores(linear: tuple, rows: list[dict[str, float]], names: list[str], values: list) -> tuple[
        np.ndarray, np.ndarray]:
    """(the rows' linear scores per class, how far each row's scores may lie from the dense product's): each
    known feature's coefficients times its value, summed per row, the intercept added. A row's names are
    distinct, so no column is met twice in a row."""
    _, coef, intercept, _ = linear
    at, cols, x = _columns(linear, rows, names, values)
    n, k = len(rows), coef.shape[0]
    terms = coef[:, cols].T * x[:, None]  # (features, classes)
    cell = (at[:, None] * k + np.arange(k)).ravel()  # each term's (row, class), row-major
    scores = np.bincount(cell, weights=terms.ravel(), minlength=n * k).reshape(n, k) + intercept
    size = np.bincount(cell, weights=np.abs(terms).ravel(), minlength=n * k).reshape(n, k) + np.abs(intercept)
    count = np.bincount(at, minlength=n) + 2  # a row's terms, its intercept and its sum with the intercept
    return scores, _MARGIN * count * size.max(axis=1)


def _dense_scores(linear: tuple, rows: list[dict[str, float]], names: list[str], values: list) -> np.ndarray:
    """The rows' linear scores per class as one dense product (rows x vocabulary): the scores the decisions were
    first taken from, kept for a row too close to a tie or a threshold for the sparse sum to decide."""
    _, coef, intercept, _ = linear
    at, cols, x = _columns(linear, rows, names, values)
    dense = np.zeros((len(rows), coef.shape[1]))
    dense[at, cols] = x  # a row's names are distinct: no cell twice
    return dense @ coef.T + intercept


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
