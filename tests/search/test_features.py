"""Facets, filters, highlighting, sorting, pagination, suggestions, visibility and distance,
against the real engine."""

from datetime import date

import pytest

from search.services import GeoFilter, more_like_this, search, suggest
from tests.factories import CompanyFactory, OrganisationFactory, make_member, municipality
from tests.search.conftest import ORG_TYPE, publish_page

pytestmark = pytest.mark.search


@pytest.fixture
def organisations(org_type, search_engine):
    """Five schools and a company: Göteborg (county 14) ×2 + the company, Kungsbacka (13),
    Stockholm (01), Malmö (12)."""
    made = {
        "gbg1": OrganisationFactory(
            name="Hvitfeldtska gymnasiet", municipality=municipality("1480")
        ),
        "gbg2": OrganisationFactory(
            name="Göteborgs tekniska gymnasium", municipality=municipality("1480")
        ),
        "kba": OrganisationFactory(name="Aranäsgymnasiet", municipality=municipality("1384")),
        "sthlm": OrganisationFactory(
            name="Södra Latins gymnasium", municipality=municipality("0180")
        ),
        "malmo": OrganisationFactory(name="Malmö latinskola", municipality=municipality("1280")),
        "company": CompanyFactory(name="Gymnasiebygg AB", municipality=municipality("1480")),
    }
    return {key: str(org.pk) for key, org in made.items()}


def facet(result, field):
    found = next((f for f in result.facets if f.field == field), None)
    assert found is not None, [f.field for f in result.facets]
    return {value.value: value for value in found.values}


def ids(result) -> set[str]:
    return {hit.id for hit in result.hits}


def test_facets_count_values_with_readable_labels(organisations):
    result = search(query="", types=[ORG_TYPE])
    assert result.engine_used
    assert result.total == 6
    counties = facet(result, "county")
    assert {code: value.count for code, value in counties.items()} == {
        "14": 3,
        "13": 1,
        "01": 1,
        "12": 1,
    }
    assert counties["14"].label == "Västra Götalands län"
    municipalities = facet(result, "municipality")
    assert municipalities["1480"].count == 3
    assert municipalities["1480"].label == "Göteborg"
    kinds = facet(result, "kind")  # the type's own facet, labelled from its choices
    assert kinds["school"].count == 5
    assert kinds["company"].count == 1
    assert kinds["company"].label == "Företag"
    assert facet(result, "content_type")[ORG_TYPE].label == "Organisationer"
    assert facet(result, "audience")["Gymnasieskola"].count == 5


def test_filters_combine_and_each_facet_keeps_its_other_values(organisations):
    result = search(query="", types=[ORG_TYPE], filters={"county": ["14"], "kind": ["school"]})
    assert ids(result) == {organisations["gbg1"], organisations["gbg2"]}
    # Counties counted among schools (the kind filter), so other counties stay choosable …
    assert {c: v.count for c, v in facet(result, "county").items()} == {
        "14": 2,
        "13": 1,
        "01": 1,
        "12": 1,
    }
    assert facet(result, "county")["14"].selected
    # … and kinds counted within county 14 (the county filter).
    assert {k: v.count for k, v in facet(result, "kind").items()} == {"school": 2, "company": 1}


def test_values_of_one_facet_are_alternatives(organisations):
    result = search(query="", types=[ORG_TYPE], filters={"county": ["14", "12"]})
    assert result.total == 4
    assert organisations["malmo"] in ids(result)


def test_filters_by_query_string_name_and_unknown_filters_are_reported(organisations):
    result = search(query="", types=[ORG_TYPE], filters={"lan": ["01"], "planet": ["Mars"]})
    assert ids(result) == {organisations["sthlm"]}
    assert result.ignored_filters == ["planet"]


def test_highlighted_snippet_is_escaped_html_with_marks(search_engine):
    publish_page(
        "Behörighet till gymnasiet",
        body="Regeln är enkel: betyg < E i svenska ger ingen behörighet. Yrkesvägledning hjälper.",
    )
    result = search(query="behörighet")
    hit = result.hits[0]
    assert "<mark>Behörighet</mark>" in hit.title_html
    assert "<mark>behörighet</mark>" in hit.snippet
    assert "&lt; E" in hit.snippet
    assert "<script" not in hit.snippet


def test_highlight_also_for_folded_and_compound_matches(search_engine):
    publish_page("Om studievägledare", body="Studievägledare finns på varje skola.")
    assert "<mark>" in search(query="studievagledare").hits[0].snippet
    assert "<mark>" in search(query="vägledning").hits[0].snippet


def test_sort_by_date_puts_newest_first(search_engine):
    publish_page("Planering våren", intro="Planering av vägledning", reviewed=date(2025, 3, 1))
    publish_page("Planering hösten", intro="Planering av vägledning", reviewed=date(2026, 9, 1))
    publish_page("Planering sommaren", intro="Planering av vägledning", reviewed=date(2025, 6, 1))
    titles = [hit.title for hit in search(query="planering", sort="date").hits]
    assert titles == ["Planering hösten", "Planering sommaren", "Planering våren"]


def test_pagination_and_a_page_past_the_end_gives_the_last_page(organisations):
    first = search(query="", types=[ORG_TYPE], per_page=4, page=1)
    second = search(query="", types=[ORG_TYPE], per_page=4, page=2)
    assert first.num_pages == 2 and len(first.hits) == 4 and first.has_next
    assert len(second.hits) == 2 and not second.has_next
    assert not ids(first) & ids(second)
    beyond = search(query="", types=[ORG_TYPE], per_page=4, page=10_000)
    assert beyond.page == 2
    assert ids(beyond) == ids(second)


def test_did_you_mean_for_a_misspelling(organisations):
    result = search(query="gymnasiun", types=[ORG_TYPE])
    assert result.relaxed  # nothing with the word as typed: near spellings, marked as such
    assert result.suggestion == "gymnasium"
    assert search(query="gymnasium", types=[ORG_TYPE]).suggestion is None


def test_autocomplete_suggests_titles_from_any_word(organisations):
    assert suggest(prefix="hvit") == ["Hvitfeldtska gymnasiet"]
    assert "Södra Latins gymnasium" in suggest(prefix="latin")
    assert suggest(prefix="sodra") == ["Södra Latins gymnasium"]  # without å/ä/ö
    assert suggest(prefix="x") == []


def test_members_only_documents_reach_members_only(org_type, search_engine):
    hidden = OrganisationFactory(name="Ej godkända skolan", is_approved=False)
    visible = OrganisationFactory(name="Godkända skolan")
    anonymous = ids(search(query="skolan", types=[ORG_TYPE]))
    assert anonymous == {str(visible.pk)}
    member = make_member()
    assert ids(search(query="skolan", types=[ORG_TYPE], user=member)) == {
        str(hidden.pk),
        str(visible.pk),
    }
    assert suggest(prefix="ej godk") == []
    assert suggest(prefix="ej godk", user=member) == ["Ej godkända skolan"]


def test_distance_filter_and_sort(organisations):
    gothenburg = GeoFilter(lat=57.7072, lon=11.9668, km=50)
    result = search(query="", types=[ORG_TYPE], geo=gothenburg, sort="distance")
    assert ids(result) == {
        organisations["gbg1"],
        organisations["gbg2"],
        organisations["company"],
        organisations["kba"],
    }
    assert result.hits[-1].id == organisations["kba"]  # Kungsbacka, about 25 km away
    assert 20 < result.hits[-1].distance_km < 30


def test_more_like_this_finds_similar_documents_of_the_type(organisations):
    similar = more_like_this(doc_type=ORG_TYPE, object_id=organisations["sthlm"], size=3)
    assert organisations["sthlm"] not in {hit.id for hit in similar}
    assert similar
