"""The XSS corpus through omvärldsbevakningen's feed items, checked in the real browser.

A feed served from this test's own HTTP server carries a payload in every item's title and
summary (and the saved script feed); the demo site fetches it with `manage.py fetch_feeds`,
and the stream and the site search must show the text inert. Tripwires: xss_support.py.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.e2e.xss_support import (
    PAYLOADS,
    check,
    marked,
    print_figures,
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
