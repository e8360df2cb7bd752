"""The OpenAPI document holds: schemathesis generates requests from it (a small, derandomised
run) and checks every answer against it: no server error, documented status codes, content
types, response schemas, invalid data rejected."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def api_schema(sqlite_desk):
    return schemathesis.openapi.from_asgi("/openapi.json", sqlite_desk.client.app)


@schema.parametrize()
@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi_document(case, sqlite_desk):
    # positive_data_acceptance is left out: a schema-valid request may still break a rule the
    # schema cannot state (a query of punctuation only, an unknown token) and get a 400
    case.call_and_validate(
        headers=sqlite_desk.auth("admin"),
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )


def test_document_declares_bearer_auth_and_public_schemas(sqlite_desk):
    document = sqlite_desk.client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    public = [name for name in document["components"]["schemas"] if name.endswith("Public")]
    assert "SourceDetailPublic" in public
    for name in public:
        fields = set(document["components"]["schemas"][name].get("properties", {}))
        forbidden = {"name_hangul", "contact", "family_details", "interview_place", "witness_name"}
        if name != "FacilityPublic":  # a facility's name is a place, not a person
            forbidden.add("name")
        assert not fields & forbidden, name
