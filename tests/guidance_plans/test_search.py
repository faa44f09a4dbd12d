"""Plans, activities and news in the unified search, on the real engine, with region facets."""

import pytest

from search.services import search
from tests.factories import municipality

from .factories import GuidancePlanPageFactory, NewsPageFactory, activity

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def _facet(result, field):
    facet = next(facet for facet in result.facets if facet.field == field)
    return {value.value: (value.label, value.count) for value in facet.values}


@pytest.fixture
def indexed_plans(search_engine, plan_index):
    plans = {
        "1480": GuidancePlanPageFactory(
            municipality_code="1480",
            title="Göteborgs plan för vägledning",
            activities=[
                activity("Yrkesmässa på Svenska Mässan", stage="7-9", role="syv"),
                activity("Föräldramöte om gymnasievalet", stage="7-9", role="mentor"),
            ],
        ),
        "1280": GuidancePlanPageFactory(
            municipality_code="1280",
            title="Malmös plan för vägledning",
            activities=[activity("Yrkesmässa i Malmö", stage="gy", role="larare")],
        ),
    }
    search_engine.drain()
    return plans


def test_plans_are_found_with_county_and_municipality_facets(indexed_plans):
    result = search(query="vägledning", types=["guidance_plan"])
    assert result.engine_used
    assert {hit.title for hit in result.hits} == {
        "Göteborgs plan för vägledning",
        "Malmös plan för vägledning",
    }
    assert _facet(result, "municipality") == {"1480": ("Göteborg", 1), "1280": ("Malmö", 1)}
    assert _facet(result, "county") == {"14": ("Västra Götalands län", 1), "12": ("Skåne län", 1)}


def test_municipality_filter_narrows_plans_and_activities(indexed_plans):
    result = search(
        query="yrkesmässa",
        types=["guidance_plan", "plan_activity"],
        filters={"kommun": ["1280"]},
    )
    assert result.engine_used
    titles = {hit.title for hit in result.hits}
    assert "Yrkesmässa i Malmö (Malmö)" in titles
    assert not any("Svenska Mässan" in title for title in titles)
    assert all(hit.source["municipality"] == ["1280"] for hit in result.hits)


def test_activity_stage_and_role_facets(indexed_plans):
    result = search(query="", types=["plan_activity"], filters={"stadium": ["7-9"]})
    assert {hit.title for hit in result.hits} == {
        "Yrkesmässa på Svenska Mässan (Göteborg)",
        "Föräldramöte om gymnasievalet (Göteborg)",
    }
    roles = _facet(result, "activity_role")
    assert roles["syv"] == ("Studie- och yrkesvägledare", 1)
    assert roles["mentor"] == ("Mentor", 1)
    assert result.hits[0].url.startswith("/vagledningsplaner/goteborg/")


def test_unpublished_plan_and_its_activities_leave_the_index(indexed_plans, search_engine):
    indexed_plans["1280"].unpublish()
    search_engine.drain()
    assert search_engine.ids("guidance_plan") == {str(indexed_plans["1480"].pk)}
    result = search(query="Malmö", types=["plan_activity"])
    assert result.engine_used and result.total == 0


def test_republished_plan_updates_its_activities_in_the_index(indexed_plans, search_engine):
    plan = indexed_plans["1480"]
    plan.activities = [activity("Prao-vecka i åk 8", stage="7-9", role="syv")]
    plan.save_revision().publish()
    search_engine.drain()
    result = search(query="", types=["plan_activity"], filters={"kommun": ["1480"]})
    assert [hit.title for hit in result.hits] == ["Prao-vecka i åk 8 (Göteborg)"]


def test_news_has_theme_and_region_facets(search_engine, news_index):
    news = NewsPageFactory(title="Ny yrkesutbildning i Borås", themes=["vidareutbildning"])
    news.municipalities.set([municipality("1490")])
    news.save_revision().publish()
    NewsPageFactory(title="Nya allmänna råd om vägledning", themes=["nyheter-fran-skolverket"])
    search_engine.drain()
    result = search(query="", types=["news"], filters={"nyhetstema": ["vidareutbildning"]})
    assert [hit.title for hit in result.hits] == ["Ny yrkesutbildning i Borås"]
    assert _facet(result, "municipality") == {"1490": ("Borås", 1)}
    themes = _facet(search(query="", types=["news"]), "news_theme")
    assert themes["vidareutbildning"] == ("Vidareutbildning", 1)
    assert themes["nyheter-fran-skolverket"] == ("Nyheter från Skolverket", 1)


def test_search_page_shows_plans_filtered_by_municipality(indexed_plans, client):
    response = client.get("/sok/", {"q": "vägledning", "kommun": "1480"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{indexed_plans["1480"].url}"' in html  # the title is highlighted (<mark>)
    assert indexed_plans["1280"].url not in html
