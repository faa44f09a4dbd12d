"""Facts in the real search engine (OpenSearch at SEARCH_URL): facets by kind, theme, target
group and year, on /fakta/ and in the one site search together with methods."""

import pytest

from search.services import search
from tests.methods.factories import make_method

from .factories import make_fact

pytestmark = [pytest.mark.django_db, pytest.mark.search]


@pytest.fixture
def entries(search_engine):
    made = {
        "sou": make_fact(
            title="Framtidsval – karriärvägledning för individ och samhälle",
            slug="sou-2019-4",
            kind="utredning",
            year=2019,
            sou_number="SOU 2019:4",
            summary="Utredningen föreslår att studie- och yrkesvägledning ska kallas karriärvägledning.",
            themes=("utbildnings-och-yrkesval", "beslut-och-planering"),
            target_groups=("grundskola-7-9",),
        ),
        "barometer": make_fact(
            title="Yrkesbarometern",
            slug="yrkesbarometern",
            kind="statistikkalla",
            summary="Arbetsförmedlingens bedömningar av möjligheterna till arbete i olika yrken.",
            themes=("arbetsmarknadskunskap",),
            target_groups=("gymnasieskola", "vuxenutbildning"),
        ),
        "yates": make_fact(
            title="Early Occupational Aspirations and Fractured Transitions",
            slug="yates",
            kind="forskning",
            year=2010,
            doi="10.1017/S0047279410000656",
            summary="Unga med osäkra yrkesambitioner blev oftare varken i arbete eller studier.",
            themes=("sjalvkannedom",),
            target_groups=("gymnasieskola",),
        ),
    }
    make_fact(title="Utkast om vägledning", slug="utkast", kind="rapport", live=False)
    search_engine.drain()
    return made


def test_facts_are_indexed_with_their_facets(entries, search_engine):
    assert search_engine.ids("fact") == {str(page.pk) for page in entries.values()}
    result = search(query="", types=["fact"])
    assert result.engine_used
    facets = {
        facet.field: {value.value: value.count for value in facet.values} for facet in result.facets
    }
    assert facets["fact_kind"] == {"utredning": 1, "statistikkalla": 1, "forskning": 1}
    assert facets["fact_year"] == {"2019": 1, "2010": 1}
    assert facets["method_theme"]["utbildnings-och-yrkesval"] == 1
    assert facets["audience"]["Gymnasieskola"] == 2
    kind_labels = {
        value.value: value.label
        for facet in result.facets
        if facet.field == "fact_kind"
        for value in facet.values
    }
    assert kind_labels["statistikkalla"] == "Statistikkälla"


def test_listing_filters_by_facets_and_finds_word_forms(entries, client):
    response = client.get("/fakta/?typ=forskning&typ=statistikkalla&malgrupp=gymnasieskola")
    assert [fact.slug for fact in response.context["facts"]] == [
        "yates",
        "yrkesbarometern",
    ]  # newest first; no year last
    response = client.get("/fakta/?ar=2019")
    assert [fact.slug for fact in response.context["facts"]] == ["sou-2019-4"]
    response = client.get("/fakta/?q=karriärvägledningen")  # another form of the word
    assert [fact.slug for fact in response.context["facts"]] == ["sou-2019-4"]
    assert response.context["search_notice"] == ""  # the engine answered


def test_identifiers_are_searchable(entries, client):
    response = client.get("/fakta/?q=10.1017/S0047279410000656")
    assert "yates" in [fact.slug for fact in response.context["facts"]]


def test_site_search_shows_facts_beside_methods_with_one_theme_filter(
    entries, search_engine, client
):
    method = make_method(
        title="Beslutsmatris", slug="beslutsmatris", themes=("beslut-och-planering",)
    )
    result = search(query="", filters={"method_theme": ["beslut-och-planering"]})
    found = {(hit.doc_type, hit.title) for hit in result.hits}
    assert ("fact", entries["sou"].title) in found
    assert ("method", method.title) in found
    type_facet = next(facet for facet in result.facets if facet.field == "content_type")
    assert {value.value: value.label for value in type_facet.values}["fact"] == "Fakta"
    response = client.get("/sok/?q=yrkesbarometern")
    assert "Yrkesbarometern" in response.content.decode()
