"""/openapi.json: generated from the validating models, and the running app keeps to it."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from service import create_app
from service.schemas import ScoreRequest

APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/openapi.json", APP)
# With keys configured the document declares security; schemathesis also checks
# that a request without the key is refused.
KEYED = create_app({"TESTING": True, "api_keys": "test-key"})
keyed_schema = schemathesis.openapi.from_wsgi("/openapi.json", KEYED).include(path_regex="^/v1/")


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
    # The editor's page (blueprint "ui") is for people, not API clients.
    rules = {r.rule for r in APP.url_map.iter_rules() if r.endpoint != "static" and not r.endpoint.startswith("ui.")}
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
    assert {"200", "400", "401", "413", "415", "422", "429", "503"} <= set(responses)
    for code, response in responses.items():
        if code != "200":
            assert "application/problem+json" in response["content"]
