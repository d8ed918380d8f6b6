"""Stage "roles": learned, the role of a source whose own words gave the rules' answer.

The rules read a role from the mention's words (``role_words``: titles, offices, outlets, "analysts") and, where
the article says more, from it: the body a spokesperson speaks for (``speaking_for``), a fuller mention of the
same person (``entities``), a state the text names by its demonym (``states``), a document's producer
(``producers``), the list of officeholders; the witness model then makes some "other" sources witnesses. What
the words miss is learned best from the labels themselves: which bodies the annotators count as official (a
harbour master, a state mediator's office, a medical council), which staff speak as witnesses of what they did
themselves, that a trade body is other. A multinomial logistic regression over the words of the source, of what
it resolves to and of its entity that are not names (``plain_words``), its cue and the rules' own answer (kind and
role) predicts the role of every source whose role its own words gave, in one call a
document (artifact ``roles``, trained by ``python -m model.training.roles`` on the team's PolNeAR train labels and
the wire train stories); where it differs from the rules' and the model is sure (its probability at least the
artifact's threshold) the mention takes it, and a pronoun resolved to that source follows. A speaker has one role:
the claims of one entity are decided once, from the mean of their probabilities. A role the article gave
stays the rules' (their exact cases), and an informant ("a source who asked not to be identified") is never made
a witness, as the witness stage never makes one. Without the model the rules' roles stand.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import replace
from functools import partial
from typing import cast

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from model.attribution.linear import sure_best
from model.attribution.mentions import Mention, classify
from model.attribution.records import Doc
from model.lexicon import COMMON_WORDS, MENTION_WORDS, TITLES, TYPING

ARTIFACT = "roles"
_INFORMANTS = MENTION_WORDS["informants"]
_DOCUMENTS = TYPING["document_heads"]
_PLAIN = COMMON_WORDS | TITLES
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")  # "Sen.", "al-Abadi", "O'Brien": a title's point and a name's marks
Traits = dict[str, float]


def traits(kind: str, role: str, source: str, resolved: str, entity: str, cue: str, relayed: bool) -> Traits:
    """What the role model sees of one sourced claim: the rules' kind and role, the words of the source as written,
    of the mention it resolves to and of its entity that are not names (``plain_words``), its cue and whether it is
    relayed. Serving and training build rows with this one function."""
    out: Traits = {f"rule={role}": 1.0, f"kind={kind}": 1.0, f"kind_rule={kind}|{role}": 1.0}
    for w in plain_words(source):
        out["source=" + w] = 1.0
    for w in plain_words(resolved):
        out["resolved=" + w] = 1.0
    for w in entity.split():
        if w in COMMON_WORDS:
            out["entity=" + w] = 1.0
    if cue:
        out["cue=" + cue.lower()] = 1.0
    if relayed:
        out["relayed"] = 1.0
    return out


def plain_words(text: str) -> list[str]:
    """The lower-case words of a mention that are not names: written in lower case, a word the news writes in lower
    case ("secretary", "harbour", "police": ``common_words.txt``) or a title ("Sen.", "Gov."). A name says who, not
    what role: learned from the labels, "Johnson" made a sitting secretary "other" for a candidate of the same
    surname in the training articles, and no unseen article holds the training articles' people."""
    return [w.lower() for w in _WORD.findall(text) if w[:1].islower() or w.lower() in _PLAIN]


def asked(doc: Doc) -> tuple[list[int], list[tuple]]:
    """The drafts whose source has the role its own words give, with the arguments of their traits. Not asked: a
    role the article gave, the rules' exact cases (a state the text names by its demonym, an aide of an office named
    before, a document of its producer, a fuller mention, a listed officeholder, the witness model's), and a
    pronoun, which follows what its antecedent's claims are given (``stage``)."""
    idx, out = [], []
    for n, (d, r) in enumerate(zip(doc.drafts, doc.resolutions, strict=True)):
        if r.source is None or r.mention is None:
            continue
        m = r.mention
        own = classify(r.source.text)
        if own.kind == "pronoun" or m.role != own.role or (m.head != own.head and own.head in _DOCUMENTS):
            continue  # a pronoun follows its antecedent (``stage``); the rest are the rules' exact cases
        kind = "anonymous" if m.kind in ("pronoun", "backref") else m.kind  # as the claim will say (claims.claim)
        cue = doc.text[d.cue.start:d.cue.end] if d.cue is not None else ""
        resolved = r.source.resolved.text if r.source.resolved is not None else ""
        idx.append(n)
        out.append((kind, m.role, r.source.text, resolved, m.entity, cue, bool(r.source.via)))
    return idx, out


def rows(doc: Doc) -> tuple[list[int], list[Traits]]:
    """The drafts the model is asked about, with their traits (what training reads)."""
    idx, args = asked(doc)
    return idx, [traits(*a) for a in args]


def stage(doc: Doc, model: object | None) -> None:
    """Give every asked source the role the model predicts; nothing without a model. Arguments repeated in a
    document (a pronoun chain repeats a few sentences thousands of times) are predicted once."""
    if model is None or not doc.resolutions:
        return
    idx, args = asked(doc)
    if not args:
        return
    unique = list(dict.fromkeys(args))
    speakers = [(a[4], a[1]) if a[4] else n for n, a in enumerate(unique)]  # (entity, the rules' role)
    role = dict(zip(unique, decide(cast(SureRoles, model), [traits(*a) for a in unique], speakers), strict=True))
    out = list(doc.resolutions)
    moved: dict[tuple[str, str], str] = {}  # (entity, the rules' role) -> the model's, one per speaker
    for n, a in zip(idx, args, strict=True):
        mention = cast(Mention, out[n].mention)
        new = role[a]
        if new == mention.role or (new == "witness" and mention.head in _INFORMANTS):
            continue
        moved.setdefault((mention.entity, mention.role), new)
        out[n] = replace(out[n], mention=replace(mention, role=new))
    if moved:  # "he", "she", "it" resolved to a source whose role moved take the same role
        for n, r in enumerate(out):
            m = r.mention
            if r.source is not None and m is not None and m.entity and (m.entity, m.role) in moved and classify(
                    r.source.text).kind == "pronoun":
                out[n] = replace(r, mention=replace(m, role=moved[m.entity, m.role]))
    doc.resolutions = out


def decide(model: SureRoles, rows: list[Traits], speakers: Sequence[Hashable] | None = None) -> list[str]:
    """Each row's role: the model's where its probability reaches the model's threshold, else the rules' (the
    row's "rule=" trait). Rows of one speaker (``speakers``, a key per row) are decided once, from the mean of
    their probabilities: a speaker has one role in an article, and one claim's cue ("recalled", "said" or none
    in a quotation's later sentences) should not give it another. Without speakers, the same decisions as
    ``model.predict`` without sklearn's per-call machinery."""
    pool = None if speakers is None else partial(speaker_means, speakers=speakers)
    classes, best, sure = sure_best(model.pipeline_, rows, model.threshold, pool)
    return [str(classes[k]) if ok else rule_of(row) for k, ok, row in zip(best, sure, rows, strict=True)]


def speaker_means(p: np.ndarray, speakers: Sequence[Hashable]) -> np.ndarray:
    """Each row's probabilities replaced by the mean over the rows of its speaker."""
    first = {s: k for k, s in enumerate(dict.fromkeys(speakers))}
    group = np.array([first[s] for s in speakers])
    sums = np.zeros((int(group.max()) + 1, p.shape[1]))
    np.add.at(sums, group, p)
    return (sums / np.bincount(group)[:, None])[group]


def rule_of(row: Traits) -> str:
    """The rules' role a row was built with."""
    return next(k.removeprefix("rule=") for k in row if k.startswith("rule="))


class SureRoles(ClassifierMixin, BaseEstimator):
    """The shipped role model: a DictVectorizer -> multinomial LogisticRegression Pipeline (``pipeline_``) whose
    role replaces the rules' (read from each row) only where its probability reaches ``threshold``."""

    def __init__(self, C: float = 1.0, threshold: float = 0.5) -> None:
        self.C = C
        self.threshold = threshold

    def fit(self, X, y) -> SureRoles:
        steps = [("features", DictVectorizer(sort=True)), ("logit", LogisticRegression(C=self.C, max_iter=5000))]
        self.pipeline_ = Pipeline(steps).fit(list(X), y)
        self.classes_ = self.pipeline_.classes_
        return self

    def predict(self, X) -> np.ndarray:
        return np.array(decide(self, list(X)), dtype=object)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return self.pipeline_.named_steps["features"].get_feature_names_out()
