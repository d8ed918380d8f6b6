"""Stage "denier": learned, which sourced claims the denial rules left "asserts" deny all the same.

The accused side often denies with no denial word: a sweeping counter-negation ("no worker had ever been told
that the card was the only way to be paid", "Nobody at this yard has ever lifted a pole"), a contrast
("crushed rock, not ash") or a counter-assertion ("Every driver we put on the branch had signed route
knowledge"). The guideline counts these as denials (content that explicitly rejects a claim in play); in
political copy most negations in quotes are not. What tells them apart is the article: is the speaker (or the
body it speaks for) named in an earlier claim of another source, does it restate that claim's words, is it the
speaker's first word after it. A logistic regression over such named features (``FEATURES``; the rules' own
``denials.row`` beside them) decides each sourced claim the rules left asserting whose content negates or
sweeps (``GATE``); trained by ``python -m model.training.denier`` on the wire train stories and the team's
PolNeAR train labels, the threshold folded into the intercept. Without its artifact the stage does nothing.
Words are in ``model/lexicon/denier.txt``.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from model import denial as V
from model.attribution import denials
from model.attribution.denials import Candidate
from model.attribution.records import QUOTED, Doc
from model.content import WORD, terms_of
from model.lexicon import alternation, sections
from model.pointers import accuses
from model.text import words

ARTIFACT = "denier"
W = sections("denier.txt")
_AFTER_NO = alternation(W["after_no"])
_NO_WORDS = 6  # "no horse with that page signed has gone": words between "no" and its verb
_SWEEPING = re.compile(r"\b" + alternation(W.phrases("sweeping_phrases")) + r"\b"
                       r"|\bno\s+(?:[a-z'-]+\s+){1," + str(_NO_WORDS) + r"}?" + _AFTER_NO + r"\b")
_CONTRAST = re.compile(alternation(W.phrases("contrast_phrases")) + r"\b")
_UNIVERSAL = W["universal"]
GATE = V.NEGATIONS | _UNIVERSAL  # a claim holding none of these is never asked: nothing here negates or sweeps
_ROLE_TERMS = terms_of(W["role_words"])
_CLITIC = ("n't", "n’t")
_NAME = re.compile(r"\b[A-Z][\w'’-]*|\b\w+(?=['’]s\b)")  # a capitalised word, or the possessor of "the abattoir's"
WINDOW = 12  # drafts read back for the claim answered: the denial aim model's reach (every labelled link lies within)
CONTEXT = ("named_before", "accused_before", "restated_share", "first_of_source", "first_after_named",
           "after_denial", "others_before")
SHAPE = ("sweeping", "contrast", "universal", "named_person", "named_organization", "anonymous", "official",
         "expert", "witness", "media", "relay")
FEATURES = CONTEXT + SHAPE + denials.FEATURES
Row = dict[str, float]


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def rows(doc: Doc) -> tuple[list[int], list[Row]]:
    """The drafts the model is asked about (sourced, left "asserts", content negating or sweeping) and their
    features (what training reads). The article is read at most ``WINDOW`` drafts back: linear in its length."""
    if not doc.stances or not doc.resolutions:
        return [], []
    text, sources = doc.text, doc.sources()
    said: dict[int, str] = {}
    asked = []
    for n, (d, src, st) in enumerate(zip(doc.drafts, sources, doc.stances, strict=True)):
        if src is None or st != "asserts" or (GATE.isdisjoint(doc.words(d.start, d.end))
                                              and not any(k in text[d.start:d.end] for k in _CLITIC)):
            continue  # the words of the whole span (the stance stage's): none gated, no content need be cut out
        said[n] = denials.content(_candidate(doc, n))
        if "n't" in said[n] or not GATE.isdisjoint(_words(said[n])):
            asked.append(n)
    if not asked:
        return [], []
    keys = [("" if r.source is None else r.mention.entity if r.mention is not None and r.mention.entity
             else r.source.text.lower()) for r in doc.resolutions]
    first: dict[str, int] = {}
    for n, k in enumerate(keys):
        first.setdefault(k, n)
    terms: dict[int, frozenset[str]] = {}
    out = []
    for n in asked:
        for j in range(max(0, n - WINDOW), n + 1):
            if j not in terms:
                terms[j] = _terms(doc, j)
        out.append(_row(doc, n, keys, first, terms, said))
    return asked, out


def _terms(doc: Doc, n: int) -> frozenset[str]:
    """The content terms of a draft: the words of its span (found once for the stance stage) less its source's
    and cue's."""
    d = doc.drafts[n]
    ws = doc.words(d.start, d.end)
    for span in (d.source, d.cue):
        if span is not None:
            ws = ws - words(span.text)
    return terms_of(ws)


def _said(doc: Doc, said: dict[int, str], n: int) -> str:
    if n not in said:
        said[n] = denials.content(_candidate(doc, n))
    return said[n]


def _candidate(doc: Doc, n: int) -> Candidate:
    d = doc.drafts[n]
    return Candidate(doc.text, d.start, d.end, d.cue, d.source, d.quote_share >= QUOTED)


def _named(doc: Doc, n: int) -> frozenset[str]:
    """The terms that name draft n's speaker or the body it speaks for: the capitalised words and possessors of its
    source, of what that resolves to and of the entity's fullest mention ("Rune Hallaraker, the abattoir's managing
    director": Rune, Hallaraker, abattoir; not "nuclear" of "a nuclear policy expert"), less the words of what a
    source is, and the entity's name."""
    r = doc.resolutions[n]
    src = r.source
    spans = (src, src.resolved if src is not None else None, r.full)
    names = [w for s in spans if s is not None for w in _NAME.findall(s.text)]
    named = terms_of(_words(" ".join(names))) - _ROLE_TERMS
    return named | terms_of(_words(r.mention.entity)) if r.mention is not None and r.mention.entity else named


def _row(doc: Doc, n: int, keys: list[str], first: dict[str, int], terms: dict[int, frozenset[str]],
         said: dict[int, str]) -> Row:
    """One asked draft's features: its article before it, the shape of its content, its source, the rules'."""
    key, mention = keys[n], doc.resolutions[n].mention
    others = [j for j in range(max(0, n - WINDOW), n) if keys[j] != key]
    named = _named(doc, n)
    naming = [j for j in others if named & terms[j]]
    heard = frozenset().union(*(terms[j] for j in others))
    nearest = next((j for j in reversed(others) if keys[j]), None)
    content = said[n]
    kind = mention.kind if mention is not None else ""
    f = {
        "named_before": bool(naming),
        "accused_before": any(accuses(_said(doc, said, j)) for j in naming),
        "restated_share": len(terms[n] & heard) / len(terms[n]) if terms[n] else 0.0,
        "first_of_source": first[key] == n,
        "first_after_named": bool(naming) and key not in keys[naming[0]:n],
        "after_denial": nearest is not None and doc.stances[nearest] == "denies",
        "others_before": any(keys[j] for j in others),
        "sweeping": bool(_SWEEPING.search(content)),
        "contrast": bool(_CONTRAST.search(content)),
        "universal": not _UNIVERSAL.isdisjoint(_words(content)),
        "named_person": kind == "named_person",
        "named_organization": kind == "named_organization",
        "anonymous": kind not in ("named_person", "named_organization"),
        **{role: mention is not None and mention.role == role for role in ("official", "expert", "witness", "media")},
        "relay": doc.drafts[n].kind == "relay",
        # the rules' signs as the stance stage read them (when it did: a claim no rule may fire for is read here)
        **dict(zip(denials.FEATURES, denials.row(_candidate(doc, n), doc.signs.get(n), content), strict=True)),
    }
    return {k: float(v) for k, v in f.items()}


def stage(doc: Doc, model: object | None) -> None:
    """Make denials of the asked drafts the model is sure of; nothing without a model."""
    if model is None:
        return
    idx, feats = rows(doc)
    if not feats:
        return
    out = list(doc.stances)
    made = []
    for n, sure in zip(idx, scores(model, feats) >= 0.0, strict=True):  # 0: the threshold, in the intercept
        if sure:
            out[n] = "denies"
            made.append(n)
    doc.stances = out
    doc.learned_denials = frozenset(made)


def matrix(feats: list[Row]) -> np.ndarray:
    return np.array([[r[name] for name in FEATURES] for r in feats], dtype=float).reshape(len(feats), len(FEATURES))


def scores(model, feats: list[Row]) -> np.ndarray:
    """The Pipeline's decision scores (log-odds of a denial less the threshold's), computed from its fitted
    scaler and coefficients: the same numbers as ``decision_function`` without sklearn's per-call checks."""
    scale, logit = model.named_steps["scale"], model.named_steps["logit"]
    return ((matrix(feats) - scale.mean_) / scale.scale_) @ logit.coef_[0] + logit.intercept_[0]


class DenierFeatures(TransformerMixin, BaseEstimator):
    """Rows (feature name -> value) -> their matrix in ``FEATURES`` order: the Pipeline's first step."""

    def fit(self, X, y=None) -> DenierFeatures:
        return self

    def transform(self, X) -> np.ndarray:
        return matrix(list(X))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.array(FEATURES, dtype=object)
