"""The /v1 routes: read the request, validate it with model/request.py, call model/, answer JSON.

Each view carries its OpenAPI metadata (``@openapi.operation``); service/openapi.py builds the document
from the registered routes.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

import model
import model.request
from service import auth, openapi
from service.config import Settings
from service.errors import Problem
from service.ops import CLAIMS_SCORED
from service.schemas import ModelCard, ScoreRequest, ScoreResponse, SingleDocumentRequest

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
        raise model.request.too_large(length, limit)
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


def check_media_type() -> None:
    """415 unless the body is declared as uncompressed application/json."""
    if request.mimetype != "application/json":
        got = request.mimetype or "no content type"
        raise Problem(415, f"Send the body as application/json (got {got}).", reason="unsupported_media_type")
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise Problem(415, f"Content-Encoding {encoding[:40]!r} is not supported; send the body uncompressed.",
                      reason="unsupported_media_type")


def count_documents(body: Any) -> int:
    """How many documents a (possibly rejected) body carried, for the metrics."""
    if isinstance(body, dict) and isinstance(body.get("documents"), list):
        return len(body["documents"])
    return 1


@bp.post("/score")
@openapi.operation("Score every claim of the documents, sourced and linked as one story.",
                   ok=ScoreResponse, ok_description="Claims, their sourcing and scores, per document.",
                   body=(ScoreRequest, SingleDocumentRequest), errors=(400, 413, 415, 422, 503))
def score() -> Response:
    g.documents_in_body = 1  # until the body says otherwise
    check_media_type()
    body = model.request.parse_json(read_body(settings().max_body_bytes))
    g.documents_in_body = count_documents(body)
    req = model.request.read_json(body, settings().limits())
    try:
        result = analyzer().analyze(req.documents, req.options)
    except model.NotReady as e:
        raise Problem(503, f"The model is not ready: {e}", reason="not_ready") from None
    g.claims = sum(len(d["claims"]) for d in result["documents"])
    CLAIMS_SCORED.inc(g.claims)
    # jsonify and the batch command's model.request.encode_answer write the same bytes (tests/test_batch.py).
    return jsonify(model.request.answer_body(result, req.client_token))


@bp.get("/model")
@openapi.operation("The model card: artifacts, features, training data, metrics.",
                   ok=ModelCard, ok_description="The model card.", errors=(503,))
def model_card() -> Response:
    try:
        return jsonify(analyzer().card())
    except model.NotReady as e:
        raise Problem(503, f"The model is not ready: {e}", reason="not_ready") from None
