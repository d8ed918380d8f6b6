"""One fixed, named, numeric vector per claim: how it is sourced and how the request links to it.

Input rows are ``(Claim, Links)`` pairs. Every feature has a monotone
direction that the scoring model enforces on its coefficient:

- ``+1``: a larger value never lowers the score (named source, official role,
  independent corroboration);
- ``-1``: a larger value never raises it (anonymity, hedging, denial,
  contradiction);
- ``0``: free (whether the claim is attributed at all, a direct quote, being
  itself a denial).

Kinds are encoded so that replacing a named source by an anonymous one can
never raise a score with simple sign bounds: every attributed claim sets
``attributed`` (free); a named one adds ``named_person`` or
``named_organization`` (>= 0); an anonymous one adds ``anonymous_individual``
or ``anonymous_group`` (<= 0), and ``anonymous_no_reason`` (<= 0) when no
reason for the anonymity is given. Named therefore always scores at least as
high as anonymous, whatever the fitted values.

Counts enter as ``log1p`` (diminishing returns). ``corroborating_documents``
counts the documents (outlets) the independent corroborating claims come
from, read off their ids: how widely the coverage repeats the claim, beside
how many distinct speakers it rests on. ``denial_share`` is
``d / (d + s + 1)`` with d the denying claims and s the independent
corroborating sources: it rises with denials and falls with corroboration, so
its ``-1`` direction keeps both monotone promises.

For a claim under check (a one-claim document, ``model.coverage``), ``coverage_agreeing`` and
``coverage_denying`` are the request's other documents' summed stance-model probabilities of agreeing with
it and of denying it (``log1p``), and ``coverage_denial_share`` is ``d / (d + a + 1)`` of those sums; zero
for every other claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from math import log1p

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from model.types import UNLINKED, Claim, Links, Source, Span


def feature_values(c: Claim, lk: Links) -> dict[str, float]:
    """The one definition of the features: name -> value, in column order. Every value is a float (a test's 1.0 or
    0.0), the matrix's own: the scorer answers with this dict as the claim's features."""
    values = _claim_values(c)
    # Most claims link to nothing and share one Links (``UNLINKED``): their link features are worked out once.
    values.update(_UNLINKED_VALUES if lk is UNLINKED else _link_values(lk))
    return values


def _claim_values(c: Claim) -> dict[str, float]:
    """The features of how the claim itself is sourced (the first columns)."""
    attributed = c.kind != "unattributed"
    anonymous = c.kind == "anonymous"
    group = anonymous and c.anonymity == "group"
    reason = c.source is not None and bool(c.source.anonymity_reason)
    return {
        "attributed": 1.0 if attributed else 0.0,
        "named_person": 1.0 if c.kind == "named_person" else 0.0,
        "named_organization": 1.0 if c.kind == "named_organization" else 0.0,
        "anonymous_individual": 1.0 if anonymous and not group else 0.0,
        "anonymous_group": 1.0 if group else 0.0,
        "anonymous_no_reason": 1.0 if anonymous and not reason else 0.0,
        "role_official": 1.0 if attributed and c.role == "official" else 0.0,
        "role_expert": 1.0 if attributed and c.role == "expert" else 0.0,
        "role_media": 1.0 if attributed and c.role == "media" else 0.0,
        "role_witness": 1.0 if attributed and c.role == "witness" else 0.0,
        "direct_quote": 1.0 if c.direct_quote else 0.0,
        "hedged": 1.0 if c.hedges else 0.0,
        "nested_relay": 1.0 if c.source is not None and c.source.via else 0.0,
        "belief_cue": 1.0 if c.belief else 0.0,
        "is_denial": 1.0 if c.stance == "denies" else 0.0,
    }


def _link_values(lk: Links) -> dict[str, float]:
    """The features of how the request links to the claim (the last columns)."""
    d, s = len(lk.denied_by), lk.corroborating_sources
    documents = len({i.rsplit(":", 1)[0] for i in lk.corroborated_by}) if lk.corroborated_by else 0
    return {
        "corroborating_sources": log1p(s),
        "corroborating_named": log1p(lk.corroborating_named),
        "corroborating_official": log1p(lk.corroborating_official),
        "corroborating_documents": log1p(documents),
        "denied": log1p(d),
        "officially_denied": 1.0 if lk.official_denial else 0.0,
        "contradicted": log1p(len(lk.contradicted_by)),
        "denial_share": d / (d + s + 1.0),
        "coverage_agreeing": log1p(lk.documents_agreeing),
        "coverage_denying": log1p(lk.documents_denying),
        "coverage_denial_share": lk.documents_denying / (lk.documents_denying + lk.documents_agreeing + 1.0),
    }


_UNLINKED_VALUES = _link_values(UNLINKED)  # read, never changed: ``update`` copies its values


# name -> monotone direction (see the module docstring).
DIRECTIONS_BY_NAME: dict[str, int] = {
    "attributed": 0, "named_person": +1, "named_organization": +1, "anonymous_individual": -1, "anonymous_group": -1,
    "anonymous_no_reason": -1, "role_official": +1, "role_expert": +1, "role_media": +1, "role_witness": +1,
    "direct_quote": 0, "hedged": -1, "nested_relay": -1, "belief_cue": -1, "is_denial": 0,
    "corroborating_sources": +1, "corroborating_named": +1, "corroborating_official": +1,
    "corroborating_documents": +1, "denied": -1, "officially_denied": -1, "contradicted": -1, "denial_share": -1,
    "coverage_agreeing": +1, "coverage_denying": -1, "coverage_denial_share": -1,
}


def featurize(c: Claim, lk: Links) -> tuple[float, ...]:
    """One row, in column order."""
    return tuple(feature_values(c, lk).values())


class FeatureRows(list[dict[str, float]]):
    """The ``feature_values`` of a batch of (Claim, Links) pairs, worked out once: ``ClaimFeatures.transform`` reads
    its matrix from them, and the scorer answers with each dict as its claim's features (not rebuilt from the
    matrix)."""

    @classmethod
    def of(cls, X: Iterable[tuple[Claim, Links]]) -> FeatureRows:
        return cls(feature_values(c, lk) for c, lk in X)


def reference_claim() -> tuple[Claim, Links]:
    """The model's reference: a named person, cued, unhedged, asserting, unlinked."""
    text = "Jane Doe said the bridge will reopen."
    claim = Claim(doc_index=0, doc_id="reference", number=0, text=text, start=0, end=len(text),
                  kind="named_person", role="other", source=Source(text="Jane Doe", start=0, end=8),
                  cue=Span(text="said", start=9, end=13), direct_quote=False, stance="asserts",
                  entity="jane doe")
    return claim, Links()


NAMES = tuple(feature_values(*reference_claim()))
if set(NAMES) != set(DIRECTIONS_BY_NAME):
    raise ImportError(f"every feature needs a direction: {sorted(set(NAMES) ^ set(DIRECTIONS_BY_NAME))}")
FEATURES: dict[str, int] = {name: DIRECTIONS_BY_NAME[name] for name in NAMES}  # name -> direction, column order
DIRECTIONS = np.array([FEATURES[n] for n in NAMES], dtype=int)


class ClaimFeatures(TransformerMixin, BaseEstimator):
    """Sequences of ``(Claim, Links)`` -> a dense float matrix with named columns (stateless)."""

    def fit(self, X: Sequence[tuple[Claim, Links]], y: object = None) -> ClaimFeatures:
        self.n_features_out_ = len(NAMES)
        return self

    def transform(self, X: Sequence[tuple[Claim, Links]] | FeatureRows) -> np.ndarray:
        """The pairs' matrix (``X`` may be their FeatureRows, already worked out)."""
        rows = X if isinstance(X, FeatureRows) else FeatureRows.of(X)
        if not len(rows):
            return np.zeros((0, len(NAMES)))
        # every row's values in one pass in C (np.array would first discover the nested lists' shape and types)
        values = chain.from_iterable(map(dict.values, rows))
        return np.fromiter(values, dtype=float, count=len(rows) * len(NAMES)).reshape(len(rows), len(NAMES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array(NAMES, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.two_d_array = False
        return tags
