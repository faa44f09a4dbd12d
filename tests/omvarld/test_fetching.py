"""The feed fetcher against a real local HTTP server: saved real-format feeds, and each
broken case giving a logged, visible status with nothing bad stored."""

import gzip
import time
from io import StringIO

import pytest
from django.core.management import call_command

from omvarld.models import Feed, FeedItem
from omvarld.services.feeds import fetch_all, fetch_feed
from omvarld.services.tagging import retag_all

from .conftest import ATOM, RSS, fixture_bytes, make_feed

pytestmark = pytest.mark.django_db


def test_atom_and_rss_items_are_stored_once_with_themes(local_server, rules):
    scb = make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    agency = make_feed(
        local_server,
        "/nyheter.rss",
        slug="myndighet",
        body=fixture_bytes("myndighet_nyheter.rss"),
        content_type=RSS,
    )

    assert fetch_feed(feed=scb) == 2
    # Three items, but the third repeats the first one's link under another id: kept once.
    assert fetch_feed(feed=agency) == 2
    assert fetch_feed(feed=agency) == 0  # fetched again: nothing new
    assert FeedItem.objects.count() == 4

    aku = FeedItem.objects.get(title__startswith="Arbetskraftsundersökningarna")
    assert aku.link.startswith("https://www.scb.se/hitta-statistik/")
    assert aku.published_at.isoformat() == "2026-11-25T07:00:00+00:00"
    assert (
        aku.summary_html
        == "<p>Testpost: sysselsättningen och arbetslösheten i oktober enligt AKU.</p>"
    )
    assert {theme.slug for theme in aku.themes.all()} == {"arbetsmarknad"}
    no_guid = FeedItem.objects.get(title__startswith="Ansökan till yrkeshögskolan")
    assert no_guid.key == "https://myndighet.example/nyheter/yh-ansokan/"  # kept by its link
    assert {theme.slug for theme in no_guid.themes.all()} == {"vidareutbildning"}
    advice = FeedItem.objects.get(key="nyhet-1001")
    assert {theme.slug for theme in advice.themes.all()} == {"vagledning"}
    assert 'rel="noopener noreferrer nofollow"' in advice.summary_html

    scb.refresh_from_db()
    assert scb.status == Feed.Status.OK and scb.last_error == "" and scb.last_success_at is not None


def test_staff_edit_a_rule_and_stored_items_follow(local_server, rules):
    scb = make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    fetch_feed(feed=scb)
    aku = FeedItem.objects.get(title__startswith="Arbetskraftsundersökningarna")

    def themes() -> set[str]:
        return {theme.slug for theme in aku.themes.all()}

    assert themes() == {"arbetsmarknad"}
    rules[0].active = False  # staff switch the labour-market rule off
    rules[0].save()
    assert retag_all() == 1
    assert themes() == set()
    rules[2].words = "oktober"  # and make the guidance rule catch the month
    rules[2].save()
    assert retag_all() == 1
    assert themes() == {"vagledning"}


def _broken(local_server, path, **route) -> Feed:
    feed = make_feed(local_server, path, slug=path.strip("/").replace(".", "-"), **route)
    assert fetch_feed(feed=feed) == 0
    feed.refresh_from_db()
    assert feed.status == Feed.Status.ERROR and feed.failures == 1 and feed.last_fetched_at
    assert not FeedItem.objects.filter(feed=feed).exists()
    return feed


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ({"status": 500, "body": b"Internal error"}, "HTTP 500"),
        ({"status": 404}, "HTTP 404"),
        ({"status": 302, "headers": {"Location": "/slinga"}}, "omdirigeringar"),
        ({"body": fixture_bytes("trasig.xml"), "content_type": RSS}, "inte giltig XML"),
        ({"body": fixture_bytes("billion_laughs.xml"), "content_type": RSS}, "entiteter"),
        ({"body": fixture_bytes("xxe.xml"), "content_type": RSS}, "entiteter"),
        (
            {"body": b"<html><body><p>Ingen feed</p></body></html>"},
            "inte ett RSS- eller Atom-flöde",
        ),
        ({"body": b"Bara text, ingen XML"}, "inte giltig XML"),
    ],
    ids=[
        "http-500",
        "http-404",
        "redirect-loop",
        "malformed",
        "billion-laughs",
        "xxe",
        "html-page",
        "not-xml",
    ],
)
def test_broken_feed_gives_a_visible_status_and_stores_nothing(
    local_server, route, message, caplog
):
    feed = _broken(local_server, "/slinga" if "Location" in str(route) else "/trasig", **route)
    assert message in feed.last_error
    assert feed.slug in caplog.text  # logged for the operators too


def test_timeout(local_server, settings):
    settings.OMVARLD_READ_TIMEOUT = 0.5
    feed = _broken(local_server, "/seg", stall=True)
    assert "svarade inte i tid" in feed.last_error


def test_a_feed_that_trickles_in_is_given_up_at_the_total_deadline(local_server, settings):
    # A byte every 0.05 s is never silent for READ_TIMEOUT, but the whole feed takes minutes:
    # the fetch gives up after TOTAL_TIMEOUT instead of holding the other feeds.
    settings.OMVARLD_READ_TIMEOUT = 5
    settings.OMVARLD_TOTAL_TIMEOUT = 1
    started = time.monotonic()
    feed = _broken(
        local_server,
        "/droppar",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
        drip=0.05,
    )
    assert "tog längre tid än 1 sekunder" in feed.last_error
    assert time.monotonic() - started < 5


def test_a_compressed_feed_is_read_decompressed(local_server, rules):
    scb = make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=gzip.compress(fixture_bytes("scb_statistiknyheter.atom")),
        content_type=ATOM,
        headers={"Content-Encoding": "gzip"},
    )
    assert fetch_feed(feed=scb) == 2
    scb.refresh_from_db()
    assert scb.status == Feed.Status.OK


def test_body_over_the_cap_is_refused_unread(local_server, settings):
    # Content-Length says too much: refused before reading.
    settings.OMVARLD_MAX_BYTES = 1024 * 1024
    feed = _broken(local_server, "/stor", chunks=3, content_type=RSS)
    assert "större än 1 MB" in feed.last_error


def test_fifty_megabytes_without_content_length_stops_while_streaming(local_server):
    # No Content-Length: the fetch counts while reading and stops just past the 50 MB default.
    feed = _broken(local_server, "/jatte", chunks=51, send_length=False, content_type=RSS)
    assert "större än 50 MB" in feed.last_error


def test_script_in_item_html_is_stored_sanitised(local_server):
    feed = make_feed(
        local_server,
        "/elak.rss",
        slug="elak",
        body=fixture_bytes("script_i_html.rss"),
        content_type=RSS,
    )
    assert fetch_feed(feed=feed) == 1
    item = FeedItem.objects.get()
    stored = item.summary_html.lower()
    for dangerous in ("<script", "onclick", "onerror", "javascript:", "<iframe", "<style", "<img"):
        assert dangerous not in stored, dangerous
    assert "klicka" in item.summary_html and "Text" in item.summary_html
    assert item.link == ""  # a javascript: link is not kept
    assert "<" not in item.title


def test_an_item_too_long_to_store_never_stops_the_other_feeds(local_server, rules):
    # A link longer than the column holds (tracking parameters, or a hostile feed): the item is
    # kept without the link, and a feed that still cannot be stored is that feed's error only.
    long_link = "https://myndighet.example/nyheter/lang/?" + "utm=" + "x" * 1200
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Lång</title>'
        f"<item><guid>lang-1</guid><title>Lång länk</title><link>{long_link}</link></item>"
        "</channel></rss>"
    ).encode()
    make_feed(local_server, "/lang.rss", slug="lang", body=body, content_type=RSS)
    make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    assert fetch_all() == {"ok": 2, "error": 0, "new": 3}
    item = FeedItem.objects.get(key="lang-1")
    assert item.title == "Lång länk" and item.link == ""
    assert Feed.objects.get(slug="scb").items.count() == 2


def test_one_broken_feed_never_stops_the_others(local_server, rules):
    make_feed(local_server, "/trasig", slug="trasig", status=500)
    make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    counts = fetch_all()
    assert counts == {"ok": 1, "error": 1, "new": 2}
    assert Feed.objects.get(slug="trasig").status == Feed.Status.ERROR
    assert Feed.objects.get(slug="scb").items.count() == 2


def test_paused_feed_is_not_fetched(local_server):
    feed = make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    Feed.objects.filter(pk=feed.pk).update(active=False)
    assert fetch_all() == {"ok": 0, "error": 0, "new": 0}
    assert local_server.requests == []


def test_staff_fetch_one_named_feed_now(local_server, rules):
    """`fetch_feeds --feed SLUG`: only that feed is fetched; the others are not asked."""
    make_feed(local_server, "/annan.rss", slug="annan", status=500)
    make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    out = StringIO()
    call_command("fetch_feeds", "--feed=scb", stdout=out, stderr=StringIO())
    assert "1 flöden hämtade, 0 med fel, 2 nya poster." in out.getvalue()
    assert [path for _method, path in local_server.requests] == ["/scb.atom"]
    assert Feed.objects.get(slug="annan").last_fetched_at is None
