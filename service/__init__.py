"""The HTTP service: ``create_app()`` builds a Flask app around one model.Analyzer.

    gunicorn -c gunicorn.conf.py "service:create_app()"
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

import model
from service import api, errors, logs, openapi, ops, ui
from service.auth import Keys, RateLimiter
from service.config import Settings, load_settings
from service.jsonio import JSONProvider

__all__ = ["Settings", "create_app"]

log = logging.getLogger("service")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Settings from the environment, overridden by ``config`` (settings fields by name;
    upper-case keys go to ``app.config``, e.g. ``TESTING``)."""
    logs.configure_logging()
    config = dict(config or {})
    settings = load_settings(config)
    app = Flask(__name__)
    app.config.update({k: v for k, v in config.items() if k.isupper()})
    app.json = JSONProvider(app)  # compact UTF-8, the batch command's bytes, documented field order

    keys = Keys(settings.key_digests())
    app.extensions["settings"] = settings
    app.extensions["keys"] = keys
    limit = settings.rate_limit_per_minute
    app.extensions["rate_limiter"] = RateLimiter(limit) if limit else None
    # Loads and verifies the artifact once; under gunicorn this happens in the
    # master before fork (preload), and nothing here predicts.
    analyzer = app.extensions["analyzer"] = model.Analyzer(settings.model_dir)
    if not analyzer.ready:
        # Serve anyway (healthz, readyz say why, /v1 answers 503), but say it where operators look.
        log.error("model not ready: %s", analyzer.problem)

    logs.register(app)
    ops.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(ui.bp)  # the editor's page at / (no key needed to load it)
    errors.register(app)
    # Last, once every route is registered: the document is derived from them.
    app.extensions["openapi"] = openapi.document(app, settings, keyed=keys.enabled)
    model.freeze_loaded()
    return app

