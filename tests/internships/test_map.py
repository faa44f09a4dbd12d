"""/praktik/'s map: a dot per municipality with places matching the filters, linking to the
list filtered to that municipality (the search app's database copy answers here)."""

import re
from html import unescape

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def dots(html: str) -> dict[str, str]:
    """Each dot's accessible name → its link."""
    return {
        unescape(label): unescape(href)
        for href, label in re.findall(r'<a href="([^"]*)" aria-label="([^"]*)"><title>', html)
    }


def test_the_map_counts_places_per_municipality_and_links_to_the_filtered_list(client, places):
    html = client.get(reverse("internships:listings")).content.decode()

    assert dots(html) == {
        "Göteborg: 1 praktikplats": "?kommun=1480",
        "Borås: 1 praktikplats": "?kommun=1490",
        "Stockholm: 1 praktikplats": "?kommun=0180",
    }
    assert "Praktikplatserna på kartan" in html and "Valmyndigheten" in html


def test_the_map_follows_the_current_filters(client, places):
    html = client.get(
        reverse("internships:listings"), {"typ": "prao", "page": "1"}
    ).content.decode()

    assert dots(html) == {"Göteborg: 1 praktikplats": "?typ=prao&kommun=1480"}


def test_a_county_filter_shows_that_countys_municipalities(client, places):
    response = client.get(reverse("internships:listings"), {"lan": "14"})
    html = response.content.decode()

    assert set(dots(html)) == {"Göteborg: 1 praktikplats", "Borås: 1 praktikplats"}
    assert "Karta över kommunerna i Västra Götalands län" in html
    followed = client.get(reverse("internships:listings") + dots(html)["Borås: 1 praktikplats"])
    assert [item.title for item in followed.context["results"].listings] == ["Byggpraktik Borås"]


def test_no_places_no_map(client, db):
    html = client.get(reverse("internships:listings")).content.decode()
    assert "map__svg" not in html
