"""Posting and reporting limits per user, counted in the database (works across processes)."""

from datetime import timedelta

from django.db.models import Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..exceptions import RateLimited


def _wait_text(seconds: int) -> str:
    if seconds < 90:
        return ngettext("%(count)d sekund", "%(count)d sekunder", seconds) % {"count": seconds}
    minutes = (seconds + 59) // 60
    return ngettext("%(count)d minut", "%(count)d minuter", minutes) % {"count": minutes}


def check_rate(*, recent: QuerySet, limits: tuple[tuple[int, int], ...], what: str) -> None:
    """Raise RateLimited when `recent` (rows with created_at) already holds `max` rows in a window.

    `what` is the Swedish noun phrase for the message, e.g. "inlägg".
    """
    now = timezone.now()
    for seconds, maximum in limits:
        window_start = now - timedelta(seconds=seconds)
        in_window = recent.filter(created_at__gte=window_start)
        if in_window.count() < maximum:
            continue
        oldest = in_window.aggregate(first=Min("created_at"))["first"] or now
        retry_after = max(1, int((oldest + timedelta(seconds=seconds) - now).total_seconds()) + 1)
        message = _(
            "Du har skickat många %(what)s på kort tid. Vänta %(wait)s och försök igen. "
            "Texten du skrev finns kvar i formuläret."
        ) % {"what": what, "wait": _wait_text(retry_after)}
        raise RateLimited(message, retry_after=retry_after)
