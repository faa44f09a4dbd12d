"""Feed items in the real search engine, with their source and theme facets."""

import pytest

from omvarld.services.feeds import fetch_feed
from search.services import search

from .conftest import ATOM, RSS, fixture_bytes, make_feed

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def test_items_are_indexed_with_source_and_theme_facets(search_engine, local_server, rules, client):
    fetch_feed(
        feed=make_feed(
            local_server,
            "/scb.atom",
            slug="scb",
            name="SCB",
            body=fixture_bytes("scb_statistiknyheter.atom"),
            content_type=ATOM,
        )
    )
    fetch_feed(
        feed=make_feed(
            local_server,
            "/nyheter.rss",
            slug="myndighet",
            name="Myndigheten",
            body=fixture_bytes("myndighet_nyheter.rss"),
            content_type=RSS,
        )
    )
    search_engine.drain()
    assert search_engine.count("omvarld") == 4
    result = search(query="", types=["omvarld"])
    assert result.engine_used
    facets = {
        facet.field: {value.label: value.count for value in facet.values} for facet in result.facets
    }
    assert facets["omvarld_source"] == {"SCB": 2, "Myndigheten": 2}
    assert facets["news_theme"]["Vidareutbildning"] == 2
    # Stemmed search finds another form of the word; the site search shows the items too.
    response = client.get("/omvarld/?q=yrkeshögskolans")
    assert [item.key for item in response.context["items"]] == [
        "https://myndighet.example/nyheter/yh-ansokan/"
    ]
    assert (
        "Arbetskraftsundersökningarna"
        in client.get("/sok/?q=arbetskraftsundersökningarna").content.decode()
    )
