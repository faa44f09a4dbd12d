from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.utils.translation import gettext

# The public site loads nothing from other origins and runs no inline script.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Wagtail's admin uses inline styles and scripts; it is reachable only by trusted staff.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_admin = request.path.startswith("/admin/")
        response.setdefault("Content-Security-Policy", ADMIN_CSP if is_admin else PUBLIC_CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class SiteLanguageMiddleware:
    """Swedish unless the visitor picked another language with the switcher (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language and show a partly
    translated site to most visitors with English browsers; a Swedish public service
    answers in Swedish by default.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        available = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class NullCharacterMiddleware:
    """NUL characters in the address never reach a view: PostgreSQL cannot store or compare
    them, so a filter on `?kommun=%00` would otherwise end in a 500. The API refuses them (422,
    naming the parameter) so clients learn; pages drop them so a visitor's search still works.
    Form fields refuse them themselves (Django's ProhibitNullCharactersValidator)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        bad = [key for key, values in request.GET.lists() if _has_nul(key, *values)]
        if not bad and "\x00" not in request.path:
            return self.get_response(request)
        message = gettext("Adressen innehåller ett otillåtet tecken (NUL).")
        if request.path.startswith("/api/"):
            places = bad or ["path"]
            detail = [
                {"loc": ["query", key], "msg": message, "type": "value_error"} for key in places
            ]
            return JsonResponse({"detail": detail}, status=422)
        if "\x00" in request.path:
            from syvsite.core.views import (
                bad_request,
            )  # views import models; middleware loads first

            return bad_request(request, reason=message)
        request.GET = _without_nul(request.GET)
        return self.get_response(request)


def _has_nul(*texts: str) -> bool:
    return any("\x00" in text for text in texts)


def _without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned
