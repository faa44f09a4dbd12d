"""The overview's map: every municipality coloured by its plan status, linking to its plan."""

import re
from html import unescape

import pytest

from guidance_plans.views.maps import STATUS_ORDER
from syvsite.maps.scales import palettes

from .test_overview import plans  # noqa: F401 - the overview's plans fixture

pytestmark = pytest.mark.django_db

COLOURS = dict(zip(STATUS_ORDER, palettes()["diverging"]["5"], strict=True))


def areas(html: str) -> dict[str, tuple[str, str]]:
    """Each municipality's accessible name start ("Göteborg") → (link or "", fill)."""
    found = {}
    for href, label, fill in re.findall(
        r'<a href="([^"]*)" aria-label="([^"]*)"><title>[^<]*</title><path class="map__area" d="[^"]*" fill="([^"]*)"',
        html,
    ):
        found[unescape(label).split(":")[0]] = (href, fill)
    for fill, label in re.findall(
        r'<path class="map__area" d="[^"]*" fill="([^"]*)" tabindex="0" role="img" aria-label="([^"]*)"',
        html,
    ):
        found[unescape(label).split(":")[0]] = ("", fill)
    return found


def test_every_municipality_is_coloured_by_its_plan_status(client, plans):  # noqa: F811
    html = client.get("/vagledningsplaner/").content.decode()
    found = areas(html)

    assert len(found) == 290
    href, fill = found["Göteborg"]
    assert fill == COLOURS["gallande"] and re.match(r"^/vagledningsplaner/goteborg/[\w-]+/$", href)
    assert found["Malmö"][1] == COLOURS["utgangen"]
    assert found["Uppsala"][1] == COLOURS["kommande"]
    assert found["Kungsbacka"][1] == COLOURS["gallande"]
    assert found["Umeå"] == ("", COLOURS["under_arbete"])  # only a draft: being written
    assert 'aria-label="Umeå: Plan under arbete"' in html
    assert "Gällande plan: 2 kommuner" in html and "Plan saknas: 285 kommuner" in html


def test_the_map_follows_the_county_filter_but_not_the_status_filter(client, plans):  # noqa: F811
    html = client.get("/vagledningsplaner/", {"lan": "14", "status": "gallande"}).content.decode()
    found = areas(html)

    assert len(found) == 49  # Västra Götaland's municipalities, whatever their status
    assert found["Göteborg"][1] == COLOURS["gallande"]
    assert "Kartans uppgifter som tabell" in html  # the page's own table shows only "gällande"
