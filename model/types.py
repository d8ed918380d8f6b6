"""The records passed down the pipeline: documents -> claims -> links -> scores.

Every record is a small dataclass (``record``: compared and hashed like a frozen one); each stage reads
the previous stage's records and adds its own, never mutating what it was given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

KINDS = ("named_person", "named_organization", "anonymous", "unattributed")
ROLES = ("official", "media", "expert", "witness", "other")
# declines: a refusal or non-answer ("declined to comment", "would not say"); it asserts nothing, so it has
# no score and takes part in no link.
STANCES = ("asserts", "denies", "declines")
# How an anonymous source is anonymous: a confidential individual ("an official
# who asked not to be named") and a described group ("Republicans", "experts")
# are both kind "anonymous" but carry different weight.
ANONYMITY = ("none", "individual", "group")

T = TypeVar("T")


# The test suite builds records frozen (tests/conftest.py sets this before anything imports the model): an
# assignment to a record anywhere the tests reach raises there, as it would in a frozen dataclass.
FROZEN_RECORDS = os.environ.get("SOURCING_FROZEN_RECORDS") == "1"


@dataclass_transform()
def record(cls: type[T]) -> type[T]:
    """A record: a dataclass with the equality and hash of a frozen one, whose ``__init__`` sets its fields by
    plain assignment. A frozen dataclass's calls ``object.__setattr__`` once per field, which made building a
    record cost three times as much, and several are built for every claim (spans, sources, drafts, the claim,
    its links). Nothing assigns to a record once built: a stage that changes one builds a new one
    (``dataclasses.replace``); under the test suite records are frozen, so that stays checked."""
    return dataclass(frozen=True)(cls) if FROZEN_RECORDS else dataclass(unsafe_hash=True)(cls)


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Options:
    explain: bool = True


@record
class Span:
    """A piece of a document; always ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int


@record
class Relay:
    """An intermediary in a nested attribution ("According to IRNA, she said")."""

    text: str
    start: int
    end: int
    resolved: Span | None = None


@record
class Source:
    """Who a claim is attributed to, as written, and whom that refers to."""

    text: str
    start: int
    end: int
    resolved: Span | None = None
    via: tuple[Relay, ...] = ()
    anonymity_reason: str | None = None


@record
class Claim:
    """One asserting sentence (or one attribution's part of a sentence)."""

    doc_index: int  # position of the document in the request
    doc_id: str
    number: int  # 0-based claim number within the document
    text: str
    start: int
    end: int
    kind: str  # one of KINDS, after resolution
    role: str  # one of ROLES
    source: Source | None
    cue: Span | None
    direct_quote: bool
    stance: str  # one of STANCES
    hedges: tuple[Span, ...] = ()
    # Canonical identity of the speaking entity after resolution (lower-case,
    # e.g. "marzieh afkham", "kurdish officials"); "" when unattributed. Two
    # claims with the same entity are not independent of each other.
    entity: str = ""
    anonymity: str = "none"  # one of ANONYMITY
    # The cue is a belief or intention verb ("believes", "wants") rather than
    # a report of speech.
    belief: bool = False
    paragraph: int = 0  # which paragraph of its document it stands in (0-based)
    # The learned denier (``model.attribution.denier``), not the rules, made it a denial: the denial aim model
    # reads it though the rules aimed it at nothing.
    learned_denial: bool = False

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.number}"


def source_key(claim: Claim) -> str:
    """Who stands behind a claim: its entity, or the outlet's own voice for an unattributed one."""
    return claim.entity or f"#document:{claim.doc_index}"


@record
class Links:
    """How one claim relates to the other claims of the same request."""

    corroborated_by: tuple[str, ...] = ()  # claim ids, independent sources only
    denied_by: tuple[str, ...] = ()  # claim ids
    official_denial: bool = False
    contradicted_by: tuple[str, ...] = ()
    # Independent corroborating sources, counted once per entity.
    corroborating_sources: int = 0
    corroborating_named: int = 0
    corroborating_official: int = 0
    # For a claim under check (a one-claim document): the other documents' summed probabilities of
    # agreeing with it and of denying it, by the stance model (model.coverage).
    documents_agreeing: float = 0.0
    documents_denying: float = 0.0
    rebuts: bool = False  # its content rejects what another source said before it in its article


UNLINKED = Links()  # one shared answer for every claim without a link (``model.features`` knows it by identity)


@record
class Scored:
    """A claim with its links, features and the model's verdict."""

    claim: Claim
    links: Links
    features: dict[str, float] = field(default_factory=dict)
    score: float | None = None  # None for a refusal (stance "declines"): it asserts nothing to score
    label: str | None = None
    explanation: tuple[tuple[str, float], ...] = ()
