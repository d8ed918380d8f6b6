"""Text in, scored claims out: the one entry point of the model layer.

    from model import Document, analyze
    result = analyze([Document(id="a", text="...")])

``analyze`` returns the JSON-ready body of ``POST /v1/score`` (without the
echoed ``client_token``). The service, the CLI, batch jobs and the tests all
call it; nothing here knows about HTTP.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from model import artifact
from model.agreement import Agreement
from model.artifact import ArtifactError
from model.attribution import LEARNED, Pipeline
from model.coverage import linked
from model.denial_aim import DenialAim
from model.paraphrase import Paraphrase
from model.report import report
from model.scorer import Scorer
from model.text import encodable
from model.timing import Timer
from model.types import Claim, Document, Options

__all__ = ["Analyzer", "ArtifactError", "Document", "NotReady", "Options", "Timer", "analyze", "document_ids",
           "extract", "freeze_loaded"]

DEFAULT_MODEL_DIR = Path(__file__).parent / "artifacts"


def document_ids(given: Sequence[str | None]) -> list[str]:
    """Ids for a request's documents: a missing one gets "0", "1", ... in order, skipping ids already taken."""
    taken = {i for i in given if i is not None}
    counter = 0
    out = []
    for doc_id in given:
        if doc_id is None:
            while str(counter) in taken:
                counter += 1
            doc_id = str(counter)
            counter += 1
        out.append(doc_id)
    return out


class NotReady(RuntimeError):
    """An artifact is missing or failed its checks."""


# The artifacts of the learned attribution stages, each verified (sha256) and loaded once.
ATTRIBUTION_ARTIFACTS = tuple(sorted(set(LEARNED.values())))


def load_models(model_dir: Path) -> dict[str, object]:
    """name -> fitted model of every attribution artifact; raises ArtifactError when one is missing or altered."""
    return {name: artifact.load(model_dir, name)[0] for name in ATTRIBUTION_ARTIFACTS}


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline(models=load_models(DEFAULT_MODEL_DIR))


def extract(documents: Sequence[Document], pipeline: Pipeline | None = None) -> list[Claim]:
    """Segment and attribute every document; claims in request order. Needs no scoring artifact (the
    shipped attribution artifacts, unless ``pipeline`` says otherwise)."""
    return _claims(list(map(_encodable, documents)), pipeline or _default_pipeline())


def _claims(documents: Sequence[Document], attribute: Pipeline) -> list[Claim]:
    return [c for i, doc in enumerate(documents) for c in attribute(doc, i)]


def _encodable(doc: Document) -> Document:
    """The document with a lone surrogate in its text replaced (``model.text.encodable``)."""
    text = encodable(doc.text)
    return doc if text is doc.text else replace(doc, text=text)


class Analyzer:
    """Holds the verified artifacts (the scorer, the learned attribution stages') and runs the pipeline.

    ``timer`` (a ``model.Timer``) sums the seconds of every stage by name; ``disable`` switches attribution
    stages off by name (``model.attribution.STAGES``), for ablations."""

    def __init__(self, model_dir: Path | str | None = None, timer: Timer | None = None,
                 disable: Sequence[str] = ()) -> None:
        self.model_dir = Path(model_dir) if model_dir else DEFAULT_MODEL_DIR
        self.timer = timer
        self.scorer: Scorer | None = None
        self.problem: str | None = None
        self.agreement: Agreement | None = None
        self.paraphrase: Paraphrase | None = None
        self.aim: DenialAim | None = None
        self.metadata: dict[str, dict] = {}
        models: dict[str, object] = {}
        try:
            models = load_models(self.model_dir)
            self.agreement = Agreement.load(self.model_dir)
            self.metadata = {name: artifact.read_metadata(self.model_dir, name) for name in ATTRIBUTION_ARTIFACTS}
            self.metadata["agreement"] = self.agreement.meta
            self.paraphrase = Paraphrase.load(self.model_dir)
            self.metadata["paraphrase"] = self.paraphrase.meta
            self.metadata["word_pairs"] = self.paraphrase.word_pairs_meta
            self.aim = DenialAim.load(self.model_dir)
            self.metadata["denial_aim"] = self.aim.meta
            self.scorer = Scorer.load(self.model_dir)
        except ArtifactError as e:
            self.problem = str(e)
        self.pipeline = Pipeline(disable, timer, models)

    @property
    def ready(self) -> bool:
        return self.scorer is not None

    def card(self) -> dict:
        """The scorer's card; ``artifacts`` lists every artifact loaded, the scorer's files first."""
        if self.scorer is None:
            raise NotReady(self.problem or "no model")
        card = self.scorer.card()
        others = [{"name": meta["name"], "file": meta.get("file", f"{name}.joblib"), "version": meta["version"],
                   "sha256": meta["sha256"], "role": meta.get("role", _ROLES.get(name, f"attribution stage ({name})")),
                   **{k: meta[k] for k in ("training_data", "metrics") if k in meta}}
                  for name, meta in self.metadata.items()]
        return {**card, "artifacts": [*card.get("artifacts", []), *others]}

    def analyze(self, documents: Sequence[Document], options: Options | None = None) -> dict:
        options = options or Options()
        if self.scorer is None:
            raise NotReady(self.problem or "no model")
        with _without_cyclic_gc():
            return self._analyze([_encodable(d) for d in documents], options)

    def _analyze(self, documents: Sequence[Document], options: Options) -> dict:
        assert self.scorer is not None  # its one caller, ``analyze``, has checked
        timed = self.timer or _untimed
        claims = _claims(documents, self.pipeline)  # documents already made encodable by ``analyze``
        with timed("link"):
            claims, links = linked(documents, claims, self.agreement, self.paraphrase, self.aim)
        scored = self.scorer.score(claims, links, explain=options.explain, timer=self.timer)
        with timed("report"):
            return report(documents, scored, self.scorer.info(), options)


_ROLES = {"agreement": "stance of a text towards a claim (corroboration and denial by the coverage)",
          "paraphrase": "which claims of independent sources in one article say the same thing (corroboration)",
          "denial_aim": "which claims of its article a denial denies (denial links)"}


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A request's records hold no reference cycles (reference counting frees them), but a large request makes
    the cyclic collector walk its growing heap again and again: cost that grows faster than the text. It is
    paused for the request and resumes after (collecting anything cyclic then)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def freeze_loaded() -> None:
    """Move every object alive now out of the cyclic collector's reach: called once what a process keeps for its
    life is loaded (the artifacts, the lexicons: about 155,000 objects). A full collection then walks only what
    requests made, about 2 ms where it walked everything in about 80 (once every few hundred articles of news),
    and forked workers' collections no longer write into the pages they share with their parent."""
    gc.collect()  # garbage from loading is freed, not frozen
    gc.freeze()


def _untimed(name: str) -> nullcontext:
    return nullcontext()


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(documents: Sequence[Document], options: Options | None = None) -> dict:
    """Analyze one request's documents with the shipped model."""
    return default_analyzer().analyze(documents, options)
