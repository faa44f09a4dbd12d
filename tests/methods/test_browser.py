"""In a real browser: a new visitor finds a method about "gymnasieval" and prints it."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .factories import make_method

# The live server needs committed data; serialized_rollback restores the migrations' data after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", settings.BASE_DIR / "var" / "screenshots"))


@pytest.fixture
def gymnasium_method(search_engine):
    page = make_method(
        title="Gymnasievalet steg för steg",
        summary="En lektionsserie i årskurs 9 om program, behörighet, antagning och att välja.",
        purpose="Eleverna känner sig trygga när de gör sitt gymnasieval.",
        themes=("utbildnings-och-yrkesval",),
        materials="Presentation om programmen\nKommunens tidsplan",
    )
    make_method(title="Livslinjen", summary="Deltagaren ritar sitt liv som en linje.")
    search_engine.drain()
    return page


@pytest.mark.browser
@pytest.mark.search
def test_new_user_finds_a_gymnasium_method_and_prints_it(
    live_server, browser_page, gymnasium_method
):
    page = browser_page
    # Count print() calls instead of opening the print dialog.
    page.add_init_script("window.__prints = 0; window.print = function () { window.__prints++; };")
    page.goto(f"{live_server.url}/")
    search_box = page.get_by_label("Vad letar du efter?")
    search_box.fill("gymnasieval")
    search_box.press("Enter")
    page.get_by_role("link", name="Gymnasievalet steg för steg").first.click()
    page.wait_for_url(f"{live_server.url}{gymnasium_method.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Gymnasievalet steg för steg"

    page.get_by_role("button", name="Skriv ut").click()
    assert page.evaluate("window.__prints") == 1

    page.emulate_media(media="print")
    assert page.get_by_role("heading", name="Genomförande").is_visible()
    assert page.get_by_text("Presentation om programmen").is_visible()
    assert not page.locator(".method-feedback").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Skriv ut").is_visible()
    assert page.get_by_text("Från metodbanken på SYV-portalen").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "metod-utskrift.png"), full_page=True)
    assert page.pdf()[:5] == b"%PDF-"
    assert page.dialogs == []


@pytest.mark.browser
@pytest.mark.search
def test_filters_work_with_keyboard_only(live_server, browser_page, gymnasium_method):
    page = browser_page
    page.goto(f"{live_server.url}/metoder/")
    page.get_by_label("Grundskola 7–9").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Visa metoder").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/metoder/?*malgrupp=grundskola-7-9*")
    assert page.get_by_role("heading", name="2 metoder").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "metodbank-filter.png"), full_page=True)
