import logging
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


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness. The database is required; the search engine is reported but not required,
    because every search falls back to the database while the engine is away."""
    from search.health import backlog_status, engine_status

    database = _database_status()
    checks = {"database": database}
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
