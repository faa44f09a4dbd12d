"""The site's shared cache: Redis or Valkey (`CACHE_URL=redis://…`), and what happens when it is away.

A cache is an optimisation, never a dependency: when the server does not answer, every read is
a miss and every write is dropped, so pages are rendered as if nothing were cached. After a
failure the backend stops asking for `RETRY_SECONDS` (a small circuit breaker), so a dead server
costs one refused connection per process every few seconds, not one per request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


class _Breaker:
    """Open (skip the server) for RETRY_SECONDS after a failure; shared by the process's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, error: Exception) -> None:
        with self._lock:
            was_closed = not self.is_open()
            self._open_until = time.monotonic() + RETRY_SECONDS
        if was_closed:  # one warning per outage window, not one per request
            logger.warning(
                "cache: server unavailable, serving uncached", extra={"error": str(error)}
            )


def _resilient(fallback: Callable[..., Any]):
    """Run the Redis call unless the breaker is open; on a Redis error answer `fallback(*args)`."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.breaker.is_open():
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except self._errors as error:
                self.breaker.trip(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _false(*args, **kwargs):
    return False


def _none(*args, **kwargs):
    return None


def _empty(*args, **kwargs):
    return {}


def _all_keys(data, *args, **kwargs):
    return list(data)


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache server unavailable)")


class ResilientRedisCache(RedisCache):
    """Django's Redis backend, answering as an empty cache while the server is unreachable."""

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # Fail fast: a page must not wait for a cache that is away.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        import redis

        self._errors = (redis.exceptions.RedisError, OSError)
        self.breaker = _Breaker()

    get = _resilient(_default)(RedisCache.get)
    get_many = _resilient(_empty)(RedisCache.get_many)
    has_key = _resilient(_false)(RedisCache.has_key)
    add = _resilient(_false)(RedisCache.add)
    set = _resilient(_false)(RedisCache.set)
    set_many = _resilient(_all_keys)(RedisCache.set_many)
    touch = _resilient(_false)(RedisCache.touch)
    delete = _resilient(_false)(RedisCache.delete)
    delete_many = _resilient(_none)(RedisCache.delete_many)
    incr = _resilient(_missing)(RedisCache.incr)
    clear = _resilient(_none)(RedisCache.clear)
