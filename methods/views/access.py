from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from syvsite.accounts.roles import is_member


def login_url(next_url: str) -> str:
    return f"{reverse('accounts:login')}?next={quote(next_url)}"


def members_only(request: HttpRequest, next_url: str) -> HttpResponse | None:
    """None when the user may go on; otherwise the login page or a 403 that explains why."""
    if not request.user.is_authenticated:
        return redirect(login_url(next_url))
    if not is_member(request.user):
        return render(request, "methods/members_only.html", status=403)
    return None
