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

from service import openapi as oas
from service.errors import Problem
from service.schemas import Status

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
@oas.operation("The process is alive.", ok=Status, ok_description="Alive.")
def healthz() -> Response:
    """The process is alive and answering; says nothing about the model."""
    return jsonify(status="ok")


@bp.get("/readyz")
@oas.operation("The model is loaded and verified.", ok=Status, ok_description="Ready.", errors=(503,))
def readyz() -> Response:
    """Ready when the model artifact loaded and passed its sha256 check."""
    analyzer = current_app.extensions["analyzer"]
    if not analyzer.ready:
        raise Problem(503, f"The model is not ready: {analyzer.problem or 'not loaded'}", reason="not_ready")
    return jsonify(status="ready")


@bp.get("/metrics")
@oas.operation("Prometheus metrics.", ok={"text/plain": {"schema": {"type": "string"}}},
               ok_description="Prometheus text exposition format.")
def metrics() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Under several gunicorn workers each writes its own files; sum them per scrape.
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    # content_type, not mimetype: Flask would append a second "; charset=utf-8" to a text/* mimetype.
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


@bp.get("/openapi.json")
@oas.operation("This document.", ok={"application/json": {"schema": {"type": "object"}}},
               ok_description="OpenAPI 3.1.")
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
