"""Tag generations: a random token per tag, replaced when something the tag covers changes.

A missing generation (a new cache, an evicted key) gets a fresh random token rather than a
fixed start value, so a page stored under an earlier token can never become valid again.
"""

from __future__ import annotations

import secrets
import threading

from django.core.cache import cache
from django.db import transaction

PREFIX = "pagecache:gen:"

# Tags changed in this thread's transaction, written by the first of its on-commit callbacks
# (one cache write however many rows changed). A rolled-back transaction leaves its tags here:
# they are written with the thread's next commit, a few needless misses and never a stale page.
_queued = threading.local()
# Writes the cache server refused (it was away): retried before any page is served from it.
_retry: set[str] = set()
_lock = threading.Lock()


def key(tag: str) -> str:
    return PREFIX + tag


def new_token() -> str:
    return secrets.token_hex(8)


def invalidate(*tags: str) -> None:
    """Pages depending on `tags` are stale from the moment the current transaction commits
    (at once outside a transaction); never before, or a page rendered from the old rows could
    be stored under the new generation."""
    _queue().update(tags)
    # Robust: whatever happens to the cache, the save and the other after-commit work (the
    # search index's drain) go on.
    transaction.on_commit(_write_queued, robust=True)


def _queue() -> set[str]:
    if not hasattr(_queued, "tags"):
        _queued.tags = set()
    return _queued.tags


def _write_queued() -> None:
    queue = _queue()
    if queue:
        tags = set(queue)
        queue.clear()
        _write(tags)


def retry_failed() -> None:
    """Write the generations the cache server missed while it was away."""
    if not _retry:
        return
    with _lock:
        tags = set(_retry)
        _retry.clear()
    _write(tags)


def _write(tags: set[str]) -> None:
    failed = cache.set_many({key(tag): new_token() for tag in tags}, timeout=None)
    if failed:
        with _lock:
            _retry.update(tags)


def ensure(found: dict[str, str | None]) -> dict[str, str]:
    """Generations for every tag in `found` ({tag: token or None}), creating missing ones."""
    missing = [tag for tag, token in found.items() if token is None]
    if not missing:
        return found  # type: ignore[return-value]
    for tag in missing:
        cache.add(key(tag), new_token(), timeout=None)
    fresh = cache.get_many([key(tag) for tag in missing])
    return {**found, **{tag: fresh.get(key(tag)) for tag in missing}}
