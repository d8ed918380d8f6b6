"""Shared fixtures: an app serving the shipped model with default settings, and its test client."""

from __future__ import annotations

import pytest


@pytest.fixture
def app():
    from service import create_app

    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
