"""Request ids and one structured JSON log line per request.

The line says what happened to a request (method, path, status, duration,
request id, claims), never what it carried: no article text, no keys, no
query string.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request

# Visible ASCII only: the id goes into our logs and back into a header.
REQUEST_ID = re.compile(r"[\x21-\x7e]{1,128}")

access = logging.getLogger("service.access")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the record's extras."""

    FIELDS = ("method", "path", "status", "duration_ms", "request_id", "claims")

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({k: getattr(record, k) for k in self.FIELDS if hasattr(record, k)})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line)


JsonFormatter.converter = time.gmtime


def configure_logging() -> None:
    """JSON lines on stderr for the service's loggers, once per process.

    RELIABILITY_LOG_LEVEL (default info) also quiets the per-request lines:
    batch jobs calling create_app() in-process may set it to warning.
    """
    root = logging.getLogger("service")
    if root.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    level = os.environ.get("RELIABILITY_LOG_LEVEL", "info").upper()
    root.setLevel(level if level in logging.getLevelNamesMapping() else logging.INFO)
    root.propagate = False


def start_request() -> None:
    g.started = time.perf_counter()
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def finish_request(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.get("request_id", "")
    duration_ms = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    access.info("request", extra={
        "method": request.method,
        "path": request.path[:256],
        "status": response.status_code,
        "duration_ms": round(duration_ms, 2),
        "request_id": g.get("request_id"),
        "claims": g.get("claims", 0),
    })
    return response


def register(app: Flask) -> None:
    app.before_request(start_request)
    app.after_request(finish_request)
