"""The second sign-in step, enforced for every path into the site.

After the password, a session of an account that must use a second factor (staff, see
roles.requires_second_factor) or has turned one on is only half signed in: every page
except the code step itself, logging out and health checks answers with a redirect to the
code step (or to setting up an app, for staff who have none yet). That covers the Wagtail
admin, its own login and password-reset pages, and every other way in.

Pupil data asks for the code too: views that show pupils call `require_second_factor`, which
raises SecondFactorRequired for a session without it; this middleware turns that into the
same redirect, so a counsellor without an app sets one up before seeing any pupil.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from .roles import requires_second_factor
from .services.two_factor import has_second_factor, is_verified

# URL names a half-signed-in session may reach.
OPEN_VIEWS = frozenset(
    {
        "accounts:two_factor_verify",
        "accounts:two_factor_setup",
        "accounts:two_factor_qr",
        "accounts:logout",
        "wagtailadmin_logout",
        "healthz",
        "readyz",
        "set_language",
    }
)


class SecondFactorRequired(Exception):
    """Raised by a view that shows pupil data to a session without the second factor."""


def require_second_factor(request: HttpRequest) -> None:
    if request.user.is_authenticated and not is_verified(request):
        raise SecondFactorRequired


def _redirect_to_code_step(request: HttpRequest) -> HttpResponseRedirect:
    name = (
        "accounts:two_factor_verify"
        if has_second_factor(request.user)
        else "accounts:two_factor_setup"
    )
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(name)}?{query}")


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware (which sets request.user.is_verified)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_view):
        user = request.user
        if not user.is_authenticated or is_verified(request):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEWS:
            return None
        if requires_second_factor(user) or has_second_factor(user):
            return _redirect_to_code_step(request)
        return None

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, SecondFactorRequired):
            return _redirect_to_code_step(request)
        return None
