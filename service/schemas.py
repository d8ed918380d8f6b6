"""Request and response models: what the API validates with and what /openapi.json publishes.

The request models (``model/request.py``) validate every body (strict types:
``"true"`` is not a boolean, ``1`` is not a string); the response models here
are the published contract of what model/ returns. Limits that are
configurable at run time (documents per request, characters per document) are
checked through the validation context, so the same models serve any
configuration.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# The request models live in model/ so that the batch command and the Spark job validate with the very same ones.
from model.request import DocumentIn, Options, ScoreRequest, SingleDocumentRequest

__all__ = ["Claim", "DocumentIn", "DocumentOut", "ModelCard", "Options", "ProblemDetails", "Profile",
           "ScoreRequest", "ScoreResponse", "SingleDocumentRequest", "Status"]

# --------------------------------------------------------------- responses

Kind = Literal["named_person", "named_organization", "anonymous", "unattributed"]
Role = Literal["official", "media", "expert", "witness", "other"]
Stance = Literal["asserts", "denies", "declines"]


class Span(BaseModel):
    """A piece of the document: ``document.text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Relay(Span):
    """An intermediary of a nested attribution ("According to IRNA, she said")."""

    resolved: Span | None = Field(description="The earlier mention this relay refers back to, if any.")


class Source(Span):
    resolved: Span | None = Field(
        description="The earlier mention a pronoun or uncued quote continuation refers to; null when none.")
    via: list[Relay] = Field(description="Relays of a nested attribution, outermost first; empty when none.")
    anonymity_reason: str | None = Field(
        description='Why the source is anonymous, as written ("who asked not to be identified"); null when none.')


class Effect(BaseModel):
    feature: str
    effect: float = Field(description="Contribution to the score against the model's reference claim, in score units.")


class Claim(BaseModel):
    id: str = Field(description="`<document id>:<0-based claim number in that document>`.")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: Kind
    role: Role
    source: Source | None = Field(description="Null for an unattributed claim.")
    cue: Span | None = Field(description='The attribution cue ("said", "according to"); null when none.')
    direct_quote: bool
    stance: Stance = Field(description='"denies" rejects a claim in play ("dismissed the reports"), or negates what '
                                       'another source said before it in the article ("has not resigned"); '
                                       '"declines" is a refusal or non-answer ("declined to comment", "did not '
                                       'respond to requests for comment", "would not say"): it asserts nothing, so '
                                       'its score and label are null, its explanation empty, and it is never a '
                                       'corroboration or denial link; "asserts" is everything else.')
    hedges: list[Span] = Field(description='Hedge expressions in the claim ("reportedly", "probably").')
    corroborated_by: list[str] = Field(description="Ids of claims from independent sources asserting the same.")
    denied_by: list[str] = Field(description="Ids of claims denying this one.")
    official_denial: bool = Field(description="True when an official source denies this claim.")
    score: float | None = Field(ge=0, le=1, description="Calibrated probability the claim holds up; null for a "
                                                        "refusal (stance declines), which asserts nothing.")
    label: str | None = Field(description='A reading of the score by the model card\'s thresholds ("low", "medium", '
                                          '"high"); null when score is null.')
    features: dict[str, float] | None = Field(None, description="Absent when `options.explain` is false.")
    explanation: list[Effect] | None = Field(
        None, description="Features that moved the score, largest effect first; "
                          "absent when `options.explain` is false.")


class Profile(BaseModel):
    """A document's sourcing at a glance, from its claims C. A = the attributed claims (kind not unattributed);
    a claim's source is its resolved speaker, so a pronoun or quote continuation adds no new source.
    Shares are 0 when their denominator is empty."""

    sources: int = Field(ge=0, description="|{source(c) : c in A}|: distinct sources after resolution.")
    named_sources: int = Field(ge=0, description="|{source(c) : c in A, kind(c) in {named_person, "
                                                 "named_organization}}|.")
    anonymous_sources: int = Field(ge=0, description="|{source(c) : c in A, kind(c) = anonymous}|.")
    official_sources: int = Field(ge=0, description="|{source(c) : c in A, role(c) = official}|.")
    anonymous_share: float = Field(ge=0, le=1, description="|{c in A : kind(c) = anonymous}| / |A|: share of "
                                                           "attributed claims resting on anonymous sources.")
    anonymous_corroborated: bool = Field(description="Some claim c such that c and the claims of this document "
                                                     "in its corroborated_by rest on two or more distinct anonymous "
                                                     "sources.")
    anonymity_reason_given: float = Field(ge=0, le=1, description="|{anonymous sources with a stated "
                                                                  "anonymity_reason on any of their claims}| / "
                                                                  "anonymous_sources.")
    disputed: bool = Field(description="Some claim of C is denied (denied_by) by an attributed claim of this same "
                                       "document: a party named or described in the article denies it.")
    denied_party_responded: bool = Field(description="C has a denied claim, and every denied claim has at least "
                                                     "one denier quoted in this document; false when nothing is "
                                                     "denied.")
    unattributed_share: float = Field(ge=0, le=1, description="|C minus A| / |C|: share of claims in the "
                                                              "journalist's own voice.")
    hedged_share: float = Field(ge=0, le=1, description="|{c in C : c has at least one hedge}| / |C|.")
    refusals: int = Field(ge=0, description="|{c in C : stance(c) = declines}|: claims reporting a refusal or "
                                            "non-answer (\"declined to comment\", \"would not say\"). They count in "
                                            "the keys above like any claim, but have no score and no links.")


class DocumentOut(BaseModel):
    id: str
    claims: list[Claim] = Field(description="One per asserting sentence or attribution, in text order.")
    profile: Profile


class ModelInfo(BaseModel):
    name: str
    version: str
    sha256: str | None = Field(description="sha256 of the scoring artifact; null only for the unscored placeholder.")


class ScoreResponse(BaseModel):
    model: ModelInfo
    documents: list[DocumentOut] = Field(description="In request order.")
    client_token: str | None = Field(None, description="The request's client_token, when it sent one.")


class ModelCard(BaseModel):
    """The model card: artifacts, version, features, training data, metrics (fields set by model/)."""

    model_config = ConfigDict(extra="allow")


class Status(BaseModel):
    status: Literal["ok", "ready"]


class ValidationIssue(BaseModel):
    loc: str = Field(description='Path of the offending field, e.g. "documents[2].id"; "" for the body itself.')
    msg: str
    type: str


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, served as application/problem+json."""

    type: str = Field(description='"about:blank": the status says what happened.')
    title: str = Field(description="The HTTP status phrase.")
    status: int
    detail: str = Field(description="What went wrong with this request, in words.")
    instance: str = Field(description="The request path.")
    request_id: str | None = Field(None, description="The X-Request-ID of the request, to quote in a report.")
    errors: list[ValidationIssue] | None = Field(None, description="Every validation error (422 only).")
