"""The XSS corpus through omvärldsbevakningen's feed items and the feeds staff register,
checked in the real browser.

A feed served from this test's own HTTP server carries a payload in every item's title and
summary (and the saved script feed); the demo site fetches it with `manage.py fetch_feeds`,
and the stream and the site search must show the text inert. Tripwires: xss_support.py.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.xss_support import (
    FIGURES,
    PAYLOADS,
    check,
    marked,
    print_figures,
    rotating,
    set_up_tripwires,
    shell_json,
)
from tests.http_fixtures import local_server  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.xdist_group("xss")]

SCRIPT_FEED = (Path(__file__).parents[1] / "omvarld" / "feeds" / "script_i_html.rss").read_bytes()
REGISTER = """import json
from omvarld.models import Feed
for slug, url in {feeds!r}.items():
    Feed.objects.update_or_create(slug=slug, defaults=dict(name=slug, agency='XSS-myndigheten', url=url,
                                  source_page='https://myndighet.example/'))
print(json.dumps({{'feeds': Feed.objects.filter(slug__in={slugs!r}).count()}}))
"""
FEED_COUNT = """import json
from omvarld.models import Feed
print(json.dumps({{'feeds': Feed.objects.filter(slug={slug!r}).count()}}))
"""


def _payload_feed() -> tuple[list[str], bytes]:
    markers, items = [], []
    for number, payload in enumerate(PAYLOADS):
        title_marker, title = marked(payload)
        body_marker, body = marked(payload)
        markers += [title_marker, body_marker]
        items.append(
            f"<item><guid>xss-{number}</guid><title>{escape(title)}</title>"
            f"<link>https://myndighet.example/xss/{number}</link>"
            f"<description>{escape('<p>' + body + '</p>')}</description></item>"
        )
    body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>XSS</title>{"".join(items)}</channel></rss>'
    return markers, body.encode()


def test_feed_items_are_inert(demo_site, browser_page, local_server):  # noqa: F811
    markers, feed = _payload_feed()
    local_server.route("/xss.rss", body=feed, content_type="application/rss+xml")
    local_server.route("/skript.rss", body=SCRIPT_FEED, content_type="application/rss+xml")
    feeds = {
        "xss-korpus": local_server.url("/xss.rss"),
        "xss-skript": local_server.url("/skript.rss"),
    }
    assert shell_json(demo_site, REGISTER.format(feeds=feeds, slugs=list(feeds)))["feeds"] == 2
    # Only the test's feeds: the seeded agency feeds would reach the internet.
    demo_site.manage("fetch_feeds", *(f"--feed={slug}" for slug in feeds))

    page = browser_page
    console = set_up_tripwires(page)
    problems = check(page, console, f"{demo_site.url}/omvarld/?kalla=xss-korpus", markers)
    problems += check(page, console, f"{demo_site.url}/omvarld/?kalla=xss-skript", [])
    problems += check(page, console, f"{demo_site.url}/omvarld/kallor/", [])
    query = urllib.parse.urlencode({"q": markers[0]})
    problems += check(page, console, f"{demo_site.url}/sok/?{query}", [markers[0]])
    assert not problems, "\n".join(problems)
    print_figures("omvärldsbevakning")


def test_feed_names_staff_type_in_the_admin_are_inert(demo_site, browser_page, local_server):  # noqa: F811
    """A feed registered in the Wagtail admin (Omvärldsbevakning → Flöden) with the payloads in
    its name and agency: the stream's source filter, the items and the feeds' health page show
    them inert, and so do the admin's own list."""
    site, page = demo_site.url, browser_page
    page.set_default_timeout(60_000)  # the admin is heavy on a busy 2-core machine
    console = set_up_tripwires(page)
    login_in_browser(page, demo_site, email="admin@syv-demo.se", password=DEMO_PASSWORD)
    local_server.route("/personal.rss", body=SCRIPT_FEED, content_type="application/rss+xml")
    markers, values = rotating(["name", "agency"], 2)
    slug = "xss-personal"
    page.goto(f"{site}/admin/snippets/omvarld/feed/add/")
    page.fill("[name='name']", values["name"])
    page.fill("[name='slug']", slug)
    page.fill("[name='agency']", values["agency"])
    page.fill("[name='url']", local_server.url("/personal.rss"))
    page.fill("[name='source_page']", "https://myndighet.example/om-rss/")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").first.click()
    FIGURES["submissions"] += 1
    FIGURES["payloads_sent"] += len(markers)
    assert shell_json(demo_site, FEED_COUNT.format(slug=slug))["feeds"] == 1, page.url
    demo_site.manage("fetch_feeds", f"--feed={slug}")

    problems = check(page, console, f"{site}/omvarld/?kalla={slug}", markers[:1])
    problems += check(page, console, f"{site}/omvarld/kallor/", markers)
    page.goto(f"{site}/admin/snippets/omvarld/feed/")
    if page.evaluate("() => window.__xss !== undefined") or page.dialogs:
        problems.append(f"{page.url}: skriptet kördes")
    problems += [f"{page.url}: syns inte: {m}" for m in markers if m not in page.inner_text("body")]
    print_figures("omvärldsbevakningens flöden")
    assert not problems, "\n".join(problems)
