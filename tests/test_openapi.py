"""/openapi.json: generated from the validating models, and the running app keeps to it."""

from __future__ import annotations

import pytest
import schemathesis
from flask import Blueprint, Flask
from hypothesis import HealthCheck, settings

from service import create_app, openapi
from service.config import Settings
from service.schemas import ScoreRequest, Status

APP = create_app({"TESTING": True})
# With keys configured the document declares security; schemathesis also checks
# that a request without the key is refused.
KEYED = create_app({"TESTING": True, "api_keys": "test-key"})


def documented_errors(app) -> list[str]:
    """Every 4xx status the app's document lists for any operation."""
    doc = app.test_client().get("/openapi.json").get_json()
    return sorted({code for ops in doc["paths"].values() for op in ops.values() for code in op["responses"]
                   if code.startswith("4")})


def load(app):
    """The app's schema, with schemathesis told what the document says about rejections.

    A schema-violating request may be refused with any status the document lists, 413 included (a generated
    body can be over 10 MB). A schema-valid one can still be over the byte limit, which JSON Schema cannot
    state: 413 is a documented answer to it as well.
    """
    loaded = schemathesis.openapi.from_wsgi("/openapi.json", app)
    checks = loaded.config.checks
    # New lists, never appended to: the defaults are one list shared by every config object.
    checks.negative_data_rejection.expected_statuses = [*documented_errors(app), "5xx"]
    checks.positive_data_acceptance.expected_statuses = [*checks.positive_data_acceptance.expected_statuses, "413"]
    return loaded


schema = load(APP)
keyed_schema = load(KEYED).include(path_regex="^/v1/")


def filter_body(context, body) -> bool:
    """Drop bodies with repeated document ids: JSON Schema cannot say "unique by id", the API does (422)."""
    if not isinstance(body, dict) or not isinstance(body.get("documents"), list):
        return True
    ids = [d["id"] for d in body["documents"] if isinstance(d, dict) and isinstance(d.get("id"), str)]
    return len(ids) == len(set(ids))


schema.hook(filter_body)
keyed_schema.hook(filter_body)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_app_keeps_to_its_openapi_document(case):
    case.call_and_validate()


@keyed_schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_keyed_app_keeps_to_its_openapi_document(case):
    case.call_and_validate(headers={"Authorization": "Bearer test-key"})


def test_document_is_openapi_31_and_covers_every_route():
    doc = APP.test_client().get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    pages = ("static", *(f"{name}." for name in openapi.SKIP_BLUEPRINTS))  # the editor page is not API
    rules = {r.rule for r in APP.url_map.iter_rules() if not r.endpoint.startswith(pages)}
    assert rules == set(doc["paths"])


def test_request_schema_is_the_validating_model():
    doc = APP.test_client().get("/openapi.json").get_json()
    published = doc["components"]["schemas"]["ScoreRequest"]
    generated = ScoreRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    assert set(published["properties"]) == set(generated["properties"])
    assert published["required"] == generated["required"]
    # The configured limits are published, not only the defaults.
    assert published["properties"]["documents"]["maxItems"] == 500
    small = create_app({"max_documents": 7}).test_client().get("/openapi.json").get_json()
    assert small["components"]["schemas"]["ScoreRequest"]["properties"]["documents"]["maxItems"] == 7


def test_score_response_schema_names_every_documented_field():
    schemas = APP.test_client().get("/openapi.json").get_json()["components"]["schemas"]
    claim = schemas["Claim"]["properties"]
    for field in ("source", "cue", "hedges", "corroborated_by", "denied_by", "official_denial", "features",
                  "score", "label", "explanation"):
        assert field in claim
    assert {"type": "null"} in claim["score"]["anyOf"] and {"type": "null"} in claim["label"]["anyOf"]
    assert schemas["Claim"]["properties"]["stance"]["enum"] == ["asserts", "denies", "declines"]
    assert {"resolved", "via", "anonymity_reason"} <= set(schemas["Source"]["properties"])
    profile = schemas["Profile"]["properties"]
    assert set(profile) == {"sources", "named_sources", "anonymous_sources", "official_sources", "anonymous_share",
                            "anonymous_corroborated", "anonymity_reason_given", "disputed",
                            "denied_party_responded", "unattributed_share", "hedged_share", "refusals"}
    assert all(len(p["description"]) > 20 for p in profile.values())


def test_every_error_status_is_documented_as_problem_json():
    keyed = create_app({"api_keys": "k", "rate_limit_per_minute": 5}).test_client().get("/openapi.json").get_json()
    responses = keyed["paths"]["/v1/score"]["post"]["responses"]
    assert set(responses) == {"200", "400", "401", "404", "405", "413", "415", "422", "429", "503"}
    assert set(keyed["paths"]["/v1/model"]["get"]["responses"]) == {"200", "401", "404", "405", "429", "503"}
    for ops in keyed["paths"].values():
        for op in ops.values():
            assert {"404", "405"} <= set(op["responses"])
            for code, response in op["responses"].items():
                if code != "200":
                    assert response["content"]["application/problem+json"]["schema"] == openapi.PROBLEM_REF
                assert "X-Request-ID" in response["headers"]
    assert "Retry-After" in responses["429"]["headers"] and "Allow" in responses["405"]["headers"]


def test_every_keyed_operation_references_a_defined_security_scheme():
    doc = KEYED.test_client().get("/openapi.json").get_json()
    schemes = doc["components"]["securitySchemes"]
    for path, ops in doc["paths"].items():
        for op in ops.values():
            if path.startswith("/v1/"):
                assert op["security"] and all(set(req) <= set(schemes) for req in op["security"])
                assert "401" in op["responses"]
            else:  # health, readiness, metrics and this document stay open
                assert "security" not in op and "401" not in op["responses"]
    # Without keys nothing is secured, and no scheme is defined that nothing uses.
    plain = APP.test_client().get("/openapi.json").get_json()
    assert "securitySchemes" not in plain["components"]
    assert not any("security" in op for ops in plain["paths"].values() for op in ops.values())


def test_servers_is_set():
    assert APP.test_client().get("/openapi.json").get_json()["servers"] == [
        {"url": "/", "description": "The host serving this document."}]


def test_document_comes_from_the_registered_routes():
    app = Flask("probe")

    @app.get("/documented")
    @openapi.operation("A probe.", ok=Status, ok_description="Fine.", errors=(503,))
    def documented():
        return {"status": "ok"}

    ui = Blueprint("ui", "probe", static_folder=".", static_url_path="/ui/static")  # a page: not API
    ui.add_url_rule("/", "index", lambda: "<html></html>")
    app.register_blueprint(ui)
    doc = openapi.document(app, Settings(), keyed=False)
    assert set(doc["paths"]) == {"/documented"}
    assert set(doc["paths"]["/documented"]["get"]["responses"]) == {"200", "404", "405", "503"}
    assert "Status" in doc["components"]["schemas"]

    @app.post("/forgotten")
    def forgotten():
        return {}

    with pytest.raises(LookupError, match="/forgotten"):
        openapi.document(app, Settings(), keyed=False)


def test_metrics_content_type_has_one_charset():
    content_type = APP.test_client().get("/metrics").headers["Content-Type"]
    assert content_type.startswith("text/plain") and content_type.count("charset") == 1
