"""PageCacheMiddleware: anonymous GETs of registered pages answered from the shared cache.

It sits inside the session, CSRF and messages middleware, so on the way out it sees whether
the view touched any of them, and they add their own headers to a cached answer as to a fresh
one. Cached answers carry an ETag and Last-Modified and get a 304 when the visitor's copy is
current; `Cache-Control: no-cache` makes browsers ask every time, so a change shows at once.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .. import registry
from . import generations

ENTRY_PREFIX = "pagecache:page:"
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache", "max-age=0")
STORED_HEADERS_SKIPPED = {"set-cookie", "vary"}
SHARED_VARY = {"cookie", "accept-encoding"}  # the cache key covers the cookies that matter
TOKEN_MARK = b'name="csrfmiddlewaretoken"'
# Cookies that mean the answer may be personal: a signed-in member's or a pupil's session,
# messages waiting to be shown.
PERSONAL_COOKIES = ("messages",)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _eligible(request):
            return self.get_response(request)
        generations.retry_failed()  # changes the cache server missed while it was away
        entry_key = _entry_key(request)
        tags = registry.known_cache_tags()
        found = cache.get_many([entry_key, *(generations.key(tag) for tag in tags)])
        current = generations.ensure({tag: found.get(generations.key(tag)) for tag in tags})
        entry = found.get(entry_key)
        if entry is not None and _fresh(entry, current):
            return _answer(request, entry, hit=True)
        response = self.get_response(request)
        entry = _entry(request, response, current)
        if entry is None or None in entry["generations"].values():  # None: the cache is away
            return response
        cache.set(entry_key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return _answer(request, entry, hit=False)


def _eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or any(name in cookies for name in PERSONAL_COOKIES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    try:
        view_name = resolve(request.path_info).view_name
    except Resolver404:
        return False
    return registry.cache_candidate(view_name)


def _entry_key(request: HttpRequest) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"{ENTRY_PREFIX}{request.LANGUAGE_CODE}:{digest}"


def _fresh(entry: dict, current: dict[str, str]) -> bool:
    return all(current.get(tag) == token for tag, token in entry["generations"].items())


def _entry(request: HttpRequest, response: HttpResponse, current: dict[str, str]) -> dict | None:
    """What to store for this response, or None when it must not be shared."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return None
    view_name = request.resolver_match.view_name if request.resolver_match else ""
    tags = registry.cached_page_tags(view_name, getattr(request, "page_cache_page", None))
    if tags is None or _personal(request, response):
        return None
    content = response.content
    if TOKEN_MARK in content:
        return None
    headers = [(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_SKIPPED]
    return {
        "status": response.status_code,
        "headers": headers,
        "content": content,
        "etag": f'"{hashlib.sha256(content).hexdigest()[:32]}"',
        "stored_at": time.time(),
        "generations": {tag: current[tag] for tag in tags},
    }


def _personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Anything in this answer that belongs to one visitor?"""
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    vary = {word.strip().lower() for word in response.get("Vary", "").split(",") if word.strip()}
    if vary - SHARED_VARY:
        return True
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return True
    user = getattr(request, "_cached_user", None)  # only if the view looked at the user
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    messages = getattr(request, "_messages", None)
    return messages is not None and (messages.used or bool(messages._queued_messages))


def _answer(request: HttpRequest, entry: dict, *, hit: bool) -> HttpResponse:
    last_modified = int(entry["stored_at"])
    response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "no-cache"
    response["X-Cache"] = "HIT" if hit else "MISS"
    patch_vary_headers(response, ["Cookie"])
    conditional = get_conditional_response(
        request, etag=entry["etag"], last_modified=last_modified, response=response
    )
    return conditional
