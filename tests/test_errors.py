"""Every error is application/problem+json (RFC 9457) with the status the contract names."""

from __future__ import annotations

import io

import pytest

from service import create_app

PROBLEM = "application/problem+json"


def assert_problem(r, status: int) -> dict:
    assert r.status_code == status, r.data
    assert r.mimetype == PROBLEM
    body = r.get_json(force=True)
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    assert body["detail"]
    assert "Traceback" not in r.get_data(as_text=True)
    return body


def post(client, data, content_type="application/json", **kw):
    return client.post("/v1/score", data=data, content_type=content_type, **kw)


@pytest.mark.parametrize("data", [b"{", b"", b"nope", b'{"text": NaN}', b"[" * 100_000, b'{"text": "\xff"}',
                                  b'{"text": 1' + b"0" * 5000 + b"}"])
def test_not_json_is_400(client, data):
    assert_problem(post(client, data), 400)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "", "application/jsonx"])
def test_wrong_content_type_is_415(client, content_type):
    body = assert_problem(post(client, b'{"text": "a"}', content_type=content_type), 415)
    assert "application/json" in body["detail"]


def test_compressed_body_is_415(client):
    r = post(client, b"\x1f\x8b\x08\x00", headers={"Content-Encoding": "gzip"})
    assert "gzip" in assert_problem(r, 415)["detail"]


def test_json_with_charset_is_accepted(client):
    assert post(client, b'{"text": "a"}', content_type="application/json; charset=utf-8").status_code == 200


@pytest.mark.parametrize(("body", "loc"), [
    ({"documents": [{"id": "a"}]}, "documents[0].text"),
    ({"documents": [{"text": 5}]}, "documents[0].text"),
    ({"documents": [{"text": "a", "id": ""}]}, "documents[0].id"),
    ({"documents": [{"text": "a", "id": "x" * 201}]}, "documents[0].id"),
    ({"documents": [{"text": "a", "id": 7}]}, "documents[0].id"),
    ({"documents": [{"text": "a"}], "options": {"explain": "yes"}}, "options.explain"),
    ({"documents": [{"text": "a"}], "optoins": {}}, "optoins"),
    ({"documents": []}, "documents"),
    ({"documents": {"text": "a"}}, "documents"),
    ({"text": None}, "text"),
    ({"text": "a", "client_token": 5}, "client_token"),
    ({}, "text"),
    ([{"text": "a"}], ""),
    ("text", ""),
])
def test_wrong_shape_is_422_naming_the_field(client, body, loc):
    problem = assert_problem(client.post("/v1/score", json=body), 422)
    assert loc in [e["loc"] for e in problem["errors"]]
    assert problem["detail"].startswith(loc or "body")


def test_duplicate_ids_are_422(client):
    docs = [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}, {"id": "a", "text": "z"}]
    problem = assert_problem(client.post("/v1/score", json={"documents": docs}), 422)
    assert problem["errors"][0]["loc"] == "documents[2].id"
    assert "documents[0].id" in problem["detail"]


def test_input_is_not_echoed_in_validation_errors(client):
    secret = "article text that should stay private"
    problem = assert_problem(client.post("/v1/score", json={"documents": [{"text": secret, "id": 3}]}), 422)
    assert secret not in str(problem)


def test_limits_are_422():
    client = create_app({"max_documents": 3, "max_document_chars": 10}).test_client()
    problem = assert_problem(client.post("/v1/score", json={"documents": [{"text": "a"}] * 4}), 422)
    assert problem["errors"][0]["loc"] == "documents" and "limit is 3" in problem["detail"]
    problem = assert_problem(client.post("/v1/score", json={"documents": [{"text": "a"}, {"text": "b" * 11}]}), 422)
    assert problem["errors"][0]["loc"] == "documents[1].text" and "limit is 10" in problem["detail"]


def test_oversize_body_is_413_before_reading():
    client = create_app({"max_body_bytes": 100}).test_client()
    assert post(client, b'{"text": "' + b"a" * 80 + b'"}').status_code == 200
    body = assert_problem(post(client, b'{"text": "' + b"a" * 200 + b'"}'), 413)
    assert "100" in body["detail"]


def test_oversize_declared_length_is_413_without_a_body():
    # The Content-Length alone decides: the body is never read.
    client = create_app({"max_body_bytes": 100}).test_client()
    r = client.post("/v1/score", content_type="application/json", input_stream=_Unreadable(),
                    environ_overrides={"CONTENT_LENGTH": "1000000"})
    assert_problem(r, 413)


class _Unreadable(io.BytesIO):
    def read(self, *args):
        raise AssertionError("the body was read")


def test_chunked_oversize_body_is_413():
    app = create_app({"max_body_bytes": 100})
    environ = {"wsgi.input_terminated": True}  # what gunicorn sets for a chunked body
    with app.test_client() as client:
        r = client.post("/v1/score", content_type="application/json", data=b'{"text": "' + b"a" * 500 + b'"}',
                        headers={"Transfer-Encoding": "chunked"}, environ_overrides=environ)
    assert_problem(r, 413)


def test_unknown_route_is_404(client):
    body = assert_problem(client.get("/v2/score"), 404)
    assert body["instance"] == "/v2/score"


@pytest.mark.parametrize(("method", "path"), [("get", "/v1/score"), ("put", "/v1/score"), ("post", "/healthz"),
                                              ("delete", "/v1/model")])
def test_wrong_method_is_405_with_allow(client, method, path):
    r = getattr(client, method)(path)
    assert_problem(r, 405)
    assert r.headers["Allow"]


def test_model_not_ready_is_503_and_readyz_says_why(tmp_path, monkeypatch):
    import model

    monkeypatch.setattr(model.Analyzer, "ready", property(lambda self: False))
    monkeypatch.setattr(model.Analyzer, "analyze", _raise_not_ready)
    monkeypatch.setattr(model.Analyzer, "card", _raise_not_ready)
    app = create_app({"model_dir": str(tmp_path)})
    app.extensions["analyzer"].problem = "artifact sha256 mismatch"
    client = app.test_client()
    assert "sha256 mismatch" in assert_problem(client.get("/readyz"), 503)["detail"]
    assert "sha256 mismatch" in assert_problem(client.post("/v1/score", json={"text": "a"}), 503)["detail"]
    assert_problem(client.get("/v1/model"), 503)
    assert client.get("/healthz").status_code == 200


def _raise_not_ready(self, *args, **kwargs):
    import model

    raise model.NotReady(self.problem)


def test_unexpected_exception_is_logged_500_without_traceback(app, caplog, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(app.extensions["analyzer"], "analyze", boom)
    with caplog.at_level("ERROR", logger="service.errors"):
        body = assert_problem(app.test_client().post("/v1/score", json={"text": "a"}), 500)
    assert "internal detail" not in str(body)
    assert any(r.exc_info for r in caplog.records if r.name == "service.errors")


def test_problem_carries_request_id(client):
    body = assert_problem(client.get("/nope", headers={"X-Request-ID": "trace-9"}), 404)
    assert body["request_id"] == "trace-9"


def test_rejected_documents_are_counted(client):
    from prometheus_client import REGISTRY

    def rejected() -> float:
        return REGISTRY.get_sample_value("documents_rejected_total", {"reason": "invalid"}) or 0.0

    before = rejected()
    client.post("/v1/score", json={"documents": [{"text": 1}, {"text": "a"}, {"text": "b"}]})
    assert rejected() == before + 3
