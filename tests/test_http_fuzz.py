"""Arbitrary JSON and arbitrary bytes, to every route: never a 500, every error problem+json."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service import create_app

# Small limits so the limit paths are reached too, without big inputs.
LIMITS = {"TESTING": True, "max_body_bytes": 4096, "max_documents": 4, "max_document_chars": 600}
APP = create_app(LIMITS)
# Keys and a rate limit put auth.check in front of everything; "k" is a valid key.
KEYED = create_app({**LIMITS, "api_keys": "k", "rate_limit_per_minute": 30})
ROUTES = ["/v1/score", "/v1/model", "/healthz", "/readyz", "/metrics", "/openapi.json", "/", "/v1", "/v1/score/x"]
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
# Near-valid bodies reach the model, not only the validator.
texts = st.text(max_size=300) | st.sampled_from(["", "\n\n", '"', "“He said.”", "\ud800 said", "A. B. C.",
                                                  "The mayor said \ud800 the bridge would reopen."])
documents = st.fixed_dictionaries(
    {"text": texts},
    optional={"id": st.text(max_size=8) | st.none() | st.integers(), "title": st.text(max_size=10) | st.none(),
              "url": json_values, "outlet": st.none(), "junk": json_values},
)
near_valid = st.one_of(
    st.fixed_dictionaries({"documents": st.lists(documents, max_size=5)},
                          optional={"options": st.fixed_dictionaries({}, optional={"explain": json_values}),
                                    "client_token": st.text(max_size=20) | json_values}),
    documents,
)
content_types = st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain", "",
                                 "application/problem+json", "multipart/form-data", "application/json; charset=latin1"])
headers = st.fixed_dictionaries({}, optional={
    "X-Request-ID": st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=200),
    "Authorization": st.sampled_from(["Bearer k", "Bearer  k ", "bearer", "Basic k"])
                     | st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
    "X-API-Key": st.just("k") | st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
})


def check(r) -> None:
    ready = APP.extensions["analyzer"].ready
    assert r.status_code != 500, r.data[:500]
    assert r.status_code < 500 or (r.status_code == 503 and not ready), r.data[:500]
    if r.status_code >= 400 and r.request.method != "HEAD":
        assert r.mimetype == "application/problem+json"
        body = r.get_json(force=True)
        assert body["status"] == r.status_code and body["detail"]
    assert b"Traceback" not in r.data


@FUZZ
@given(body=json_values | near_valid, route=st.sampled_from(ROUTES), method=st.sampled_from(METHODS),
       headers=headers, app=st.sampled_from([APP, KEYED]))
def test_any_json_anywhere(body, route, method, headers, app):
    check(app.test_client().open(route, method=method, json=body, headers=headers))


@FUZZ
@given(data=st.binary(max_size=5000), route=st.sampled_from(ROUTES), method=st.sampled_from(METHODS),
       content_type=content_types)
def test_any_bytes_anywhere(data, route, method, content_type):
    check(APP.test_client().open(route, method=method, data=data, content_type=content_type))


@FUZZ
@given(body=near_valid, content_type=content_types)
def test_near_valid_scores_or_names_the_problem(body, content_type):
    r = APP.test_client().post("/v1/score", json=body, headers={"Content-Type": content_type})
    check(r)
    if r.status_code == 422:
        assert r.get_json()["errors"]


@pytest.mark.parametrize("path", ["/v1/score?x=" + "%ff" * 50, "/%00", "/v1/%ff%fe", "/" + "a" * 5000])
def test_strange_paths(path):
    check(APP.test_client().post(path, json={"text": "a"}))
