"""The public search page /sok/, the JSON API and autocomplete, including bad input."""

import pytest

from tests.factories import OrganisationFactory, municipality
from tests.search.conftest import ORG_TYPE, publish_page

SYNTAX = '"(*)~^:\\/[]{}'


@pytest.fixture
def content(db, org_type):
    publish_page(
        "Yrkesvägledning i grundskolan", intro="Så planerar skolan arbetet med vägledning."
    )
    publish_page("Arbetsplatsförlagt lärande", intro="APL på gymnasiet.")
    OrganisationFactory(name="Hvitfeldtska gymnasiet", municipality=municipality("1480"))


def test_empty_search_page_helps(client, db):
    response = client.get("/sok/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vad vill du hitta?" in page
    assert '<label for="search-q">Sökord</label>' in page
    assert 'href="?q=APL"' in page


def test_search_page_lists_hits_with_facets_and_notice(client, content):
    response = client.get("/sok/", {"q": "vägledning"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 träff för ”vägledning”" in page
    assert (
        '<a href="/yrkesvagledning-i-grundskolan/">Yrkes<mark>vägledning</mark> i grundskolan</a>'
        in page
    )
    assert "<legend>Innehållstyp</legend>" in page
    assert 'class="notice" role="status"' in page  # no engine in this test: the database answered


def test_search_page_filters_and_removes_filters(client, content):
    response = client.get("/sok/", {"q": "gymnasiet", "type": ORG_TYPE})
    page = response.content.decode()
    assert "Hvitfeldtska <mark>gymnasiet</mark>" in page
    assert "Arbetsplatsförlagt lärande" not in page
    assert "Rensa alla filter" in page
    assert "(ta bort filtret)" in page
    assert 'value="test_org" checked' in page


def test_search_page_no_hits_gives_advice(client, content):
    page = client.get("/sok/", {"q": "zzzxxy"}).content.decode()
    assert "Inga träffar." in page
    assert "Kontrollera stavningen" in page


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": SYNTAX},
        {"q": f"vägledning {SYNTAX} AND OR NOT"},
        {"q": ""},
        {"q": "   "},
        {"q": "vägledning", "page": "10000"},
        {"q": "vägledning", "page": "-3"},
        {"q": "vägledning", "page": "abc"},
        {"q": "vägledning", "planet": "mars", "lan": "99", "sort": "nonsense"},
        {"q": "\x00\x1f"},
    ],
)
def test_bad_input_never_breaks_the_page_or_the_api(client, content, params):
    assert client.get("/sok/", params).status_code == 200
    api = client.get("/api/v1/search/", params)
    if "\x00" in params.get("q", ""):  # refused for every API operation, naming the parameter
        assert api.status_code == 422
        assert api.json()["detail"][0]["loc"] == ["query", "q"]
    elif params.get("page") in ("abc", "-3"):  # the API's pages start at 1, as everywhere
        assert api.status_code == 422
        assert api.json()["detail"][0]["loc"] == ["query", "page"]
    else:
        assert api.status_code == 200


def test_long_query_is_capped_and_says_so(client, content):
    response = client.get("/api/v1/search/", {"q": "vägledning " * 1000})
    data = response.json()
    assert data["query_truncated"] is True
    assert len(data["query"]) <= 200
    assert "tecknen" in client.get("/sok/", {"q": "vägledning " * 1000}).content.decode()


def test_api_answers_with_hits_facets_and_paging(client, content):
    data = client.get("/api/v1/search/", {"q": "gymnasiet", "county": "14"}).json()
    assert (data["count"], data["page"], data["page_size"], data["pages"]) == (1, 1, 20, 1)
    hit = data["results"][0]
    assert hit["title"] == "Hvitfeldtska gymnasiet"
    assert hit["type"] == ORG_TYPE and hit["county"] == ["14"]
    assert data["engine_used"] is False and data["notice"]
    counties = next(facet for facet in data["facets"] if facet["param"] == "county")
    assert counties["values"][0] == {
        "value": "14",
        "label": "Västra Götalands län",
        "count": 1,
        "selected": True,
    }


def test_api_reports_unknown_filters_and_clamps_pages(client, content):
    data = client.get("/api/v1/search/", {"q": "", "planet": "mars", "page": 10_000}).json()
    assert data["ignored_filters"] == ["planet"]
    assert data["page"] == data["pages"]
    assert data["results"]


def test_api_without_trailing_slash_reaches_the_search(client, content):
    response = client.get("/api/v1/search", {"q": "apl"}, follow=True)
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_autocomplete_endpoint(client, content):
    assert client.get("/api/v1/search/suggest", {"q": "hvit"}).json() == {
        "suggestions": ["Hvitfeldtska gymnasiet"]
    }
    assert client.get("/api/v1/search/suggest", {"q": "h"}).json() == {"suggestions": []}
    assert client.get("/api/v1/search/suggest", {"q": SYNTAX}).status_code == 200
    assert client.get("/api/v1/search/suggest", {"q": "y" * 10_000}).status_code == 200


def test_openapi_describes_search_and_suggest(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/search/" in schema["paths"]
    assert "/api/v1/search/suggest" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]}
    assert {"q", "type", "county", "municipality", "audience", "page", "page_size"} <= parameters


@pytest.mark.search
def test_search_page_with_the_engine(client, org_type, search_engine):
    publish_page("Studievägledare berättar", intro="En dag på jobbet.")
    page = client.get("/sok/", {"q": "vägledning"}).content.decode()
    assert "<mark>Studievägledare</mark> berättar" in page
    assert 'class="notice"' not in page
    typo = client.get("/sok/", {"q": "studievägldare"}).content.decode()
    assert "Menade du" in typo


@pytest.mark.search
@pytest.mark.parametrize("q", ["x" * 10_000, SYNTAX, f"a {SYNTAX} b", "", "*", "?", "AND"])
def test_bad_input_with_the_engine(client, search_engine, q):
    response = client.get("/api/v1/search/", {"q": q, "page": 10_000, "county": "x" * 500})
    assert response.status_code == 200
    assert response.json()["engine_used"] is True


def test_facet_checkboxes_are_labelled_and_escape_their_values():
    from search.results import FacetResult, FacetValue
    from search.templatetags.search_tags import facet_options

    hostile = '"><script>alert(1)</script>'
    facet = FacetResult(
        field="omvarld_source", param="kalla", label="Källa",
        values=[FacetValue(hostile, hostile, 1234, selected=True), FacetValue("skv", "Skolverket", 2)],
    )  # fmt: skip
    html = str(facet_options(facet))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<input type="checkbox" id="f-kalla-1" name="kalla" value="&quot;&gt;' in html
    assert '" checked>' in html.split("</li>")[0]
    assert '<label for="f-kalla-2">Skolverket <span class="facet-count">(2' in html
    assert "(1\u202f234<span" in html  # Swedish thousands
