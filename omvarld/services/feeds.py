"""Fetching feeds into items: each feed on its own, so one broken feed never stops the others.

    fetch_feed(feed=feed)     -> number of new items (raises nothing; the feed's health says)
    fetch_all(progress=tqdm)  -> {"ok": n, "error": n, "new": n}

An item is kept once per feed: by its id, or its link when it has no id; an item whose link
is already stored under another id is the same item and is skipped too.
"""

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from ..exceptions import FeedError
from ..models import Feed, FeedItem
from .fetching import fetch_body
from .parsing import ParsedItem, parse_items
from .tagging import compile_rules, themes_for

logger = logging.getLogger(__name__)


def fetch_feed(*, feed: Feed) -> int:
    now = timezone.now()
    try:
        items = parse_items(fetch_body(feed.url))
        new = _store(feed, items)
    except FeedError as error:
        _record(feed, now=now, error=str(error))
        logger.warning("omvarld: %s (%s): %s", feed.slug, feed.url, error)
        return 0
    except Exception as error:  # noqa: BLE001 - a feed must never stop the others
        _record(feed, now=now, error=f"Oväntat fel: {type(error).__name__}")
        logger.exception("omvarld: %s (%s) failed unexpectedly", feed.slug, feed.url)
        return 0
    _record(feed, now=now, error="")
    logger.info("omvarld: %s: %s items, %s new", feed.slug, len(items), new)
    return new


@transaction.atomic
def _store(feed: Feed, items: list[ParsedItem]) -> int:
    known_keys = set(feed.items.values_list("key", flat=True))
    known_links = set(feed.items.exclude(link="").values_list("link", flat=True))
    compiled = compile_rules()
    new = 0
    for item in items:
        if item.key in known_keys or (item.link and item.link in known_links):
            continue
        stored = FeedItem.objects.create(
            feed=feed,
            key=item.key,
            title=item.title,
            link=item.link,
            summary_html=item.summary_html,
            summary_text=item.summary_text,
            published_at=item.published_at,
        )
        stored.themes.set(themes_for(f"{item.title} {item.summary_text}", compiled))
        known_keys.add(item.key)
        known_links.add(item.link)
        new += 1
    return new


def _record(feed: Feed, *, now, error: str) -> None:
    fields = {"last_fetched_at": now, "last_error": error[:500]}
    if error:
        fields.update(status=Feed.Status.ERROR, failures=feed.failures + 1)
    else:
        fields.update(status=Feed.Status.OK, last_success_at=now, failures=0)
    Feed.objects.filter(pk=feed.pk).update(**fields)
    for name, value in fields.items():
        setattr(feed, name, value)


def fetch_all(
    *, progress: Callable | None = None, slugs: list[str] | None = None
) -> dict[str, int]:
    """Every active feed, or only the active feeds named by `slugs`."""
    active = Feed.objects.filter(active=True)
    feeds = list(active.filter(slug__in=slugs) if slugs else active)
    counts = {"ok": 0, "error": 0, "new": 0}
    for feed in progress(feeds) if progress else feeds:
        counts["new"] += fetch_feed(feed=feed)
        counts["ok" if feed.status == Feed.Status.OK else "error"] += 1
    return counts
