"""Attribution: a document's text -> its claims, each with source, cue, kind, role, stance and hedges.

The work is an ordered list of named stages, and this module is the only place that orders them.
Sentence stages run over each sentence's ``Sentence`` object (tokens, lower-case forms, offsets,
quotation flags) and add the attributions they find to it; the sentence is then cut into one draft per
attribution kept (``sentences.parts``). Document stages run over the document's ``Doc`` (its drafts) and
each fills one column (resolution, anonymity reason, stance, hedges); ``claims.build`` turns the drafts
and columns into ``Claim`` records (never modified once built).

    from model.attribution import Pipeline
    claims = Pipeline(disable=["acts"])(document, 0)     # an ablation
    claims = Pipeline(timer=Timer())(document, 0)        # time per stage (model.timing)

A stage switched off by name leaves its findings empty: the later stages see fewer attributions, and a
document column falls back to its default (no resolution, no reason, "asserts", no hedges).

A learned stage (``LEARNED``: stage name -> the artifact it uses) is called with its fitted model as a
second argument; ``model.Analyzer`` loads and verifies the artifacts and passes them in ``models``. A
learned stage whose model is absent (training it, or an ablation) keeps what the rules found.

Sentence stages run one after the other over all of a document's sentences; a ``BATCHED`` one is called
once with the whole list, so a learned stage makes one prediction call per document, not per sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from model.attribution import (
    acts,
    antecedents,
    claims,
    cues,
    denier,
    described,
    nesting,
    openers,
    participles,
    resolve,
    roles,
    screen,
    speaking_for,
    stance,
    typer,
    witnesses,
)
from model.attribution.records import Doc, Sentence
from model.attribution.sentences import parts, sentences
from model.text import Segmentation, segment
from model.timing import Timer
from model.types import Claim, Document

__all__ = ["BATCHED", "DOCUMENT_STAGES", "LEARNED", "SENTENCE_STAGES", "STAGES", "Pipeline", "attribute"]

SENTENCE_STAGES: tuple[tuple[str, Callable[..., None]], ...] = (
    ("headline", openers.headline),  # "Gingrich: Trump Must ...", "PENCE: Well, ...": the words before a colon
    ("cues", cues.candidates),  # every cue verb or phrase with the source it points at
    ("proposals", acts.propose),  # the act opening a sentence: "Trump unleashed ...", for the filter to weigh
    ("participles", participles.propose),  # "..., she said, blaming ...": a cue's participle, for the filter to weigh
    ("filter", screen.stage),  # learned: which candidates are attributions (the rules' doubts without a model)
    ("nesting", nesting.nest),  # drop cues inside another's content; relays; participles; closing frames
    ("acts", acts.stage),  # no cue kept: the act proposed for the sentence
    ("asked", openers.asked),  # "Asked about X, she said": the question is its own attribution
    ("sourceless", openers.sourceless),  # still nothing: "reportedly", "seemed" with no source in the text
)
DOCUMENT_STAGES: tuple[tuple[str, Callable[..., None]], ...] = (  # learned ones take their model too
    ("speakers", claims.speakers),  # a transcript's "NAME: ..." paragraph is the speaker's throughout
    ("resolve", resolve.stage),  # learned for pronouns: descriptions, quotation continuations to earlier mentions
    ("typing", typer.stage),  # learned: each source's kind after resolution (artifact "mentions")
    ("described", described.stage),  # "The company said ... It added": a pronoun with no antecedent, the description
    ("spokespeople", speaking_for.stage),  # "The ministry denied that. A spokesman said": the ministry's, official
    ("witnesses", witnesses.stage),  # learned: which "other" sources give a first-hand account (artifact "witnesses")
    ("roles", roles.stage),  # learned: the role of a source whose own words gave the rules' (artifact "roles")
    ("anonymity", claims.anonymity),  # why an anonymous source is unnamed
    ("stance", stance.stage),  # asserts / denies / declines (refusals)
    ("denier", denier.stage),  # learned: the accused side's denials with no denial word (artifact "denier")
    ("quotation_stance", claims.quotation_stance),  # one quotation, one stance
    ("hedges", stance.hedge_stage),  # "reportedly", "probably", ...
)
STAGES = tuple(name for name, _ in SENTENCE_STAGES + DOCUMENT_STAGES)
# stage name -> artifact name (model/artifacts/<name>.joblib)
LEARNED: dict[str, str] = {"filter": "attributions", "resolve": antecedents.ARTIFACT, "typing": typer.ARTIFACT,
                           "witnesses": witnesses.ARTIFACT, "roles": roles.ARTIFACT, "denier": denier.ARTIFACT}
BATCHED = frozenset({"filter"})  # sentence stages called once with all of a document's sentences


class Pipeline:
    """The stages in order, some switched off by name, optionally timed."""

    def __init__(self, disable: Iterable[str] = (), timer: Timer | None = None,
                 models: Mapping[str, object] | None = None) -> None:
        off = set(disable)
        unknown = off - set(STAGES)
        if unknown:
            raise ValueError(f"no such attribution stage: {', '.join(sorted(unknown))} (stages: {', '.join(STAGES)})")
        self.timer = timer
        self.models = dict(models or {})
        self.sentence_stages = [self._timed(n, _over_all(n, self._bound(n, f))) for n, f in SENTENCE_STAGES
                                if n not in off]
        self.document_stages = [self._timed(n, self._bound(n, f)) for n, f in DOCUMENT_STAGES if n not in off]
        self._segment = self._timed("segment", segment)
        self._sentences = self._timed("tokens", sentences)
        self._parts = self._timed("parts", parts)
        self._build = self._timed("claims", claims.build)

    def _bound(self, name: str, fn: Callable) -> Callable:
        """A learned stage with its model (or None) as second argument; a rule stage as it is."""
        if name not in LEARNED:
            return fn
        model = self.models.get(LEARNED[name])
        return lambda target: fn(target, model)

    def _timed(self, name: str, fn: Callable) -> Callable:
        return self.timer.wrap(name, fn) if self.timer is not None else fn

    def sentences(self, document: Document) -> tuple[Segmentation, list[Sentence]]:
        """The document's segmentation and its sentences after every sentence stage (what training reads)."""
        seg = self._segment(document.text)
        sents = self._sentences(document.text, seg)
        for stage in self.sentence_stages:
            stage(sents)
        return seg, sents

    def __call__(self, document: Document, index: int) -> list[Claim]:
        """One claim per asserting sentence (per attribution where a sentence has several), in text order."""
        seg, sents = self.sentences(document)
        drafts = [d for s in sents for d in self._parts(s)]
        doc = Doc(document, index, seg, drafts)
        doc.remember_words(sents)
        for stage in self.document_stages:
            stage(doc)
        return self._build(doc)


def _over_all(name: str, fn: Callable) -> Callable[[list[Sentence]], None]:
    """A sentence stage as a call over all of a document's sentences (a batched one already is one)."""
    if name in BATCHED:
        return fn

    def each(sents: list[Sentence]) -> None:
        for s in sents:
            fn(s)

    return each


@lru_cache(maxsize=1)
def _default() -> Pipeline:
    return Pipeline()


def attribute(document: Document, index: int) -> list[Claim]:
    """The claims of one document (the ``index``-th of its request) with every stage on."""
    return _default()(document, index)
