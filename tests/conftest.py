"""Shared fixtures: an app serving the shipped model with default settings, and its test client."""

from __future__ import annotations

import os

import pytest

# Records are built frozen under test (model.types.record): any assignment to one raises here, before serving.
os.environ["SOURCING_FROZEN_RECORDS"] = "1"


@pytest.fixture
def app():
    from service import create_app

    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(autouse=True, scope="session")
def _record_requests():
    """With REGRESS_RECORD set (bench/regress.py), append every analyzed request to that file."""
    import json
    import os

    path = os.environ.get("REGRESS_RECORD")
    if not path:
        yield
        return
    import model

    original = model.Analyzer.analyze

    def recording(self, documents, options=None):
        explain = options.explain if options is not None else True
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"documents": [{"id": d.id, "text": d.text} for d in documents],
                                "explain": explain}) + "\n")
        return original(self, documents, options)

    model.Analyzer.analyze = recording
    yield
    model.Analyzer.analyze = original
