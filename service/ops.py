"""The operational surface: /healthz, /readyz, /metrics, /openapi.json, and the request metrics."""

from __future__ import annotations

import os
import time

from flask import Blueprint, Flask, Response, current_app, g, jsonify, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from pydantic.json_schema import models_json_schema

from service.config import Settings
from service.errors import Problem
from service.schemas import ModelCard, ProblemDetails, ScoreRequest, ScoreResponse, SingleDocumentRequest, Status

bp = Blueprint("ops", __name__)

# The *_created series only add noise to every scrape (and multiprocess mode has none).
disable_created_metrics()

REQUESTS = Counter("http_requests_total", "HTTP requests by route, method and status.",
                   ["route", "method", "status"])
LATENCY = Histogram("http_request_duration_seconds", "Time to answer a request, by route.", ["route"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
CLAIMS_SCORED = Counter("claims_scored_total", "Claims returned with a score by /v1/score.")
DOCUMENTS_REJECTED = Counter("documents_rejected_total",
                             "Documents in /v1/score requests answered with an error, by reason (a body whose "
                             "documents cannot be counted counts as one).", ["reason"])


@bp.get("/healthz")
def healthz() -> Response:
    """The process is alive and answering; says nothing about the model."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready when the model artifact loaded and passed its sha256 check."""
    analyzer = current_app.extensions["analyzer"]
    if not analyzer.ready:
        raise Problem(503, f"The model is not ready: {analyzer.problem or 'not loaded'}", reason="not_ready")
    return jsonify(status="ready")


@bp.get("/metrics")
def metrics() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Under several gunicorn workers each writes its own files; sum them per scrape.
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(current_app.extensions["openapi"])


def start_timer() -> None:
    g.metrics_started = time.perf_counter()


def observe(response: Response) -> Response:
    """Count every answered request; route is the rule, not the path, to bound label values."""
    route = request.url_rule.rule if request.url_rule else "unmatched"
    REQUESTS.labels(route, request.method, str(response.status_code)).inc()
    LATENCY.labels(route).observe(time.perf_counter() - g.get("metrics_started", time.perf_counter()))
    if route == "/v1/score" and response.status_code >= 400:
        DOCUMENTS_REJECTED.labels(g.get("problem_reason", "error")).inc(g.get("documents_in_body", 1))
    return response


def register(app: Flask) -> None:
    app.register_blueprint(bp)
    app.before_request(start_timer)
    app.after_request(observe)


# ------------------------------------------------------------------ OpenAPI

def _problem(description: str, headers: dict | None = None) -> dict:
    response = {"description": description,
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}}
    if headers:
        response["headers"] = headers
    return response


def _json(ref: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def _header(description: str, type_: str = "string") -> dict:
    return {"description": description, "schema": {"type": type_}}


def error_responses(settings: Settings) -> dict:
    return {
        "400": _problem("The body is not JSON (or not UTF-8)."),
        "401": _problem("API keys are configured and the key is missing or wrong.",
                        {"WWW-Authenticate": _header("Bearer challenge.")}),
        "413": _problem(f"The body is over {settings.max_body_bytes} bytes."),
        "415": _problem("The content type is not application/json, or the body is compressed."),
        "422": _problem("Wrong shape or type, too many documents, a document too long, or duplicate ids; "
                        "`errors[].loc` names each field."),
        "429": _problem("Over the rate limit.", {"Retry-After": _header("Seconds to wait.", "integer")}),
        "503": _problem("The model is missing or failed its sha256 check."),
    }


def paths(settings: Settings, auth_required: bool) -> dict:
    """Every route with every answer it can give under these settings."""
    errors = error_responses(settings)
    guard = (("401",) if auth_required else ()) + (("429",) if settings.rate_limit_per_minute else ())
    secured = {"security": [{"bearer": []}, {"apiKey": []}]} if auth_required else {}
    request_id = {"name": "X-Request-ID", "in": "header", "required": False,
                  "description": "Echoed back; 1–128 visible ASCII characters, otherwise one is generated.",
                  "schema": {"type": "string"}}

    def op(summary: str, responses: dict, **extra) -> dict:
        # Every answer, error or not, carries the request id.
        responses = {code: {**r, "headers": {**r.get("headers", {}),
                                             "X-Request-ID": _header("The request's id (the caller's, or generated).")}}
                     for code, r in responses.items()}
        return {"summary": summary, "parameters": [request_id], "responses": responses, **extra}

    body = {"required": True, "content": {"application/json": {"schema": {"oneOf": [
        {"$ref": "#/components/schemas/ScoreRequest"}, {"$ref": "#/components/schemas/SingleDocumentRequest"}]}}}}
    text = {"description": "Prometheus text exposition format.",
            "content": {"text/plain": {"schema": {"type": "string"}}}}
    document = {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}
    return {
        "/v1/score": {"post": op(
            "Score every claim of the documents, sourced and linked as one story.",
            {"200": _json("ScoreResponse", "Claims, their sourcing and scores, per document."),
             **{c: errors[c] for c in ("400", "413", "415", "422", *guard, "503")}},
            requestBody=body, **secured)},
        "/v1/model": {"get": op(
            "The model card: artifacts, features, training data, metrics.",
            {"200": _json("ModelCard", "The model card."), **{c: errors[c] for c in (*guard, "503")}}, **secured)},
        "/healthz": {"get": op("The process is alive.", {"200": _json("Status", "Alive.")})},
        "/readyz": {"get": op("The model is loaded and verified.",
                              {"200": _json("Status", "Ready."), "503": _problem("Not ready; `detail` says why.")})},
        "/metrics": {"get": op("Prometheus metrics.", {"200": text})},
        "/openapi.json": {"get": op("This document.", {"200": document})},
    }


def openapi_document(settings: Settings, auth_required: bool) -> dict:
    """OpenAPI 3.1 of every route, built from the models the routes validate with."""
    schemas = component_schemas()
    # The configured limits, not the defaults, so a generated client knows them.
    for name in ("DocumentIn", "SingleDocumentRequest"):
        schemas[name]["properties"]["text"]["maxLength"] = settings.max_document_chars
    schemas["ScoreRequest"]["properties"]["documents"]["maxItems"] = settings.max_documents
    return {
        "openapi": "3.1.0",
        "info": {"title": "Sourcing-based claim reliability", "version": "1",
                 "description": "Finds each claim in news text, works out how it is sourced, and scores it. "
                                "Every error is application/problem+json (RFC 9457); unknown routes answer 404 "
                                "and wrong methods 405 with Allow."},
        "paths": paths(settings, auth_required),
        "components": {
            "schemas": schemas,
            # Not tied to one operation: any unknown path, any method a path lacks.
            "responses": {
                "NotFound": _problem("No such route."),
                "MethodNotAllowed": _problem("The route exists but not with this method.",
                                             {"Allow": _header("The methods the route has.")}),
                "InternalError": _problem("A bug: the service failed on the request and logged it (never "
                                          "expected; no input should cause it)."),
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
        },
    }


def component_schemas() -> dict:
    models = [(m, "validation") for m in (ScoreRequest, SingleDocumentRequest)]
    models += [(m, "serialization") for m in (ScoreResponse, ModelCard, Status, ProblemDetails)]
    _, top = models_json_schema(models, ref_template="#/components/schemas/{model}")
    return top["$defs"]
