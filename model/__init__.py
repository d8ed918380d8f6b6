"""Text in, scored claims out: the one entry point of the model layer.

    from model import Document, analyze
    result = analyze([Document(id="a", text="...")])

``analyze`` returns the JSON-ready body of ``POST /v1/score`` (without the
echoed ``client_token``). The service, the CLI, batch jobs and the tests all
call it; nothing here knows about HTTP.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

from model.attribution import Pipeline
from model.links import link
from model.report import report
from model.scorer import ArtifactError, Scorer
from model.timing import Timer
from model.types import Claim, Document, Options

__all__ = ["Analyzer", "ArtifactError", "Document", "NotReady", "Options", "Timer", "analyze", "document_ids",
           "extract"]

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
    """The scoring artifact is missing or failed its checks."""


def extract(documents: Sequence[Document], pipeline: Pipeline | None = None) -> list[Claim]:
    """Segment and attribute every document; claims in request order. Needs no scoring artifact."""
    attribute = pipeline or Pipeline()
    return [c for i, doc in enumerate(documents) for c in attribute(doc, i)]


class Analyzer:
    """Holds one verified scoring artifact and runs the pipeline with it.

    ``timer`` (a ``model.Timer``) sums the seconds of every stage by name; ``disable`` switches attribution
    stages off by name (``model.attribution.STAGES``), for ablations."""

    def __init__(self, model_dir: Path | str | None = None, timer: Timer | None = None,
                 disable: Sequence[str] = ()) -> None:
        self.model_dir = Path(model_dir) if model_dir else DEFAULT_MODEL_DIR
        self.timer = timer
        self.pipeline = Pipeline(disable, timer)
        self.scorer: Scorer | None = None
        self.problem: str | None = None
        try:
            self.scorer = Scorer.load(self.model_dir)
        except ArtifactError as e:
            self.problem = str(e)

    @property
    def ready(self) -> bool:
        return self.scorer is not None

    def card(self) -> dict:
        if self.scorer is None:
            raise NotReady(self.problem or "no model")
        return self.scorer.card()

    def analyze(self, documents: Sequence[Document], options: Options | None = None) -> dict:
        options = options or Options()
        if self.scorer is None:
            raise NotReady(self.problem or "no model")
        timed = self.timer or _untimed
        claims = extract(documents, self.pipeline)
        with timed("link"):
            links = link(claims)
        scored = self.scorer.score(claims, links, explain=options.explain, timer=self.timer)
        with timed("report"):
            return report(documents, scored, self.scorer.info(), options)


def _untimed(name: str) -> nullcontext:
    return nullcontext()


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(documents: Sequence[Document], options: Options | None = None) -> dict:
    """Analyze one request's documents with the shipped model."""
    return default_analyzer().analyze(documents, options)
