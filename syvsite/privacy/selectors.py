"""Reading the audit log: the staff search page."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import AccessLogEntry


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def search_access_log(
    *,
    user: str = "",
    object_type: str = "",
    object_text: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet:
    """Entries matching every given filter, newest first. `object_text` matches the object's id
    exactly or a word in its label or organisation."""
    entries = AccessLogEntry.objects.all()
    if user:
        entries = entries.filter(user_email__icontains=user.strip())
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_text:
        text = object_text.strip()
        entries = entries.filter(
            Q(object_id=text) | Q(object_label__icontains=text) | Q(organisation__icontains=text)
        )
    if date_from:
        entries = entries.filter(at__gte=_start_of(date_from))
    if date_to:
        entries = entries.filter(at__lt=_start_of(date_to) + timedelta(days=1))
    return entries.order_by("-at", "-pk")
