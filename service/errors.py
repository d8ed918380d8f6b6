"""Every error as ``application/problem+json`` (RFC 9457).

Callers branch on ``status`` and, for 422, on ``errors[].loc``; ``type`` is
``about:blank`` throughout, so ``title`` is the HTTP status phrase.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from model.request import RequestError, encode_problem, problem_body

PROBLEM_JSON = "application/problem+json"

log = logging.getLogger("service.errors")


class Problem(RequestError):
    """Raised anywhere in a request to answer with a problem+json document; model/'s RequestError plus headers."""

    def __init__(self, status: int, detail: str, headers: Mapping[str, str] | None = None,
                 errors: Sequence[Mapping[str, str]] | None = None, reason: str | None = None) -> None:
        super().__init__(status, detail, errors=errors, reason=reason)
        self.headers = dict(headers or {})


def problem_response(status: int, detail: str, headers: Mapping[str, str] | None = None,
                     errors: Sequence[Mapping[str, str]] | None = None) -> Response:
    # The same body the batch command writes for a rejected record, plus this request's id.
    body = problem_body(status, detail, request.path, g.get("request_id"), errors)
    response = Response(encode_problem(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _http_detail(e: HTTPException) -> str:
    """werkzeug's descriptions, made specific where the caller can act on it."""
    if e.code == 404:
        return f"No route {request.path!r}; see /openapi.json for the routes this service has."
    if e.code == 405:
        allowed = e.get_response().headers.get("Allow", "")
        return f"{request.method} is not allowed on {request.path!r}; allowed: {allowed}."
    if e.code == 413:
        return "The request body is larger than this service accepts."
    return e.description or HTTPStatus(e.code or 500).phrase


def handle_http_exception(e: HTTPException) -> Response:
    # Keep werkzeug's headers (Allow on 405, Retry-After, WWW-Authenticate);
    # replace only the HTML body.
    original = e.get_response()
    keep = {k: v for k, v in original.headers.items() if k.lower() not in ("content-type", "content-length")}
    g.problem_reason = HTTPStatus(e.code or 500).phrase.lower().replace(" ", "_")
    return problem_response(e.code or 500, _http_detail(e), headers=keep)


def handle_problem(e: RequestError) -> Response:
    g.problem_reason = e.reason
    return problem_response(e.status, e.detail, headers=getattr(e, "headers", None), errors=e.errors)


def handle_unexpected(e: Exception) -> Response:
    # Last resort: a bug. Log it with the request id; never put it in the body.
    log.exception("unhandled error", extra={"request_id": g.get("request_id")})
    g.problem_reason = "internal_error"
    return problem_response(500, "The service failed on this request; it has been logged.")


def register(app: Flask) -> None:
    app.register_error_handler(RequestError, handle_problem)  # Problem too: it is one
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
