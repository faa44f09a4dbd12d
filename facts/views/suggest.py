"""A member suggests an entry; it goes to the editors' review like a contributed method."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from methods.views.access import members_only

from ..forms import FactSuggestionForm
from ..services.submissions import suggest_fact


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    if (refused := members_only(request, reverse("facts:suggest"))) is not None:
        return refused
    form = FactSuggestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        suggest_fact(user=request.user, content=form.to_content())
        messages.success(
            request,
            _(
                "Tack! Ditt förslag har skickats till redaktionen. Det publiceras i faktabanken när det har granskats."
            ),
        )
        return redirect("accounts:dashboard")
    status = 400 if request.method == "POST" else 200
    return render(request, "facts/suggest.html", {"form": form}, status=status)
