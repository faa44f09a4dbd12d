"""News: theme filters, pagination, and RSS/Atom feeds that feed readers accept."""

from datetime import date, timedelta

import pytest
from defusedxml import ElementTree

from .factories import NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(news_index):
    return [
        NewsPageFactory(title="Bristyrken 2027", date=date(2026, 11, 20), themes=["arbetsmarknad"]),
        NewsPageFactory(
            title="Nya allmänna råd", date=date(2026, 11, 10), themes=["nyheter-fran-skolverket"]
        ),
        NewsPageFactory(
            title="Stöd för elever med NPF",
            date=date(2026, 10, 1),
            themes=["funktionsnedsattning", "vagledning"],
        ),
    ]


def test_listing_is_newest_first_and_filters_by_theme(client, news):
    html = client.get("/nyheter/").content.decode()
    assert html.index("Bristyrken 2027") < html.index("Nya allmänna råd") < html.index("NPF")
    filtered = client.get("/nyheter/", {"tema": "vagledning"}).content.decode()
    assert "Stöd för elever med NPF" in filtered
    assert "Bristyrken 2027" not in filtered
    both = client.get("/nyheter/", {"tema": ["vagledning", "arbetsmarknad"]}).content.decode()
    assert "Bristyrken 2027" in both and "NPF" in both and "Nya allmänna råd" not in both


def test_listing_links_its_feeds_for_discovery(client, news):
    html = client.get("/nyheter/", {"tema": "arbetsmarknad"}).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/nyheter/rss/?tema=arbetsmarknad"' in html
    assert 'type="application/atom+xml"' in html and 'href="/nyheter/atom/' in html


def test_listing_paginates(client, news_index):
    for day in range(12):
        NewsPageFactory(title=f"Notis {day:02d}", date=date(2026, 1, 1) + timedelta(days=day))
    first = client.get("/nyheter/").content.decode()
    assert "Notis 11" in first and "Notis 01" not in first and "Sida 1 av 2" in first
    second = client.get("/nyheter/", {"page": "2"}).content.decode()
    assert "Notis 01" in second and "Notis 00" in second


def test_unknown_theme_is_explained_in_swedish(client, news):
    html = client.get("/nyheter/", {"tema": "sport"}).content.decode()
    assert "Temat ”sport” finns inte" in html


def test_rss_feed_is_valid_and_has_the_items(client, news):
    response = client.get("/nyheter/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "sv"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Bristyrken 2027",
        "Nya allmänna råd",
        "Stöd för elever med NPF",
    ]
    first = items[0]
    assert first.findtext("link") == "http://testserver" + news[0].url
    assert first.findtext("pubDate").startswith("Fri, 20 Nov 2026")
    assert [c.text for c in first.findall("category")] == ["Arbetsmarknad"]


def test_atom_feed_is_valid_and_can_be_narrowed_to_a_theme(client, news):
    response = client.get("/nyheter/atom/", {"tema": "funktionsnedsattning"})
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert "Funktionsnedsättning" in feed.findtext(f"{ATOM}title")
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Stöd för elever med NPF"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(news[2].url)
    assert entries[0].findtext(f"{ATOM}updated")


def test_unpublished_news_is_not_in_the_feed(client, news):
    news[0].unpublish()
    titles = [
        item.findtext("title")
        for item in ElementTree.fromstring(client.get("/nyheter/rss/").content).iter("item")
    ]
    assert "Bristyrken 2027" not in titles


def test_home_page_shows_the_latest_news(client, news):
    html = client.get("/").content.decode()
    assert "Senaste nyheterna" in html
    assert html.index("Bristyrken 2027") < html.index("Nya allmänna råd")
