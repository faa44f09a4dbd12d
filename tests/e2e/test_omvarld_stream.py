"""Omvärldsbevakningen with items, in the real browser: axe finds nothing and the page is no
wider than the window, for a visitor and for an editor (who sees "Gör en nyhet av posten").

The accessibility and page-width runs open /omvarld/ as the demo site has it, where no feed
has been fetched (the seed invents no items), so they see only the empty stream. Here the demo
site fetches saved real-format feeds (tests/omvarld/feeds) from this test's own HTTP server.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import a11y_support as a11y
from tests.e2e.test_page_width import MEASURE
from tests.e2e.xss_support import shell_json
from tests.http_fixtures import local_server  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

FEEDS = Path(__file__).parents[1] / "omvarld" / "feeds"
REGISTER = """import json
from omvarld.models import Feed
for slug, url in {feeds!r}.items():
    Feed.objects.update_or_create(slug=slug, defaults=dict(name=slug, agency='Testmyndigheten',
                                  url=url, source_page='https://myndighet.example/om-rss/'))
print(json.dumps({{'feeds': Feed.objects.filter(slug__in={slugs!r}).count()}}))
"""


def test_stream_with_items_is_accessible_and_fits(demo_site, chromium, local_server):  # noqa: F811
    local_server.route(
        "/scb.atom",
        body=(FEEDS / "scb_statistiknyheter.atom").read_bytes(),
        content_type="application/atom+xml; charset=utf-8",
    )
    local_server.route(
        "/nyheter.rss",
        body=(FEEDS / "myndighet_nyheter.rss").read_bytes(),
        content_type="application/rss+xml; charset=utf-8",
    )
    feeds = {
        "a11y-scb": local_server.url("/scb.atom"),
        "a11y-myndighet": local_server.url("/nyheter.rss"),
    }
    assert shell_json(demo_site, REGISTER.format(feeds=feeds, slugs=list(feeds)))["feeds"] == 2
    # Only these feeds: the seeded agency feeds would reach the internet.
    demo_site.manage("fetch_feeds", *(f"--feed={slug}" for slug in feeds))
    address = f"{demo_site.url}/omvarld/?kalla=a11y-scb&kalla=a11y-myndighet"

    problems = []
    for role in ("anonym", "moderator"):
        context = a11y.new_context(chromium)
        try:
            page = a11y.open_page(context)
            a11y.sign_in(page, demo_site, role)
            for width in (1280, 375):
                page.set_viewport_size({"width": width, "height": 900})
                assert page.goto(address).status == 200
                assert page.locator("main .omvarld-item").count() == 4, page.url
                if role == "moderator":
                    assert page.get_by_role("button", name="Gör en nyhet av posten").count() == 4
                if violations := a11y.run_axe(page):
                    problems.append(f"{role}, {width} px:\n{a11y.describe(violations)}")
                if too_wide := page.evaluate(MEASURE):
                    problems.append(f"{role}, {width} px: för bred: {too_wide}")
        finally:
            context.close()
    assert not problems, "\n".join(problems)
