"""One request body in, validated documents out, or the problem+json body HTTP sends for it.

``POST /v1/score`` (service/), the batch command and the Spark job all read a
request through this module, so a record gets the same answer, the same error
text and the same limits wherever it is scored. Nothing here knows HTTP beyond
the status codes and the shape of an RFC 9457 problem body.

    req = read_request(body_bytes, Limits.from_env())   # or raises RequestError
    answer = encode_answer(analyzer.analyze(req.documents, req.options), req.client_token)
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from http import HTTPStatus
from typing import Annotated, Any

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from model import document_ids
from model.types import Document
from model.types import Options as AnalysisOptions

# ------------------------------------------------------------------- limits

# Limit name -> environment variable; the service's settings and the batch command read the same ones.
LIMIT_ENV = {
    "max_body_bytes": "RELIABILITY_MAX_BODY_BYTES",
    "max_documents": "RELIABILITY_MAX_DOCUMENTS",
    "max_document_chars": "RELIABILITY_MAX_DOCUMENT_CHARS",
}


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 10 * 1024 * 1024
    max_documents: int = 500
    max_document_chars: int = 200_000

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < 1:
                raise ValueError(f"{f.name} must be at least 1")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by the RELIABILITY_MAX_* variables that are set and not empty."""
        environ = os.environ if environ is None else environ
        values = {}
        for name, var in LIMIT_ENV.items():
            raw = environ.get(var, "")
            if raw != "":
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise ValueError(f"{var} must be an integer, got {raw!r}") from None
        return cls(**values)


# ----------------------------------------------------------- request models

DocumentId = Annotated[str, Field(min_length=1, max_length=200, description="1–200 characters, unique in a request.")]


class _Strict(BaseModel):
    # Unknown fields are errors: a misspelt "optoins" must not be silently ignored.
    model_config = ConfigDict(strict=True, extra="forbid")


class Options(_Strict):
    explain: bool = Field(default=True, description="Include `features` and `explanation` per claim.")


class DocumentIn(_Strict):
    id: DocumentId | None = Field(
        None, description='Defaults to "0", "1", … in order among the documents sent without one.')
    text: str = Field(description="The article text, at most the configured number of characters.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None

    @field_validator("text")
    @classmethod
    def _text_limit(cls, text: str, info: ValidationInfo) -> str:
        limit = (info.context or {}).get("max_document_chars")
        if limit is not None and len(text) > limit:
            raise PydanticCustomError("too_long", "text has {length} characters; the limit is {limit}",
                                      {"length": len(text), "limit": limit})
        return text


ClientToken = Annotated[str, Field(max_length=1024, description="Echoed back unchanged in the response.")]


class ScoreRequest(_Strict):
    """Several documents, scored as one story: links may cross documents."""

    documents: list[DocumentIn] = Field(min_length=1)
    options: Options = Field(default_factory=Options)
    client_token: ClientToken | None = None

    @field_validator("documents", mode="before")
    @classmethod
    def _count_limit(cls, documents: object, info: ValidationInfo) -> object:
        # Checked before the items are validated, so an oversize batch costs nothing.
        limit = (info.context or {}).get("max_documents")
        if limit is not None and isinstance(documents, list) and len(documents) > limit:
            raise PydanticCustomError("too_long", "{count} documents; the limit is {limit} per request",
                                      {"count": len(documents), "limit": limit})
        return documents


class SingleDocumentRequest(DocumentIn):
    """One document given at the top level: ``{"text": "..."}``."""

    options: Options = Field(default_factory=Options)
    client_token: ClientToken | None = None


# ------------------------------------------------------------------ errors

class RequestError(Exception):
    """A body refused: the status and detail HTTP answers with, and ``errors`` on 422."""

    def __init__(self, status: int, detail: str, errors: Sequence[Mapping[str, str]] | None = None,
                 reason: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        # A short machine name for metrics ("invalid_json", "too_large", ...).
        self.reason = reason or HTTPStatus(status).phrase.lower().replace(" ", "_")


def problem_body(status: int, detail: str, instance: str, request_id: str | None = None,
                 errors: Sequence[Mapping[str, str]] | None = None) -> dict:
    """The RFC 9457 problem document, fields in the published order."""
    body: dict = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status,
                  "detail": detail, "instance": instance}
    if request_id is not None:
        body["request_id"] = request_id
    if errors is not None:
        body["errors"] = list(errors)
    return body


def encode_problem(body: Mapping) -> str:
    """A problem body as HTTP sends it."""
    return json.dumps(body)


def encode_json(value: Any) -> bytes:
    """Compact UTF-8 JSON, as every 200 body is sent (``service.jsonio`` gives Flask this encoder). orjson writes
    the bytes ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` would, at about a fifth of the
    cost: a scored article's answer with explanations is some 50 kB, and stdlib encoding was 6 % of a request.
    A lone surrogate has no UTF-8 form: the API replaces one in a text (``model.text.encodable``) and rejects one
    in an id or a token, so only a value built elsewhere (a library caller's) can hold one; it is then written
    ASCII-escaped rather than failing."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def encode_answer(body: Mapping) -> str:
    """A 200 body as HTTP sends it, without the trailing newline."""
    return encode_json(body).decode("utf-8")


def too_large(length: int, limit: int) -> RequestError:
    return RequestError(413, f"The body is {length} bytes; the limit is {limit}.", reason="too_large")


# ------------------------------------------------------------------ reading

@dataclass(frozen=True)
class Request:
    documents: list[Document]
    options: AnalysisOptions
    client_token: str | None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(data: bytes) -> Any:
    """The body's JSON value; 400 when it is not UTF-8 or not strict JSON (no NaN, no Infinity)."""
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError as e:
        detail = f"The body is not UTF-8: invalid byte at position {e.start}."
        raise RequestError(400, detail, reason="invalid_json") from None
    except json.JSONDecodeError as e:
        detail = f"The body is not JSON: {e.msg} at line {e.lineno} column {e.colno}."
        raise RequestError(400, detail, reason="invalid_json") from None
    except (ValueError, RecursionError) as e:
        # NaN/Infinity, integers too long to convert, nesting too deep.
        raise RequestError(400, f"The body is not usable JSON: {str(e)[:200]}", reason="invalid_json") from None


def field_path(loc: tuple[int | str, ...]) -> str:
    """('documents', 2, 'id') -> 'documents[2].id'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def invalid(issues: list[dict[str, str]]) -> RequestError:
    first = issues[0]
    where = first["loc"] or "body"
    more = f" (and {len(issues) - 1} more, see errors)" if len(issues) > 1 else ""
    return RequestError(422, f"{where}: {first['msg']}{more}", errors=issues, reason="invalid")


def validate(body: Any, limits: Limits) -> ScoreRequest:
    """One validated request; a bare document becomes a batch of one."""
    if not isinstance(body, dict):
        raise invalid([{"loc": "", "msg": f"the body must be a JSON object, not {type(body).__name__}",
                        "type": "model_type"}])
    context = {"max_documents": limits.max_documents, "max_document_chars": limits.max_document_chars}
    try:
        if "documents" in body:
            return ScoreRequest.model_validate(body, context=context)
        single = SingleDocumentRequest.model_validate(body, context=context)
    except ValidationError as e:
        # Messages and paths only: the input itself may be a whole article.
        raise invalid([{"loc": field_path(err["loc"]), "msg": err["msg"], "type": err["type"]}
                       for err in e.errors(include_url=False, include_input=False)]) from None
    doc = DocumentIn(**single.model_dump(include=set(DocumentIn.model_fields)))
    return ScoreRequest(documents=[doc], options=single.options, client_token=single.client_token)


def documents(req: ScoreRequest) -> list[Document]:
    """Fill in missing ids (model.document_ids) and refuse duplicates."""
    ids = document_ids([d.id for d in req.documents])
    seen: dict[str, int] = {}
    for i, doc_id in enumerate(ids):
        if doc_id in seen:
            raise invalid([{"loc": f"documents[{i}].id", "msg": f"duplicates documents[{seen[doc_id]}].id",
                            "type": "duplicate"}])
        seen[doc_id] = i
    return [Document(id=doc_id, text=d.text, title=d.title, url=d.url, outlet=d.outlet)
            for doc_id, d in zip(ids, req.documents, strict=True)]


def read_json(body: Any, limits: Limits) -> Request:
    """A parsed body -> the request model/ analyzes, or RequestError (422)."""
    req = validate(body, limits)
    return Request(documents(req), AnalysisOptions(explain=req.options.explain), req.client_token)


def read_request(data: bytes, limits: Limits) -> Request:
    """Body bytes -> the request, checked in HTTP's order: size (413), JSON (400), shape (422)."""
    if len(data) > limits.max_body_bytes:
        raise too_large(len(data), limits.max_body_bytes)
    return read_json(parse_json(data), limits)


def answer_body(result: dict, client_token: str | None) -> dict:
    """model.analyze's result as the 200 body: the caller's client_token echoed last."""
    if client_token is not None:
        result["client_token"] = client_token
    return result
