"""The XSS corpus typed into the search box: what a visitor types is shown again on the results
page and, counted, in the editors' search statistics in the admin. Both must show it inert.
Tripwires: xss_support.py."""

from __future__ import annotations

import urllib.parse

import pytest

from search.query_stats import PERSONAL
from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.xss_support import (
    FIGURES,
    PAYLOADS,
    check,
    marked,
    print_figures,
    set_up_tripwires,
)

# The XSS modules share their accounts (xss_setup.py) and rename them: one worker runs them all.
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.xdist_group("xss")]

ADMIN = "admin@syv-demo.se"


def test_search_queries_are_inert_on_the_results_page_and_in_the_statistics(
    demo_site, browser_page
):
    site, page = demo_site.url, browser_page
    console = set_up_tripwires(page)
    problems, counted = [], []
    for payload in PAYLOADS:
        marker, text = marked(payload)
        query = urllib.parse.urlencode({"q": text})
        problems += check(page, console, f"{site}/sok/?{query}", [marker])
        FIGURES["submissions"] += 1
        FIGURES["payloads_sent"] += 1
        if not PERSONAL.search(text.lower()):  # such queries are not kept at all
            counted.append(marker)
    FIGURES["fields"].add("q")
    assert counted, "no payload was kept for the statistics"
    login_in_browser(page, demo_site, email=ADMIN, password=DEMO_PASSWORD)
    problems += check_admin_page(page, f"{site}/admin/sok/", counted)
    print_figures("sökrutan")
    assert not problems, "\n".join(problems)


def check_admin_page(page, url: str, markers: list[str]) -> list[str]:
    """The tripwires of xss_support.check for a Wagtail admin page, whose own scripts the
    public pages' script check would report: nothing ran, every marker shows as text, and no
    payload with markup reaches the HTML unescaped (queries are stored lowercased)."""
    page.goto(url)
    page.wait_for_load_state("load")
    FIGURES["pages_checked"] += 1
    problems = []
    if page.evaluate("() => window.__xss !== undefined"):
        problems.append("window.__xss sattes")
    problems += [f"dialog: {text}" for text in page.dialogs]
    text = page.inner_text("main")
    problems += [f"syns inte: {marker}" for marker in markers if marker not in text]
    html = page.request.get(url).text()
    problems += [f"oescapad: {p}" for p in PAYLOADS if "<" in p and p.lower() in html]
    return [f"{url}: {problem}" for problem in problems]
