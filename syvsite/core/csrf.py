"""The page a user meets when a form is refused by the CSRF check (usually an old tab or
cleared cookies): Swedish, in the site's layout, and saying what to do."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
