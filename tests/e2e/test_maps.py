"""The maps in a real browser on the seeded demo site: no request leaves the site, the CSP is
the site's own, areas are reached with the keyboard and lead to their page, the skip link
jumps past a map, a map fits a phone and prints.

axe checks every map page and state at 1,280 and 375 px in the accessibility run
(test_accessibility.CASES: rekas, rekas-karta-yrke, rekas-lan, vagledningsplaner,
vagledningsplaner-lan, praktik, praktik-filtrerad and their -mobil twins)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from syvsite.core.middleware import PUBLIC_CSP
from tests.e2e import a11y_support as a11y
from tests.e2e.test_accessibility import show_occupation_on_map

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


MAP_PAGES = {
    "rekas-soktryck": ("/rekas/", None),
    "rekas-yrke": ("/rekas/", show_occupation_on_map),
    "rekas-lan": ("/rekas/lan/14/", None),
    "vagledningsplaner": ("/vagledningsplaner/", None),
    "vagledningsplaner-lan": ("/vagledningsplaner/?lan=14", None),
    "praktik": ("/praktik/", None),
    "praktik-filtrerad": ("/praktik/?typ=prao&lan=14", None),
}


@pytest.fixture(scope="module")
def browser_page(chromium):
    context = a11y.new_context(chromium)
    page = a11y.open_page(context)
    yield page
    context.close()


def _open(page, site, name: str) -> list[str]:
    """Open a map page in its state; answers every address the browser asked for."""
    path, action = MAP_PAGES[name]
    requested: list[str] = []

    def record(request) -> None:
        requested.append(request.url)

    page.on("request", record)
    try:
        response = page.goto(site.url + path)
        assert response.status == 200
        assert response.headers["content-security-policy"] == PUBLIC_CSP
        if action:
            action(page)
        page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("request", record)
    assert page.locator("svg.map__svg").count() == 1, f"ingen karta på {page.url}"
    return requested


@pytest.mark.parametrize("name", MAP_PAGES)
def test_map_page_makes_no_external_request(browser_page, demo_site, name):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    requested = _open(page, demo_site, name)
    own = urlsplit(demo_site.url).netloc
    elsewhere = [url for url in requested if urlsplit(url).netloc not in (own, "")]
    assert requested and not elsewhere, elsewhere
    # The map is in the page itself: no tile, shape file or map image is fetched for it.
    fetched = [urlsplit(url).path for url in requested]
    assert not [path for path in fetched if re.search(r"\.(png|jpe?g|geojson|json)$", path)]


def test_an_area_is_reached_with_the_keyboard_and_leads_to_its_page(browser_page, demo_site):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    _open(page, demo_site, "rekas-lan")
    page.locator(".map__skip").focus()
    # Tab into the map, past areas without a page of their own (focusable, not links).
    for _ in range(60):
        page.keyboard.press("Tab")
        tag, in_map, label = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.closest('svg') !== null,"
            " document.activeElement.getAttribute('aria-label')]"
        )
        assert in_map, "tabbordningen lämnade kartan utan att nå en länk"
        if tag == "a":
            break
    name, value = label.split(": ", 1)
    assert value and value != "ingen uppgift", label
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/rekas/kommun/\d{4}/$", page.url)
    assert name in page.locator("h1").inner_text()


def test_the_skip_link_jumps_past_the_map(browser_page, demo_site):
    page = browser_page
    _open(page, demo_site, "vagledningsplaner")
    page.locator(".map__skip").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "karta-planer-after"


def test_the_map_fits_a_phone_and_prints(browser_page, demo_site):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    _open(page, demo_site, "vagledningsplaner")
    box = page.locator("svg.map__svg").bounding_box()
    assert 300 <= box["width"] <= 375
    page.emulate_media(media="print")
    try:
        assert page.locator("svg.map__svg").is_visible()
        assert page.locator(".map__legend").is_visible()
    finally:
        page.emulate_media(media="screen")
