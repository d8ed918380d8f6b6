"""The filter's decisions from its fitted coefficients: ``FeatureHasher -> binary LogisticRegression``.

``model.predict(rows)`` on the shipped Pipeline spends half its time in sklearn's per-call machinery (input
validation, namespace checks, a sparse matrix built and sorted) for a document's few dozen rows. The same
decision is a sum over each row's hashed features, done here as sklearn does it (``_hashing_fast.transform``,
then ``decision_function > 0``): a string value is the feature ``name=value`` with value 1, a number is
``name`` with its value, a zero value is skipped; the signed 32-bit murmurhash3 of the UTF-8 name gives the
column ``abs(h) % n_features`` and the sign of ``h``; values sharing a column are summed before being
multiplied by its coefficient, and columns are summed in increasing order from 0, then the intercept added,
all in float64. Any other model shape goes through ``model.predict``.

Only the sign of that sum is asked for a decision, so ``predict`` first sums the terms in any order with
``math.fsum`` (correctly rounded) and keeps that sign when it is further from zero than the rounding of any
summation order could move it (``_MARGIN``); only a row that close to the boundary is summed in sklearn's order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import fsum
from typing import Any, cast
from weakref import WeakKeyDictionary

import numpy as np
from sklearn import config_context
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils import murmurhash3_32

_CACHED = 65_536  # feature strings remembered per model (a few MB), then forgotten at once: hostile text cannot grow it
# Any order of summing n terms lands within about n * 2**-53 * sum(|term|) of the exact sum; four times that
# (per term, the intercept counted) is a margin no order, collision or rounding of the terms can cross.
_MARGIN = 4 * 2.0**-52
_INT32_MIN = -(2**31)  # abs() of it overflows in sklearn's C loop, which gives it a column of its own
Row = Mapping[str, str | float]


class Hashed:
    """A fitted ``FeatureHasher -> binary LogisticRegression`` Pipeline, decided from its coefficients."""

    def __init__(self, hasher: FeatureHasher, logit: LogisticRegression) -> None:
        self.n_features = int(hasher.n_features)
        self.sign = bool(hasher.alternate_sign)
        self.coef = logit.coef_[0]
        self.intercept = float(logit.intercept_[0])
        self.classes = logit.classes_
        # feature (a name, or a name and its string value) -> (column, signed coefficient)
        self.columns: dict[str | tuple[str, str], tuple[int, float]] = {}
        # a row's item (name, value) -> its term: the signed coefficient, times the value for a number
        self.terms: dict[tuple[str, str | float], float] = {}
        self.largest = abs(self.intercept)  # no term met so far (nor the intercept) is larger in magnitude

    def predict(self, rows: Sequence[Row]) -> list:
        """The class ``model.predict`` gives each row."""
        no, yes = self.classes[0], self.classes[1]
        return [yes if self._positive(row) else no for row in rows]

    def _positive(self, row: Row) -> bool:
        """``score(row) > 0``: the sign of the correctly rounded sum where it is beyond doubt (no sort, no
        Python loop over the terms), else ``score`` itself. (A zero value's term is 0.0: it changes no sum and
        only widens the margin, inside which ``score`` decides.)"""
        # every term remembered, looked up in C; a None (a term never met) is kept on purpose, for fsum to fail on
        terms: list[float] = list(map(self.terms.get, row.items()))  # type: ignore[arg-type]
        terms.append(self.intercept)
        try:  # a term never met (None) fails fsum in C: no scan of every term for one (each float's == None)
            total = fsum(terms)
        except TypeError:  # the row's own terms worked out where missing; the intercept stays last
            terms[:-1] = [self._term(item) if t is None else t for item, t in zip(row.items(), terms[:-1], strict=True)]
            total = fsum(terms)
        n = len(terms)
        # n * largest bounds the sum of the terms' magnitudes: a total beyond that margin needs no sum of them
        if abs(total) > _MARGIN * n * n * self.largest or abs(total) > _MARGIN * n * sum(map(abs, terms)):
            return total > 0
        return self.score(row) > 0

    def _term(self, item: tuple[str, str | float]) -> float:
        """The term of a row's item (name, value), remembered."""
        if len(self.terms) >= _CACHED:
            self.terms.clear()
        self.terms[item] = term = self._weighed(item)
        self.largest = max(self.largest, abs(term))
        return term

    def _weighed(self, item: tuple[str, str | float]) -> float:
        name, v = item
        if isinstance(v, str):  # value 1: the term is the signed coefficient
            key = cast(tuple[str, str], item)  # the item itself, its value a string (no new tuple hashed)
            return (self.columns.get(key) or self._column(key))[1]
        return float(v) * (self.columns.get(name) or self._column(name))[1] if v else 0.0

    def score(self, row: Row) -> float:
        """``decision_function`` of one row, summed in sklearn's order (increasing columns, from 0)."""
        terms: list[tuple[int, float]] = []
        add, known = terms.append, self.columns.get
        for name, v in row.items():
            if isinstance(v, str):  # a tuple of two strings as the key: their hashes are cached, a joined one's not
                add(known((name, v)) or self._column((name, v)))  # value 1: the term is the signed coefficient
                continue
            value = float(v)
            if value != 0:
                column, coef = known(name) or self._column(name)
                add((column, value * coef))  # = (sign * value) * coefficient exactly: a sign flip is exact
        terms.sort()
        total, last = 0.0, -1
        for column, term in terms:
            if column == last:  # two features in one column: sklearn adds their values first
                return self._collided(row)
            total += term
            last = column
        return total + self.intercept

    def _collided(self, row: Row) -> float:
        """``score`` for a row where features share a column: values summed per column, then multiplied."""
        values: dict[int, float] = {}
        for name, v in row.items():
            key, value = ((name, v), 1.0) if isinstance(v, str) else (name, float(v))
            if value != 0:
                column, sign = self._hash(key)
                values[column] = values.get(column, 0.0) + sign * value
        total = 0.0
        for column in sorted(values):
            total += values[column] * float(self.coef[column])
        return total + self.intercept

    def _column(self, key: str | tuple[str, str]) -> tuple[int, float]:
        """(column, signed coefficient) of a feature, remembered."""
        column, sign = self._hash(key)
        found = (column, sign * float(self.coef[column]))
        if len(self.columns) >= _CACHED:
            self.columns.clear()
        self.columns[key] = found
        return found

    def _hash(self, key: str | tuple[str, str]) -> tuple[int, float]:
        """(column, sign) as ``_hashing_fast.transform`` gives them."""
        h = murmurhash3_32(key if isinstance(key, str) else f"{key[0]}={key[1]}", seed=0)
        n = self.n_features
        column = (2147483647 - (n - 1)) % n if h == _INT32_MIN else abs(h) % n
        return column, -1.0 if self.sign and h < 0 else 1.0


def predict(model: object, rows: Sequence[Row]) -> list:
    """``model.predict(rows)``: from the coefficients for the shipped shape, through sklearn for any other."""
    fast = _hashed(model)
    if fast is None:
        with config_context(assume_finite=True, skip_parameter_validation=True):  # traits are finite by construction
            return list(cast(Any, model).predict(rows))  # any fitted estimator: sklearn ships no types
    return fast.predict(rows)


# model -> its Hashed form (None: another shape); weak, so a model dropped (a reload, a test) is not kept alive
_HASHED: WeakKeyDictionary[object, Hashed | None] = WeakKeyDictionary()


def _hashed(model: object) -> Hashed | None:
    """The model as ``Hashed``, worked out once per model; None for any other shape."""
    try:
        return _HASHED[model]
    except KeyError:
        _HASHED[model] = found = _shape(model)
        return found
    except TypeError:  # not weakly referable: worked out on every call
        return _shape(model)


def _shape(model: object) -> Hashed | None:
    pipeline: Any = model  # a Pipeline once its type is checked: sklearn ships no types for mypy to narrow with
    if type(pipeline) is not Pipeline or len(pipeline.steps) != 2:
        return None
    hasher, logit = pipeline.steps[0][1], pipeline.steps[1][1]
    ok = (type(hasher) is FeatureHasher and hasher.input_type == "dict" and np.dtype(hasher.dtype) == np.float64
          and type(logit) is LogisticRegression and getattr(logit, "coef_", None) is not None
          and logit.coef_.shape == (1, hasher.n_features) and logit.coef_.dtype == np.float64
          and len(logit.classes_) == 2)
    return Hashed(hasher, logit) if ok else None
