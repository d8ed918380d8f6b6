"""POST /v1/score and GET /v1/model: the happy paths and the request shapes they accept."""

from __future__ import annotations

import gc
import json
import logging

import pytest

from service import create_app

SEED = (
    "The Kurdish forces took the town on Sunday, an official Kurdish source who asked not to be identified told "
    "reporters.\nThe ministry dismissed the reports.\nIt is believed that fighting continues."
)


def score(client, body, **kw):
    return client.post("/v1/score", json=body, **kw)


def test_batch_answers_every_document_in_order(client):
    r = score(client, {"documents": [{"id": "b", "text": SEED}, {"id": "a", "text": "One line."}]})
    assert r.status_code == 200
    assert r.mimetype == "application/json"
    body = r.get_json()
    assert [d["id"] for d in body["documents"]] == ["b", "a"]
    assert set(body["model"]) >= {"name", "version", "sha256"}
    assert "client_token" not in body


def test_claims_carry_ids_and_offsets_into_the_text(client):
    body = score(client, {"documents": [{"id": "aj-1", "text": SEED}]}).get_json()
    claims = body["documents"][0]["claims"]
    assert claims, "the seed lines should give claims"
    for n, c in enumerate(claims):
        assert c["id"] == f"aj-1:{n}"
        assert SEED[c["start"]:c["end"]] == c["text"]
        assert c["kind"] in {"named_person", "named_organization", "anonymous", "unattributed"}
        assert c["score"] is None or 0 <= c["score"] <= 1


def test_bare_text_is_one_document_with_id_0(client):
    body = score(client, {"text": "The army said it withdrew.", "client_token": "req-42"}).get_json()
    assert [d["id"] for d in body["documents"]] == ["0"]
    assert body["client_token"] == "req-42"


def test_client_token_echoed_unchanged(client):
    token = "  ünïcode \u2028 token with spaces  "
    body = score(client, {"documents": [{"text": "x"}], "client_token": token}).get_json()
    assert body["client_token"] == token


def test_missing_ids_count_up_and_skip_ids_taken(client):
    docs = [{"text": "a"}, {"id": "1", "text": "b"}, {"text": "c"}, {"text": "d"}]
    body = score(client, {"documents": docs}).get_json()
    assert [d["id"] for d in body["documents"]] == ["0", "1", "2", "3"]


def test_explain_false_drops_features_and_explanation_only(client):
    on = score(client, {"documents": [{"id": "a", "text": SEED}]}).get_json()["documents"][0]["claims"][0]
    off = score(client, {"documents": [{"id": "a", "text": SEED}],
                         "options": {"explain": False}}).get_json()["documents"][0]["claims"][0]
    assert "features" in on and "explanation" in on
    assert "features" not in off and "explanation" not in off
    assert {k: v for k, v in on.items() if k not in ("features", "explanation")} == off


def test_optional_document_fields_accepted(client):
    doc = {"id": "x", "text": "Police said so.", "title": "T", "url": "https://example.org/a", "outlet": None}
    assert score(client, {"documents": [doc]}).status_code == 200


def test_response_keeps_documented_field_order(client):
    r = score(client, {"documents": [{"id": "a", "text": "Police said so."}]})
    assert list(json.loads(r.data)) == ["model", "documents"]


def test_model_card(client):
    r = client.get("/v1/model")
    assert r.status_code == 200
    assert r.mimetype == "application/json"
    assert isinstance(r.get_json(), dict)


def test_limits_come_from_environment(monkeypatch):
    monkeypatch.setenv("RELIABILITY_MAX_DOCUMENTS", "2")
    client = create_app().test_client()
    assert score(client, {"documents": [{"text": "a"}] * 2}).status_code == 200
    assert score(client, {"documents": [{"text": "a"}] * 3}).status_code == 422


def test_config_overrides_environment(monkeypatch):
    monkeypatch.setenv("RELIABILITY_MAX_DOCUMENT_CHARS", "5")
    client = create_app({"max_document_chars": 10}).test_client()
    assert score(client, {"text": "x" * 10}).status_code == 200
    assert score(client, {"text": "x" * 11}).status_code == 422


def test_request_id_echoed_or_generated(client):
    r = score(client, {"text": "a"}, headers={"X-Request-ID": "abc-123"})
    assert r.headers["X-Request-ID"] == "abc-123"
    generated = score(client, {"text": "a"}, headers={"X-Request-ID": "bad id\twith\x7f" + "x" * 200})
    assert generated.headers["X-Request-ID"] != ""
    assert " " not in generated.headers["X-Request-ID"]
    assert client.get("/healthz").headers["X-Request-ID"] != client.get("/healthz").headers["X-Request-ID"]


def test_one_json_log_line_per_request_without_text(client, caplog):
    secret = "The secret article sentence that must not be logged."
    with caplog.at_level(logging.INFO, logger="service.access"):
        score(client, {"documents": [{"id": "a", "text": secret}]}, headers={"X-Request-ID": "rid-1"})
    records = [r for r in caplog.records if r.name == "service.access"]
    assert len(records) == 1
    rec = records[0]
    assert (rec.method, rec.path, rec.status, rec.request_id) == ("POST", "/v1/score", 200, "rid-1")
    assert rec.claims >= 1 and rec.duration_ms >= 0
    from service.logs import JsonFormatter

    line = JsonFormatter().format(rec)
    assert json.loads(line)["request_id"] == "rid-1"
    assert "secret article" not in line


def test_metrics_count_requests_and_claims(client):
    from prometheus_client import REGISTRY

    def sample(name, labels=None):
        return REGISTRY.get_sample_value(name, labels or {}) or 0.0

    ok = {"route": "/v1/score", "method": "POST", "status": "200"}
    before = (sample("http_requests_total", ok), sample("claims_scored_total"),
              sample("http_request_duration_seconds_count", {"route": "/v1/score"}))
    body = score(client, {"documents": [{"id": "a", "text": SEED}]}).get_json()
    claims = len(body["documents"][0]["claims"])
    assert sample("http_requests_total", ok) == before[0] + 1
    assert sample("claims_scored_total") == before[1] + claims
    assert sample("http_request_duration_seconds_count", {"route": "/v1/score"}) == before[2] + 1
    client.get("/no/such/route")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'http_requests_total{method="GET",route="unmatched",status="404"}' in text
    assert "claims_scored_total" in text


def test_bad_setting_fails_at_start_naming_the_variable(monkeypatch):
    monkeypatch.setenv("RELIABILITY_MAX_DOCUMENTS", "lots")
    with pytest.raises(ValueError, match="RELIABILITY_MAX_DOCUMENTS"):
        create_app()
    monkeypatch.setenv("RELIABILITY_MAX_DOCUMENTS", "0")
    with pytest.raises(ValueError, match="max_documents"):
        create_app()


@pytest.mark.parametrize("text", [
    "The mayor said \ud800 the bridge would reopen on Monday.",  # beside a cue: the filter hashes its neighbours
    "\udfff\ud800 Officials said the bridge would reopen.",
    "Officials said the bridge would reopen.\udc00",
])
def test_a_lone_surrogate_in_the_text_is_replaced_not_a_500(client, text):
    # JSON may escape a lone surrogate; it has no UTF-8 form. It becomes U+FFFD, one character for one.
    r = client.post("/v1/score", data=json.dumps({"text": text}), content_type="application/json")
    assert r.status_code == 200
    fixed = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    for c in r.get_json()["documents"][0]["claims"]:
        assert fixed[c["start"]:c["end"]] == c["text"]


def test_what_the_app_loaded_is_out_of_the_cyclic_collectors_reach():
    """Frozen at start-up: a full collection walks only what requests made, not the ~155,000 loaded objects."""
    app = create_app()
    analyzer = app.extensions["analyzer"]
    alive = gc.get_objects()  # every generation the collector walks (the frozen ones are not among them)
    assert not any(o is analyzer for o in alive)
    assert gc.get_freeze_count() > 10_000
    assert len(alive) < gc.get_freeze_count()
