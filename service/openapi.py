"""/openapi.json, built from the app's registered routes and the metadata each view carries.

A view declares what it answers next to its code::

    @bp.get("/model")
    @openapi.operation("The model card.", ok=ModelCard, ok_description="The model card.", errors=(503,))
    def model_card(): ...

``document(app, ...)`` walks ``app.url_map``: every route outside the skipped
blueprints must carry that metadata, so a new route cannot be left out of the
document (building the app fails, naming it). The statuses a route's
blueprint adds (401 and 429 from the key check on /v1) and those every route
can give (404, 405) are added here, each with the problem+json schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import Flask
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from service import auth
from service.config import Settings
from service.schemas import ProblemDetails

# Blueprints that are pages, not API: the editor's web page and its assets. Flask's own "static" endpoint
# is skipped too.
SKIP_BLUEPRINTS = frozenset({"ui"})

PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetails"}

View = TypeVar("View", bound=Callable[..., Any])


@dataclass(frozen=True)
class Operation:
    """What one view answers: its 200 (a pydantic model as JSON, or raw OpenAPI content) and its errors."""

    summary: str
    ok: type[BaseModel] | dict
    ok_description: str
    errors: tuple[int, ...] = ()
    body: tuple[type[BaseModel], ...] = ()  # accepted JSON bodies (oneOf); empty: no body


def operation(summary: str, *, ok: type[BaseModel] | dict, ok_description: str, errors: tuple[int, ...] = (),
              body: tuple[type[BaseModel], ...] = ()) -> Callable[[View], View]:
    """Attach the view's OpenAPI metadata; the view itself is unchanged."""
    def mark(view: View) -> View:
        view.openapi = Operation(summary, ok, ok_description, tuple(errors), tuple(body))  # type: ignore[attr-defined]
        return view
    return mark


def _header(description: str, type_: str = "string") -> dict:
    return {"description": description, "schema": {"type": type_}}


def _problem(description: str, headers: dict | None = None) -> dict:
    response: dict = {"description": description, "content": {"application/problem+json": {"schema": PROBLEM_REF}}}
    if headers:
        response["headers"] = headers
    return response


def error_responses(settings: Settings) -> dict[int, dict]:
    """Every error status the service sends, with when it sends it."""
    return {
        400: _problem("The body is not JSON (or not UTF-8)."),
        401: _problem("API keys are configured and the key is missing or wrong.",
                      {"WWW-Authenticate": _header("Bearer challenge.")}),
        404: _problem("No such route (a path this service lacks, e.g. with a trailing slash)."),
        405: _problem("The path exists but not with this method.", {"Allow": _header("The methods the path has.")}),
        413: _problem(f"The body is over {settings.max_body_bytes} bytes (refused from its length, unread)."),
        415: _problem("The content type is not application/json, or the body is compressed."),
        422: _problem("Wrong shape or type, too many documents, a document too long, or duplicate ids; "
                      "`errors[].loc` names each field."),
        429: _problem("Over the rate limit.", {"Retry-After": _header("Seconds to wait.", "integer")}),
        503: _problem("The model is missing or failed its sha256 check."),
    }


REQUEST_ID_PARAMETER = {
    "name": "X-Request-ID", "in": "header", "required": False,
    "description": "Echoed back; 1–128 visible ASCII characters, otherwise one is generated.",
    "schema": {"type": "string"}}
SECURITY: list[dict[str, list[str]]] = [{"bearer": []}, {"apiKey": []}]


def blueprint_of(endpoint: str) -> list[str]:
    """'a.b.view' -> ['a', 'a.b']: the blueprint and its parents, outermost first."""
    parts = endpoint.split(".")[:-1]
    return [".".join(parts[:i + 1]) for i in range(len(parts))]


def _guarded(app: Flask, endpoint: str) -> bool:
    """The route runs the key and rate-limit check (auth.check) before its view."""
    scopes = [None, *blueprint_of(endpoint)]
    return any(auth.check in app.before_request_funcs.get(scope, []) for scope in scopes)


def _statuses(op: Operation, guarded: bool, settings: Settings, keyed: bool) -> list[int]:
    added = [401] if guarded and keyed else []
    added += [429] if guarded and settings.rate_limit_per_minute else []
    return sorted({*op.errors, *added, 404, 405})


def _ok(op: Operation) -> dict:
    if isinstance(op.ok, dict):
        return {"description": op.ok_description, "content": op.ok}
    schema = {"$ref": f"#/components/schemas/{op.ok.__name__}"}
    return {"description": op.ok_description, "content": {"application/json": {"schema": schema}}}


def _operation(op: Operation, guarded: bool, settings: Settings, keyed: bool) -> dict:
    errors = error_responses(settings)
    responses = {"200": _ok(op), **{str(code): errors[code] for code in _statuses(op, guarded, settings, keyed)}}
    # Every answer, error or not, carries the request id.
    request_id = _header("The request's id (the caller's, or generated).")
    responses = {code: {**r, "headers": {**r.get("headers", {}), "X-Request-ID": request_id}}
                 for code, r in responses.items()}
    out: dict = {"summary": op.summary, "parameters": [REQUEST_ID_PARAMETER], "responses": responses}
    if guarded and keyed:
        out["security"] = SECURITY  # either scheme; open routes have none (no top-level security)
    if op.body:
        refs = [{"$ref": f"#/components/schemas/{m.__name__}"} for m in op.body]
        schema = refs[0] if len(refs) == 1 else {"oneOf": refs}
        out["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    return out


def _path(rule: str) -> str:
    """Flask's '/a/<int:b>' -> OpenAPI's '/a/{b}'."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def operations(app: Flask) -> list[tuple[str, str, str, Operation]]:
    """(path, method, endpoint, metadata) of every documented route, in path order."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or set(blueprint_of(rule.endpoint)) & SKIP_BLUEPRINTS:
            continue
        op = getattr(app.view_functions[rule.endpoint], "openapi", None)
        if op is None:
            raise LookupError(f"route {rule.rule} ({rule.endpoint}) has no @openapi.operation: describe what it "
                              f"answers, or serve it from a blueprint in service.openapi.SKIP_BLUEPRINTS")
        if rule.arguments:
            raise LookupError(f"route {rule.rule}: path parameters are not documented yet")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            out.append((_path(rule.rule), method.lower(), rule.endpoint, op))
    return sorted(out, key=lambda o: (o[0], o[1]))


def component_schemas(ops: list[Operation], settings: Settings) -> dict:
    """JSON Schema of every model a route takes or answers, plus ProblemDetails; configured limits filled in."""
    requests = {m for op in ops for m in op.body}
    answers = {op.ok for op in ops if not isinstance(op.ok, dict)} | {ProblemDetails}
    models: list[tuple[type[BaseModel], JsonSchemaMode]]  # the mode a Literal, as models_json_schema takes it
    models = [(m, "validation") for m in sorted(requests, key=lambda m: m.__name__)]
    models += [(m, "serialization") for m in sorted(answers, key=lambda m: m.__name__)]
    _, top = models_json_schema(models, ref_template="#/components/schemas/{model}")
    schemas = top["$defs"]
    # The configured limits, not the defaults, so a generated client knows them.
    for name in ("DocumentIn", "SingleDocumentRequest"):
        if name in schemas:
            schemas[name]["properties"]["text"]["maxLength"] = settings.max_document_chars
    if "ScoreRequest" in schemas:
        schemas["ScoreRequest"]["properties"]["documents"]["maxItems"] = settings.max_documents
    return schemas


def document(app: Flask, settings: Settings, keyed: bool) -> dict:
    """OpenAPI 3.1 of every documented route of ``app`` under these settings (keys on or off)."""
    found = operations(app)
    paths: dict[str, dict] = {}
    for path, method, endpoint, op in found:
        paths.setdefault(path, {})[method] = _operation(op, _guarded(app, endpoint), settings, keyed)
    components: dict = {"schemas": component_schemas([op for *_, op in found], settings)}
    if keyed:
        components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"},
                                         "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Sourcing-based claim reliability", "version": "1",
                 "description": "Finds each claim in news text, works out how it is sourced, and scores it. "
                                "Every error is application/problem+json (RFC 9457). A 500 would be a bug "
                                "(no input should cause one) and is problem+json too."},
        # Relative: the host that served this document.
        "servers": [{"url": "/", "description": "The host serving this document."}],
        "paths": paths,
        "components": components,
    }
