"""The open API's conventions (syvsite/api.py), read from /api/v1/openapi.json as a client's
generator reads it: English parameter names, the first release's names marked deprecated and
renamed, one pagination, and bounded ids. Each domain's tests check the answers themselves."""

import pytest

from search.facets import facets_for

pytestmark = pytest.mark.django_db

PAGE_KEYS = {"count", "page", "page_size", "pages", "results"}

# Every parameter name an operation may have that is not deprecated; search's facet filters
# (a facet's field) come from the registry.
ENGLISH = {
    "q",
    "type",
    "county",
    "municipality",
    "audience",
    "programme",
    "sort",
    "page",
    "page_size",
    "target_group",
    "theme",
    "format",
    "duration",
    "date_from",
    "date_to",
    "near",
    "km",
    "year",
    "round",
    "area",
    "stage",
    "role",
    "status",
    "method_id",
    "listing_id",
    "thread_id",
    "plan_id",
    "ssyk",
    "slug",
    "term",
    "institution",
    "location",
    "code",
    "sex",
    "pace",
    "table",
}
# The first release's names, each with its new name, per operation.
RENAMED = {
    "/api/v1/methods/": {"malgrupp": "target_group", "tema": "theme", "tid": "duration"},
    "/api/v1/internships/listings": {
        "typ": "type",
        "lan": "county",
        "kommun": "municipality",
        "program": "programme",
        "fran": "date_from",
        "till": "date_to",
        "nara": "near",
    },
    "/api/v1/forum/categories/{slug}/threads": {"per_page": "page_size"},
    "/api/v1/forum/threads/{thread_id}": {"per_page": "page_size"},
}
OLD_NAMES = {name for names in RENAMED.values() for name in names}
PAGINATED = {
    "/api/v1/search/",
    "/api/v1/methods/",
    "/api/v1/rekas/admissions",
    "/api/v1/internships/listings",
    "/api/v1/forum/categories/{slug}/threads",
    "/api/v1/forum/threads/{thread_id}",
    "/api/v1/guidance-plans/activities",
    "/api/v1/rekas/university/programmes",
    "/api/v1/rekas/yh/applications",
    "/api/v1/rekas/yh/outcomes",
    "/api/v1/rekas/matching-rates",
}
# Bounded reference lists, answered as plain arrays.
UNPAGINATED = {
    "/api/v1/rekas/programmes",
    "/api/v1/rekas/occupations",
    "/api/v1/forum/categories",
    "/api/v1/guidance-plans/plans",
    "/api/v1/rekas/yh/areas",
}


@pytest.fixture
def schema(client):
    return client.get("/api/v1/openapi.json").json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for operation in methods.values():
            yield path, operation


def search_renames() -> dict[str, str]:
    renames = {"per_page": "page_size"}
    for facet in facets_for():
        if facet.param and facet.param != facet.field and facet.field != "content_type":
            renames[facet.param] = facet.field
    return renames


def test_old_names_are_deprecated_and_name_their_new_name(schema):
    expected = {**RENAMED, "/api/v1/search/": search_renames()}
    assert {"lan", "kommun", "malgrupp", "tema", "manad", "roll"} <= set(search_renames())
    for path, operation in operations(schema):
        parameters = {p["name"]: p for p in operation.get("parameters", [])}
        deprecated = {
            name: parameter["schema"].get("x-renamed-to")
            for name, parameter in parameters.items()
            if parameter.get("deprecated")
        }
        assert deprecated == expected.get(path, {}), path
        for new in deprecated.values():
            assert new in parameters and not parameters[new].get("deprecated"), (path, new)
            assert parameters[new]["in"] == "query"


def test_no_swedish_parameter_name_is_left_undeprecated(schema):
    english = ENGLISH | {facet.field for facet in facets_for() if facet.field != "content_type"}
    old_names = OLD_NAMES | set(search_renames())  # the Swedish ones, and per_page
    for path, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter.get("deprecated"):
                continue
            assert parameter["name"] in english, (path, parameter["name"])
            assert parameter["name"] not in old_names, (path, parameter["name"])


def test_every_growing_list_has_the_one_pagination(schema):
    components = schema["components"]["schemas"]
    paginated, arrays = set(), set()
    for path, operation in operations(schema):
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        if answer.get("type") == "array":
            arrays.add(path)
            continue
        properties = components[answer["$ref"].rsplit("/", 1)[-1]]
        if "results" in properties["properties"] and "page" in properties["properties"]:
            paginated.add(path)
            assert set(properties["required"]) >= PAGE_KEYS, path
            assert properties["properties"]["results"]["type"] == "array", path
            names = {p["name"] for p in operation["parameters"] if not p.get("deprecated")}
            assert {"page", "page_size"} <= names, path
    assert paginated == PAGINATED
    assert arrays == UNPAGINATED


def test_numeric_ids_in_paths_are_bounded(schema):
    ids = {}
    for _path, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and parameter["schema"].get("type") == "integer":
                ids[parameter["name"]] = (
                    parameter["schema"]["minimum"],
                    parameter["schema"]["maximum"],
                )
    assert ids == {
        "method_id": (1, 2**31 - 1),  # Wagtail pages
        "plan_id": (1, 2**31 - 1),
        "listing_id": (1, 2**63 - 1),
        "thread_id": (1, 2**63 - 1),
    }


def test_the_same_old_name_is_renamed_per_operation(client):
    """`tema` is `theme` in the method bank and `method_theme` (a facet's field) in search."""
    methods = client.get("/api/v1/methods/", {"tema": "sjalvkannedom"})
    search = client.get("/api/v1/search/", {"tema": "sjalvkannedom"})
    assert methods.headers["Warning"] == '299 - "tema är föråldrat, använd theme"'
    assert search.headers["Warning"] == '299 - "tema är föråldrat, använd method_theme"'
    unknown_here = client.get("/api/v1/guidance-plans/activities", {"tema": "x", "per_page": 5})
    assert "Deprecation" not in unknown_here.headers
