"""Keyboard only: the main journeys done with Tab, Shift+Tab, Space, Enter, arrows and typing.

No mouse clicks and no `fill()` here: focus moves only by the keyboard, and each stop is checked
for a visible focus indicator (the element matches :focus-visible and has a computed outline or
box-shadow). The browser contexts bypass the CSP like the axe tests (see a11y_support.py) only
because they share its helpers; nothing is injected in these tests.
"""

from __future__ import annotations

import re
import uuid

import pytest

from tests.e2e import a11y_support as a11y
from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
    href: el.getAttribute('href') || '', type: el.getAttribute('type') || '',
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    focusVisible: el.matches(':focus-visible'),
    indicator: outline || style.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
    region: el.closest('main') ? 'main' : el.closest('header') ? 'header'
          : el.closest('footer') ? 'footer' : 'other',
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def assert_visible_focus(stop: dict, url: str) -> None:
    assert stop["focusVisible"] and stop["indicator"], (
        f"ingen synlig fokusmarkering: {stop} på {url}"
    )
    assert stop["onScreen"], f"fokus på ett element som inte syns: {stop} på {url}"


def tab_to(page, selector: str, *, max_tabs: int = 80, backwards: bool = False) -> list[dict]:
    """Press Tab until the focused element matches `selector`; every stop on the way must show
    a visible focus indicator. Returns the stops."""
    stops = []
    for _ in range(max_tabs):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        stop = focused(page)
        if stop["tag"] != "body":
            assert_visible_focus(stop, page.url)
        stops.append(stop)
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return stops
    raise AssertionError(f"{selector} nåddes inte med {max_tabs} tryck på Tab på {page.url}")


def press_and_wait(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.fixture
def keyboard_page(chromium):
    context = a11y.new_context(chromium)
    page = a11y.open_page(context)
    yield page
    context.close()


def keyboard_login(page, site, email: str) -> None:
    page.goto(f"{site.url}/konto/logga-in/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(email)
    tab_to(page, "input[name=password]", max_tabs=3)
    page.keyboard.type(DEMO_PASSWORD)
    press_and_wait(page, "Enter")
    assert page.url == f"{site.url}/mina-sidor/"


def test_skip_link_is_first_visible_and_moves_focus_to_main(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.url + "/metoder/")
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop["href"] == "#main" and stop["text"] == "Hoppa till innehållet"
    assert_visible_focus(stop, page.url)
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    # A fragment link scrolls and moves focus after the key event returns: wait for both.
    page.wait_for_url(re.compile(r"#main$"), timeout=5_000)
    page.wait_for_function("() => document.activeElement.id === 'main'", timeout=5_000)
    page.keyboard.press("Tab")
    assert focused(page)["region"] == "main", "Tab efter hopplänken ska stanna i innehållet"


def test_tab_order_follows_the_page_and_every_stop_is_visible(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.url + "/")
    stops = tab_to(page, "footer a[href='/tillganglighet/']", max_tabs=120)
    names = [stop["text"] for stop in stops]
    expected_start = ["Hoppa till innehållet", "SYV-portalen", "", "Sök", "Logga in", "Bli medlem"]
    assert names[: len(expected_start)] == expected_start, names[:8]
    assert stops[2]["id"] == "header-search-input"
    menu = [
        "Metodbank",
        "Fakta",
        "Forum",
        "Vägledningsplaner",
        "REKAS",
        "Praktikplatser",
        "Nyheter",
        "Omvärld",
    ]
    assert names[len(expected_start) : len(expected_start) + len(menu)] == menu, names[:16]
    regions = [stop["region"] for stop in stops[1:]]
    # Header, then the content, then the footer: focus never jumps back up the page.
    assert regions == sorted(regions, key=["header", "main", "footer"].index), regions
    assert regions.count("main") >= 5
    # Shift+Tab walks back the same way.
    back = tab_to(page, "#header-search-input", max_tabs=120, backwards=True)
    key = [(stop["tag"], stop["href"], stop["text"]) for stop in stops[2:-1]]
    assert [(stop["tag"], stop["href"], stop["text"]) for stop in back] == key[::-1]


def test_log_in_with_the_keyboard(keyboard_page, demo_site):
    keyboard_login(keyboard_page, demo_site, "vagledare2@syv-demo.se")
    assert keyboard_page.get_by_role("heading", level=1).inner_text() == "Mina sidor"


def test_filter_and_sort_methods_with_the_keyboard(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.url + "/metoder/")
    tab_to(page, "#filter-malgrupp-gymnasieskola")
    page.keyboard.press("Space")
    assert page.is_checked("#filter-malgrupp-gymnasieskola")
    tab_to(page, "form.filters button[type=submit]")
    press_and_wait(page, "Enter")
    assert "malgrupp=gymnasieskola" in page.url
    assert page.locator(".method-card").count() > 0
    # Arrowing through the sort options must not reload the page (WCAG 3.2.2 On input);
    # the choice applies with the button next to it.
    tab_to(page, "#method-sort")
    before = page.url
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(500)
    assert page.url == before, "sorteringen bytte sida medan användaren bläddrade bland valen"
    chosen = page.eval_on_selector("#method-sort", "el => el.value")
    tab_to(page, "#method-sort ~ button[type=submit]", max_tabs=2)
    press_and_wait(page, "Enter")
    assert f"sort={chosen}" in page.url and "malgrupp=gymnasieskola" in page.url


def test_search_from_the_header_with_the_keyboard(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.url + "/om/")
    tab_to(page, "#header-search-input")
    page.keyboard.type("undersköterska")
    page.wait_for_selector("#header-search-input-suggestions li[role=option]")
    page.keyboard.press("Escape")  # closes the suggestions and keeps what was typed
    assert page.get_attribute("#header-search-input", "aria-expanded") == "false"
    assert page.input_value("#header-search-input") == "undersköterska"
    press_and_wait(page, "Enter")
    assert "/sok/?q=" in page.url
    results = page.locator("main .result-list > li")
    assert results.count() > 0
    # The first result is reachable and opens with Enter.
    tab_to(page, "main .result-list a")
    target = focused(page)["href"]
    press_and_wait(page, "Enter")
    assert page.url.endswith(target)


def test_search_filter_with_the_keyboard_keeps_focus_on_the_filter(keyboard_page, demo_site):
    """A filter on the search page applies at once (the page reloads); focus comes back to the
    checkbox, not to the top of the page."""
    page = keyboard_page
    page.goto(demo_site.url + "/sok/?q=yrke")
    tab_to(page, "form[data-facet-form] input[type=checkbox]", max_tabs=60)
    name, value = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    press_and_wait(page, "Space")
    assert f"{name}=" in page.url
    page.wait_for_function("() => document.activeElement.type === 'checkbox'")
    stop = focused(page)
    assert (stop["name"], page.evaluate("() => document.activeElement.value")) == (name, value)
    assert page.evaluate("() => document.activeElement.checked")
    assert_visible_focus(stop, page.url)


def test_pick_a_search_suggestion_with_arrow_keys(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.url + "/")
    tab_to(page, "#header-search-input")
    page.keyboard.type("gymn")
    page.wait_for_selector("#header-search-input-suggestions li[role=option]")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#header-search-input", "aria-activedescendant")
    suggestion = page.inner_text(f"#{active}")
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    press_and_wait(page, "Enter")
    assert "/sok/?q=" in page.url
    assert page.input_value("main input[name=q]") == suggestion


def test_open_a_thread_and_reply_with_the_keyboard(keyboard_page, demo_site):
    page = keyboard_page
    keyboard_login(page, demo_site, "vagledare2@syv-demo.se")
    page.goto(demo_site.url + "/forum/gymnasievalet/")
    tab_to(page, "main a[href^='/forum/trad/']")
    press_and_wait(page, "Enter")
    assert re.search(r"/forum/trad/\d+/", page.url)
    text = f"Tack, vi provar det här i höst. Tangentbordstest {uuid.uuid4().hex[:8]}."
    tab_to(page, "main form[action*='/svara/'] textarea", max_tabs=150)
    page.keyboard.type(text)
    tab_to(page, "main form[action*='/svara/'] button[type=submit]", max_tabs=10)
    press_and_wait(page, "Enter")
    assert page.get_by_text(text).count() == 1


def test_pupil_chooses_placements_with_the_keyboard(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.url + "/praktik/elev/logga-in/")
    tab_to(page, "input[name=code]")
    page.keyboard.type(a11y.fresh_pupil_code(demo_site))
    press_and_wait(page, "Enter")
    assert re.search(r"/praktik/elev/\d+/$", page.url)
    first_choice = "main form select"
    tab_to(page, first_choice)
    page.keyboard.press("ArrowDown")  # a closed select takes the next option
    chosen = page.eval_on_selector(
        first_choice, "el => el.options[el.selectedIndex].text.split(' – ')[0]"
    )
    assert chosen
    tab_to(page, "main form button[type=submit]", max_tabs=10)
    press_and_wait(page, "Enter")
    choices = page.locator("main ol").first.inner_text()
    assert chosen in choices, choices


def test_wide_table_scrolls_with_the_keyboard_on_a_phone(keyboard_page, demo_site):
    """On a narrow screen a wide table scrolls inside its wrapper; the wrapper takes focus, is
    named by the table's caption and scrolls with the arrow keys (WCAG 2.1.1)."""
    page = keyboard_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site.url + "/rekas/program/NA/")
    tab_to(page, ".table-wrap[tabindex='0']", max_tabs=150)
    name = page.evaluate(
        "() => document.getElementById("
        "document.activeElement.getAttribute('aria-labelledby')).textContent"
    )
    caption = page.evaluate("() => document.activeElement.querySelector('caption').textContent")
    assert name == caption and name.strip()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
