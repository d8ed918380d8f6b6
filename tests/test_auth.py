"""API keys (Bearer or X-API-Key, plain or sha256-hashed in a file) and per-key rate limits."""

from __future__ import annotations

import hashlib
import logging

import pytest

from service import create_app
from service.auth import RateLimiter

KEY = "k-3f9a1c"


def keyed(**config):
    return create_app({"api_keys": f"{KEY}, other-key", **config}).test_client()


def score(client, headers=None):
    return client.post("/v1/score", json={"text": "a"}, headers=headers or {})


def test_no_keys_configured_means_open(client):
    assert score(client).status_code == 200


def test_missing_key_is_401_with_challenge():
    r = score(keyed())
    assert r.status_code == 401
    assert r.mimetype == "application/problem+json"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization" in r.get_json()["detail"]


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer wrong"}, {"X-API-Key": "wrong"},
                                     {"Authorization": KEY}, {"Authorization": f"Basic {KEY}"},
                                     {"X-API-Key": KEY[:-1]}])
def test_wrong_key_is_401(headers):
    r = score(keyed(), headers)
    assert r.status_code == 401
    assert 'error="invalid_token"' in r.headers["WWW-Authenticate"] or "Authorization" in r.get_json()["detail"]


@pytest.mark.parametrize("headers", [{"Authorization": f"Bearer {KEY}"}, {"X-API-Key": KEY},
                                     {"Authorization": "bearer other-key"}])
def test_valid_key_is_served(headers):
    assert score(keyed(), headers).status_code == 200


def test_keys_from_environment(monkeypatch):
    monkeypatch.setenv("RELIABILITY_API_KEYS", KEY)
    client = create_app().test_client()
    assert score(client).status_code == 401
    assert score(client, {"X-API-Key": KEY}).status_code == 200


def test_hashed_keys_file(tmp_path):
    path = tmp_path / "keys"
    path.write_text(f"# service keys\n{hashlib.sha256(KEY.encode()).hexdigest()}\n\n")
    client = create_app({"api_keys_file": str(path)}).test_client()
    assert score(client, {"X-API-Key": KEY}).status_code == 200
    assert score(client, {"X-API-Key": hashlib.sha256(KEY.encode()).hexdigest()}).status_code == 401


def test_keys_file_with_a_bad_line_is_refused_without_echoing_it(tmp_path):
    path = tmp_path / "keys"
    path.write_text("plain-secret-key\n")
    with pytest.raises(ValueError, match=r":1: not a sha256") as info:
        create_app({"api_keys_file": str(path)})
    assert "plain-secret-key" not in str(info.value)


def test_health_and_ops_routes_stay_open():
    client = keyed()
    for path in ("/healthz", "/readyz", "/metrics", "/openapi.json"):
        assert client.get(path).status_code == 200, path
    assert client.get("/v1/model").status_code == 401


def test_keys_never_logged(caplog):
    client = keyed()
    with caplog.at_level(logging.DEBUG):
        score(client, {"X-API-Key": KEY})
        score(client, {"Authorization": "Bearer not-a-key-xyz"})
    assert caplog.records
    text = " ".join(str(r.__dict__) for r in caplog.records)
    assert KEY not in text and "not-a-key-xyz" not in text


def test_rate_limit_is_429_with_retry_after():
    client = keyed(rate_limit_per_minute=2)
    headers = {"X-API-Key": KEY}
    assert [score(client, headers).status_code for _ in range(2)] == [200, 200]
    r = score(client, headers)
    assert r.status_code == 429
    assert r.mimetype == "application/problem+json"
    assert int(r.headers["Retry-After"]) >= 1
    # Buckets are per key: another key still has its own.
    assert score(client, {"X-API-Key": "other-key"}).status_code == 200


def test_rate_limit_without_keys_counts_per_address():
    client = create_app({"rate_limit_per_minute": 1}).test_client()
    assert score(client).status_code == 200
    assert score(client).status_code == 429
    other = client.post("/v1/score", json={"text": "a"}, environ_overrides={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_token_bucket_refills_at_the_configured_rate():
    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])  # one a second, bursts of 60
    assert all(limiter.take("a") == 0 for _ in range(60))
    wait = limiter.take("a")
    assert wait == pytest.approx(1.0)
    now[0] += 0.5
    assert limiter.take("a") == pytest.approx(0.5)
    now[0] += 0.5
    assert limiter.take("a") == 0
    assert limiter.take("b") == 0


def test_openapi_declares_security_only_when_keys_are_configured(client):
    assert "security" not in client.get("/openapi.json").get_json()["paths"]["/v1/score"]["post"]
    doc = keyed().get("/openapi.json").get_json()
    assert doc["paths"]["/v1/score"]["post"]["security"]
    assert "401" in doc["paths"]["/v1/score"]["post"]["responses"]
