"""Status of the engine and the outbox, for /readyz and `search_index status`."""

from django.db.models import Min
from django.utils import timezone

from .models import OutboxEntry


def engine_status() -> dict:
    from .client import get_engine

    engine = get_engine()
    if engine is None:
        return {"status": "not_configured", "fallback": "database"}
    return engine.health()


def backlog_status() -> dict:
    pending = OutboxEntry.objects.count()
    oldest = OutboxEntry.objects.aggregate(oldest=Min("created_at"))["oldest"]
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return {"status": "ok", "pending": pending, "oldest_age_seconds": round(age, 1)}
