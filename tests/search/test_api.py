"""/api/v1/search/ under the API's conventions: English filter names (a facet's field), the old
Swedish ones kept until version 2 with a Deprecation header, and the one pagination."""

import pytest

from search.facets import facets_for
from tests.api_checks import check_paging, check_renamed
from tests.factories import OrganisationFactory, municipality
from tests.search.conftest import ORG_TYPE

SEARCH = "/api/v1/search/"


@pytest.fixture
def organisations(db, org_type):
    """Three organisations that each filter tells apart: two in county 14, one in 1480, two
    schools (audience "Gymnasieskola"), one company."""
    OrganisationFactory(name="Hvitfeldtska gymnasiet", municipality=municipality("1480"))
    OrganisationFactory(name="Borås bygg", kind="company", municipality=municipality("1490"))
    OrganisationFactory(name="Norra Real", municipality=municipality("0180"))


@pytest.mark.parametrize(
    ("renamed", "values", "count"),
    [
        ({"lan": "county"}, {"county": "14"}, 2),
        ({"kommun": "municipality"}, {"municipality": "1480"}, 1),
        ({"malgrupp": "audience"}, {"audience": "Gymnasieskola"}, 2),
        ({"orgtyp": "kind"}, {"kind": "company"}, 1),  # a type registered after start-up
        ({"lan": "county", "orgtyp": "kind"}, {"county": "14", "kind": "school"}, 1),
    ],
)
def test_old_filter_names_still_filter_and_say_they_are_deprecated(
    client, organisations, renamed, values, count
):
    answer = check_renamed(client, SEARCH, renamed, values, type=ORG_TYPE)
    assert answer["count"] == count and answer["ignored_filters"] == []


def test_old_page_size_name_still_works(client, organisations):
    answer = check_renamed(client, SEARCH, {"per_page": "page_size"}, {"page_size": 2})
    assert (answer["page_size"], len(answer["results"]), answer["pages"]) == (2, 2, 2)


def test_the_new_name_wins_over_the_old_one(client, organisations):
    response = client.get(SEARCH, {"type": ORG_TYPE, "county": "01", "lan": "14"})
    assert [hit["title"] for hit in response.json()["results"]] == ["Norra Real"]
    assert response.headers["Deprecation"] == "true"


def test_facets_name_the_english_parameter_to_filter_with(client, organisations):
    answer = client.get(SEARCH, {"type": ORG_TYPE, "kind": "school"}).json()
    params = {facet["field"]: facet["param"] for facet in answer["facets"]}
    assert params == {
        "content_type": "type",
        "county": "county",
        "municipality": "municipality",
        "audience": "audience",
        "kind": "kind",
    }
    kinds = next(facet for facet in answer["facets"] if facet["param"] == "kind")
    assert {value["value"]: value["selected"] for value in kinds["values"]} == {
        "school": True,
        "company": False,
    }


def test_every_registered_facet_filters_by_its_field_and_its_old_name(client, organisations):
    """The old Swedish name of each facet is accepted and flagged, its field is not."""
    for facet in facets_for():
        if facet.field == "content_type":
            continue
        now = client.get(SEARCH, {facet.field: "x"})
        assert now.json()["ignored_filters"] == [], facet.field
        assert "Deprecation" not in now.headers
        if facet.param and facet.param != facet.field:
            then = client.get(SEARCH, {facet.param: "x"})
            assert then.json() == now.json(), facet.param
            assert f'"{facet.param} är föråldrat, använd {facet.field}"' in then.headers["Warning"]


def test_one_pagination_with_the_old_answer_keys_beside_it(client, organisations):
    last = check_paging(
        client,
        SEARCH,
        count=3,
        page_size=2,
        type=ORG_TYPE,
        extra={
            "query",
            "sort",
            "engine_used",
            "notice",
            "suggestion",
            "relaxed",
            "ignored_filters",
            "query_truncated",
            "facets",
            # The first release's names, until version 2.
            "total",
            "per_page",
            "num_pages",
            "hits",
        },
    )
    assert (last["total"], last["per_page"], last["num_pages"]) == (3, 2, 2)
    assert last["hits"] == last["results"]


def test_page_size_goes_up_to_100(client, organisations):
    assert client.get(SEARCH, {"page_size": 100}).json()["page_size"] == 100
    for page_size in (0, 101):
        response = client.get(SEARCH, {"page_size": page_size})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "page_size"]


def test_openapi_marks_the_old_names_and_keys_deprecated(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"][SEARCH]["get"]["parameters"]}
    old = {"per_page": "page_size", "lan": "county", "kommun": "municipality"}
    old |= {"malgrupp": "audience", "tema": "method_theme", "typ": "placement_type"}
    old |= {"manad": "months", "roll": "activity_role", "nyhetstema": "news_theme"}
    for name, new in old.items():
        assert parameters[name]["deprecated"] is True, name
        assert parameters[name]["schema"]["x-renamed-to"] == new
        assert not parameters[new].get("deprecated"), new
    answer = schema["components"]["schemas"]["SearchOut"]["properties"]
    assert {key for key, field in answer.items() if field.get("deprecated")} == {
        "total",
        "per_page",
        "num_pages",
        "hits",
    }
