"""The API's error answers: out-of-range ids are a client error (never a 500), and every error
the API can give is in /api/v1/openapi.json (found by tests/e2e/test_api_schema.py)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "45080697012561892075101533960214151168"
ID_PATHS = [
    "/api/v1/guidance-plans/plans/{id}",
    "/api/v1/methods/{id}",
    "/api/v1/internships/listings/{id}",
    "/api/v1/forum/threads/{id}",
]


@pytest.mark.parametrize("path", ID_PATHS)
@pytest.mark.parametrize("object_id", [HUGE, str(2**63), "0", "-1"])
def test_out_of_range_ids_are_refused_not_crashing(client, path, object_id):
    response = client.get(path.format(id=object_id))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "path"


@pytest.mark.parametrize("path", ID_PATHS)
def test_missing_object_answers_404_in_json(client, path):
    response = client.get(path.format(id=2**31 - 1))
    assert response.status_code == 404
    assert "detail" in response.json()


def test_openapi_documents_the_error_answers(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ID_PATHS:
        responses = paths[path.replace("{id}", _param(paths, path))]["get"]["responses"]
        assert {"200", "404", "422"} <= set(responses), path
    assert "400" in paths["/api/v1/internships/listings"]["get"]["responses"]
    assert {"400", "404"} <= set(paths["/api/v1/rekas/matching"]["get"]["responses"])
    # Parameterless operations have nothing to reject.
    assert "422" not in paths["/api/v1/methods/vocabularies"]["get"]["responses"]


def _param(paths: dict, template: str) -> str:
    prefix = template.split("{")[0]
    path = next(p for p in paths if p.startswith(prefix) and p[len(prefix) :].startswith("{"))
    return path[len(prefix) :]


@pytest.mark.parametrize("name", ["date_from", "date_to", "fran", "till"])
@pytest.mark.parametrize("value", ["0", "1700000000", "2026-1-1", "igår"])
def test_listing_dates_must_be_iso_dates(client, name, value):
    """`till=0` used to be read as a Unix timestamp (1 January 1970) and answer 200; the old
    names of the date filters are checked as their new names are."""
    response = client.get("/api/v1/internships/listings", {name: value})
    assert response.status_code == 422
    assert "ÅÅÅÅ-MM-DD" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("name", ["date_from", "date_to", "fran", "till"])
def test_listing_iso_date_is_accepted(client, name):
    assert client.get("/api/v1/internships/listings", {name: "2026-06-01"}).status_code == 200
