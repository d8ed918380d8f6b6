"""A logistic regression whose coefficients carry fixed signs: monotone by construction.

Fits the L2-regularised logistic loss

    sum_i w_i * log(1 + exp(-y_i * (b + x_i . beta))) + ||beta||^2 / (2 C)

with scipy's L-BFGS-B, bounding each coefficient to ``[0, inf)`` (direction
+1), ``(-inf, 0]`` (-1) or leaving it free (0). The intercept is not
penalised. Because the score is ``sigmoid(b + x . beta)`` and sigmoid is
increasing, a feature with direction +1 can never lower a score and one with
-1 can never raise it, whatever the data; and the logistic loss keeps the
probabilities calibrated to the training base rate without a separate step.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, log_expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted, validate_data


class SignedLogisticRegression(ClassifierMixin, BaseEstimator):
    """L2 logistic regression with per-coefficient sign constraints (``directions``: -1, 0, +1 per column)."""

    def __init__(self, directions: tuple[int, ...] | None = None, C: float = 1.0, max_iter: int = 500) -> None:
        self.directions = directions
        self.C = C
        self.max_iter = max_iter

    def _bounds(self, n: int) -> list[tuple[float | None, float | None]]:
        signs = np.zeros(n, dtype=int) if self.directions is None else np.asarray(self.directions, dtype=int)
        if signs.shape != (n,):
            raise ValueError(f"directions has {signs.size} entries for {n} features")
        table = {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}
        return [table[int(s)] for s in signs] + [(None, None)]  # the intercept is free

    def fit(self, X: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None) -> SignedLogisticRegression:
        X, y = validate_data(self, X, y, dtype=float)
        self.classes_, t = np.unique(y, return_inverse=True)
        if len(self.classes_) != 2:
            raise ValueError("SignedLogisticRegression needs exactly two classes")
        sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        sign = 2.0 * t - 1.0
        n = X.shape[1]

        def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
            beta, b = theta[:n], theta[n]
            m = sign * (X @ beta + b)
            value = -(sw * log_expit(m)).sum() + beta @ beta / (2.0 * self.C)
            r = -sw * sign * expit(-m)
            return value, np.append(X.T @ r + beta / self.C, r.sum())

        start = np.zeros(n + 1)
        res = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=self._bounds(n),
                       options={"maxiter": self.max_iter})
        self.coef_ = res.x[:n].reshape(1, -1)
        self.intercept_ = res.x[n:]
        self.n_iter_ = np.array([res.nit])
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, dtype=float, reset=False)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[(self.decision_function(X) > 0).astype(int)]
