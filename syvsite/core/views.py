import logging

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
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


def page_not_found(request: HttpRequest, exception=None):
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest):
    return render(request, "500.html", status=500)
