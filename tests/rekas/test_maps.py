"""REKAS maps: counties on the national page (söktryck, matching or an occupation's
assessment), a county's municipalities on its page; each area links to its page."""

import re
from html import unescape

import pytest

from rekas import aggregates
from rekas.views.maps import SITUATIONS
from syvsite.maps.scales import palettes
from tests.factories import municipality
from tests.rekas.factories import AdmissionFactory, SchoolFactory


def areas(html: str) -> dict[str, tuple[str, str, str]]:
    """Area name → (link, text after the name, fill)."""
    found = {}
    for href, label, fill in re.findall(
        r'<a href="([^"]*)" aria-label="([^"]*)"><title>[^<]*</title><path class="map__area" d="[^"]*" fill="([^"]*)"',
        html,
    ):
        name, text = unescape(label).split(": ", 1)
        found[name] = (href, text, fill)
    for fill, label in re.findall(
        r'<path class="map__area" d="[^"]*" fill="([^"]*)" tabindex="0" role="img" aria-label="([^"]*)"',
        html,
    ):
        name, text = unescape(label).split(": ", 1)
        found[name] = ("", text, fill)
    return found


def test_national_page_colours_counties_by_pressure(client, gothenburg_data):
    html = client.get("/rekas/?year=2025&round=final").content.decode()
    found = areas(html)

    assert len(found) == 21
    colours = palettes()["diverging"]["5"]
    # Göteborg: 130 first-choice applicants for 110 places = 1.18 → "1,1–1,5".
    assert found["Västra Götalands län"] == (
        "/rekas/lan/14/",
        "1,18 förstahandssökande per plats",
        colours[3],
    )
    assert found["Skåne län"] == ("", "ingen uppgift", "url(#karta-lan-nodata)")
    assert "Söktryck per län, alla program" in html


def test_national_page_colours_counties_by_an_occupations_assessment(client, gothenburg_data):
    html = client.get("/rekas/", {"karta": "yrke", "yrke": "5321"}).content.decode()
    found = areas(html)

    colours = dict(zip(SITUATIONS, palettes()["diverging"]["4"], strict=True))
    href, text, fill = found["Västra Götalands län"]
    assert href == "/rekas/lan/14/" and fill == colours["brist"]
    assert text.startswith("Brist; jobbmöjligheter medelstora; efterfrågan om fem år: öka")
    assert found["Stockholms län"][2] == "url(#karta-lan-nodata)"  # no assessment there


def test_national_page_colours_counties_by_a_programmes_matching(client, gothenburg_data):
    html = client.get(
        "/rekas/", {"karta": "matchning", "program": "VO", "year": "2025", "round": "final"}
    ).content.decode()
    href, text, fill = areas(html)["Västra Götalands län"]

    assert href == "/rekas/lan/14/" and text.startswith("efterfrågeindex ")
    assert "Matchning per län: Vård- och omsorgsprogrammet" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"karta": "yrke"}, "Välj ett yrke för att se Arbetsförmedlingens bedömning."),
        ({"karta": "matchning"}, "Välj ett program för att se matchningen per län."),
        ({"karta": "yrke", "yrke": "<script>"}, "Välj ett giltigt alternativ."),
    ],
)
def test_a_bad_map_choice_says_why_and_shows_pressure(client, gothenburg_data, params, message):
    response = client.get("/rekas/", params)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in unescape(html) and "Söktryck per län, alla program" in html
    assert "<script>" not in html.replace("<script id=", "").replace("<script src=", "")


def test_county_page_colours_its_municipalities(client, gothenburg_data):
    AdmissionFactory(
        school=SchoolFactory(municipality=municipality("1490")),
        places=20,
        first_choice_applicants=8,
    )
    aggregates.refresh()
    html = client.get("/rekas/lan/14/?year=2025&round=final").content.decode()
    found = areas(html)

    assert len(found) == 49  # Västra Götaland's municipalities only
    colours = palettes()["diverging"]["5"]
    assert found["Göteborg"] == (
        "/rekas/kommun/1480/",
        "1,18 förstahandssökande per plats",
        colours[3],
    )
    assert found["Borås"] == (
        "/rekas/kommun/1490/",
        "0,40 förstahandssökande per plats",
        colours[0],
    )
    assert found["Ale"][2] == "url(#karta-kommuner-nodata)"
    assert "Söktryck per kommun i Västra Götalands län" in html


def test_map_choice_survives_the_year_filter(client, gothenburg_data):
    html = client.get("/rekas/", {"karta": "yrke", "yrke": "5321"}).content.decode()
    form = re.search(r'<form class="rekas-filters" .*?</form>', html, re.S).group(0)
    assert '<input type="hidden" name="karta" value="yrke">' in form
    assert '<input type="hidden" name="yrke" value="5321">' in form
