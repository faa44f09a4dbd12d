import math

from axes.helpers import get_client_ip_address, get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def minutes_until_unlock(*, username: str, ip_address: str) -> int:
    attempt = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .first()
    )
    if attempt is None:
        return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    unlocks_at = attempt.attempt_time + settings.AXES_COOLOFF_TIME
    return max(1, math.ceil((unlocks_at - timezone.now()).total_seconds() / 60))


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """Tell the person how long the lock lasts instead of a bare "forbidden"."""
    username = get_client_username(request, credentials) or ""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": minutes_until_unlock(
            username=username, ip_address=get_client_ip_address(request)
        ),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
