"""The /v1 routes: read and validate the request, call model/, answer JSON."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request
from pydantic import ValidationError

import model
from service import auth
from service.config import Settings
from service.errors import Problem
from service.ops import CLAIMS_SCORED
from service.schemas import DocumentIn, ScoreRequest, SingleDocumentRequest

bp = Blueprint("api", __name__, url_prefix="/v1")
bp.before_request(auth.check)


def settings() -> Settings:
    return current_app.extensions["settings"]


def analyzer() -> model.Analyzer:
    return current_app.extensions["analyzer"]


def read_body(limit: int) -> bytes:
    """The raw body, refusing more than ``limit`` bytes without reading them all."""
    length = request.content_length
    if length is not None and length > limit:
        raise Problem(413, f"The body is {length} bytes; the limit is {limit}.", reason="too_large")
    # Chunked bodies carry no length: read one byte past the limit to tell.
    # (werkzeug's own MAX_CONTENT_LENGTH is left off: it truncates a chunked
    # body at the limit, which then fails as bad JSON, a 400, not a 413.)
    chunks, size = [], 0
    while size <= limit:
        chunk = request.stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise Problem(413, f"The body is over the limit of {limit} bytes.", reason="too_large")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def check_media_type() -> None:
    """415 unless the body is declared as uncompressed application/json."""
    if request.mimetype != "application/json":
        got = request.mimetype or "no content type"
        raise Problem(415, f"Send the body as application/json (got {got}).", reason="unsupported_media_type")
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise Problem(415, f"Content-Encoding {encoding[:40]!r} is not supported; send the body uncompressed.",
                      reason="unsupported_media_type")


def parse_json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError as e:
        detail = f"The body is not UTF-8: invalid byte at position {e.start}."
        raise Problem(400, detail, reason="invalid_json") from None
    except json.JSONDecodeError as e:
        detail = f"The body is not JSON: {e.msg} at line {e.lineno} column {e.colno}."
        raise Problem(400, detail, reason="invalid_json") from None
    except (ValueError, RecursionError) as e:
        # NaN/Infinity, integers too long to convert, nesting too deep.
        raise Problem(400, f"The body is not usable JSON: {str(e)[:200]}", reason="invalid_json") from None


def field_path(loc: tuple[int | str, ...]) -> str:
    """('documents', 2, 'id') -> 'documents[2].id'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def invalid(issues: list[dict[str, str]]) -> Problem:
    first = issues[0]
    where = first["loc"] or "body"
    more = f" (and {len(issues) - 1} more, see errors)" if len(issues) > 1 else ""
    return Problem(422, f"{where}: {first['msg']}{more}", errors=issues, reason="invalid")


def validate(body: Any) -> ScoreRequest:
    """One validated request; a bare document becomes a batch of one."""
    if not isinstance(body, dict):
        raise invalid([{"loc": "", "msg": f"the body must be a JSON object, not {type(body).__name__}",
                        "type": "model_type"}])
    s = settings()
    context = {"max_documents": s.max_documents, "max_document_chars": s.max_document_chars}
    try:
        if "documents" in body:
            req = ScoreRequest.model_validate(body, context=context)
        else:
            single = SingleDocumentRequest.model_validate(body, context=context)
            doc = DocumentIn(**single.model_dump(include=set(DocumentIn.model_fields)))
            req = ScoreRequest(documents=[doc], options=single.options, client_token=single.client_token)
    except ValidationError as e:
        # Messages and paths only: the input itself may be a whole article.
        raise invalid([{"loc": field_path(err["loc"]), "msg": err["msg"], "type": err["type"]}
                       for err in e.errors(include_url=False, include_input=False)]) from None
    return req


def documents(req: ScoreRequest) -> list[model.Document]:
    """Fill in missing ids (model.document_ids) and refuse duplicates."""
    ids = model.document_ids([d.id for d in req.documents])
    seen: dict[str, int] = {}
    for i, doc_id in enumerate(ids):
        if doc_id in seen:
            raise invalid([{"loc": f"documents[{i}].id", "msg": f"duplicates documents[{seen[doc_id]}].id",
                            "type": "duplicate"}])
        seen[doc_id] = i
    return [model.Document(id=doc_id, text=d.text, title=d.title, url=d.url, outlet=d.outlet)
            for doc_id, d in zip(ids, req.documents, strict=True)]


def count_documents(body: Any) -> int:
    """How many documents a (possibly rejected) body carried, for the metrics."""
    if isinstance(body, dict) and isinstance(body.get("documents"), list):
        return len(body["documents"])
    return 1


@bp.post("/score")
def score() -> Response:
    g.documents_in_body = 1  # until the body says otherwise
    check_media_type()
    body = parse_json(read_body(settings().max_body_bytes))
    g.documents_in_body = count_documents(body)
    req = validate(body)
    docs = documents(req)
    try:
        result = analyzer().analyze(docs, model.Options(explain=req.options.explain))
    except model.NotReady as e:
        raise Problem(503, f"The model is not ready: {e}", reason="not_ready") from None
    g.claims = sum(len(d["claims"]) for d in result["documents"])
    CLAIMS_SCORED.inc(g.claims)
    if req.client_token is not None:
        result["client_token"] = req.client_token
    return jsonify(result)


@bp.get("/model")
def model_card() -> Response:
    try:
        return jsonify(analyzer().card())
    except model.NotReady as e:
        raise Problem(503, f"The model is not ready: {e}", reason="not_ready") from None
