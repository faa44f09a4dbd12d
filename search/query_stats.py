"""What people search for, counted per day for the editors: the most frequent queries and those
that found nothing. Nothing else is kept: no user, no session, no IP address, no time of day,
and queries that look like personal data (an e-mail address, a personal identity or phone
number) are not kept at all.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import QueryDay

logger = logging.getLogger(__name__)

MAX_QUERY = 100
# An e-mail address, or six digits or more (with or without separators): personal identity
# numbers, phone numbers. Such a query is not counted.
PERSONAL = re.compile(r"@|\d(?:[\s\-+/]?\d){5,}")


@dataclass
class QueryCount:
    query: str
    searches: int
    zero_hits: int


def normalise(query: str) -> str:
    return " ".join(str(query).lower().split())[:MAX_QUERY]


def record(*, query: str, hits: int, day: date | None = None) -> bool:
    """Count one search (and whether it found nothing). False when the query is not kept.
    Never raises: a search must not fail because its statistics could not be written."""
    text = normalise(query)
    if not text or PERSONAL.search(text):
        return False
    day = day or timezone.localdate()
    zero = 1 if hits == 0 else 0
    for _attempt in range(2):  # a concurrent first search of the day may create the row first
        try:
            with transaction.atomic():
                updated = QueryDay.objects.filter(day=day, query=text).update(
                    searches=F("searches") + 1, zero_hits=F("zero_hits") + zero
                )
                if not updated:
                    QueryDay.objects.create(day=day, query=text, searches=1, zero_hits=zero)
            return True
        except IntegrityError:
            continue
        except DatabaseError as error:  # e.g. SQLite busy under load: the search still answers
            logger.warning("query statistics not written: %s", error)
            return False
    return False


def _since(days: int) -> date:
    return timezone.localdate() - timedelta(days=days - 1)


def most_frequent(*, days: int = 30, limit: int = 50) -> list[QueryCount]:
    rows = (
        QueryDay.objects.filter(day__gte=_since(days))
        .values("query")
        .annotate(total=Sum("searches"), zero=Sum("zero_hits"))
        .order_by("-total", "query")[:limit]
    )
    return [QueryCount(row["query"], row["total"], row["zero"]) for row in rows]


def without_hits(*, days: int = 30, limit: int = 50) -> list[QueryCount]:
    rows = (
        QueryDay.objects.filter(day__gte=_since(days), zero_hits__gt=0)
        .values("query")
        .annotate(total=Sum("searches"), zero=Sum("zero_hits"))
        .order_by("-zero", "query")[:limit]
    )
    return [QueryCount(row["query"], row["total"], row["zero"]) for row in rows]


def per_day(*, days: int = 30) -> list[tuple[date, int, int]]:
    """(day, searches, searches that found nothing) for each day with searches."""
    rows = (
        QueryDay.objects.filter(day__gte=_since(days))
        .values("day")
        .annotate(total=Sum("searches"), zero=Sum("zero_hits"))
        .order_by("-day")
    )
    return [(row["day"], row["total"], row["zero"]) for row in rows]
