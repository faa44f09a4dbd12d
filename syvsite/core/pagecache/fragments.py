"""Values cached under the same tag generations as whole pages: safe for anyone's page (a
signed-in member's too) as long as the value is the same for everyone, such as a method's
related methods, which otherwise cost a search-engine query on every view."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

from . import generations

T = TypeVar("T")
PREFIX = "pagecache:value:"


def cached_value(name: str, *, tags: Iterable[str], compute: Callable[[], T]) -> T:
    """`compute()`'s answer, reused until one of `tags` changes (or PAGE_CACHE_SECONDS pass)."""
    tags = sorted(tags)
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    found = cache.get_many([generations.key(tag) for tag in tags])
    current = generations.ensure({tag: found.get(generations.key(tag)) for tag in tags})
    if None in current.values():  # the cache is away
        return compute()
    stamp = hashlib.sha256(repr(sorted(current.items())).encode()).hexdigest()[:16]
    key = f"{PREFIX}{name}:{stamp}"
    missing = object()
    value = cache.get(key, missing)
    if value is missing:
        value = compute()
        cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value
