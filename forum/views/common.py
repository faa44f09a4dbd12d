"""Helpers the forum views share: who the user is, and how refusals are shown."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..exceptions import ForumError, RateLimited


def client_ip(request: HttpRequest) -> str | None:
    # The site is served without a trusted proxy header (AXES_IPWARE_PROXY_COUNT = 0).
    return request.META.get("REMOTE_ADDR") or None


def login_first(request: HttpRequest) -> HttpResponse:
    return redirect_to_login(request.get_full_path())


def refusal(request: HttpRequest, message: str, *, status: int = 403) -> HttpResponse:
    return render(request, "forum/refusal.html", {"message": message}, status=status)


def form_refusal(
    request: HttpRequest, template: str, context: dict, error: ForumError
) -> HttpResponse:
    """Show the form again with the refusal as an error; what the user wrote is kept."""
    form = context["form"]
    form.add_error(None, error.message)
    response = render(request, template, context, status=error.status)
    if isinstance(error, RateLimited):
        response["Retry-After"] = str(error.retry_after)
    return response


def posted(request: HttpRequest):
    """The form data of a POST (even an empty one), or None so a GET shows an unbound form."""
    return request.POST if request.method == "POST" else None
