import logging
import secrets
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Deliberately touches nothing else."""
    return JsonResponse({"status": "ok"})


def _database_status() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        logger.warning("readyz: database unavailable", extra={"error": str(error)})
        return {"status": "down", "error": error.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def _cache_status() -> dict:
    """The shared cache is not required: pages are rendered uncached while it is away."""
    from django.core.cache import cache

    token = secrets.token_hex(4)
    cache.set("readyz", token, timeout=10)
    if cache.get("readyz") != token:
        return {"status": "down", "effect": "sidor renderas utan cache"}
    return {"status": "ok", "backend": cache.__class__.__name__}


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness. The database is required; the search engine and the cache are reported but
    not required: searches fall back to the database, pages are rendered uncached."""
    from search.health import backlog_status, engine_status

    database = _database_status()
    checks = {"database": database, "cache": _cache_status()}
    if database["status"] == "ok":
        checks["search_engine"] = engine_status()
        checks["index_backlog"] = backlog_status()
    else:
        checks["search_engine"] = engine_status()
        checks["index_backlog"] = {"status": "unknown"}
    ready = database["status"] == "ok"
    degraded = checks["search_engine"]["status"] == "down"
    overall = "ok" if ready and not degraded else ("degraded" if ready else "down")
    return JsonResponse({"status": overall, "checks": checks}, status=200 if ready else 503)


def bad_request(request: HttpRequest, exception=None, *, reason: str = ""):
    return render(request, "400.html", {"reason": reason}, status=400)


def page_not_found(request: HttpRequest, exception=None):
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest):
    # Django calls this inside its `except`: the exception is still at hand.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return render(request, "500.html", status=500)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """The database is unreachable: not our bug but a temporary outage. 503 + Retry-After tells
    visitors, proxies and monitoring to come back; rendered without context processors or
    anything else that could touch the database."""
    if request.path.startswith("/api/"):
        message = "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund."
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response


@never_cache
@require_GET
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """The footer's language link: remember the choice in the cookie SiteLanguageMiddleware
    reads, and go back. A link, not a form, so the pages carry no CSRF token and can be served
    from the page cache; choosing a language changes nothing but how the site speaks to you."""
    from django.conf import settings
    from django.http import Http404, HttpResponseRedirect
    from django.utils.http import url_has_allowed_host_and_scheme

    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
