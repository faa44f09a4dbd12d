"""POST endpoints on a method page: "Jag har använt metoden", rating and comment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ..forms import CommentForm, RatingForm
from ..models import MethodPage
from ..services import add_comment, rate_method, set_used
from .access import members_only


def _guard(request: HttpRequest, page: MethodPage) -> HttpResponse | None:
    if request.method != "POST":
        return redirect(page.url)
    return members_only(request, page.url)


def _invalid(request: HttpRequest, page: MethodPage, **forms) -> HttpResponse:
    response = page.render(request, context_overrides=forms)
    response.status_code = 400
    return response


def mark_used(request: HttpRequest, *, page: MethodPage) -> HttpResponse:
    if (refused := _guard(request, page)) is not None:
        return refused
    used = request.POST.get("used", "1") != "0"
    set_used(user=request.user, method=page, used=used)
    if used:
        messages.success(request, _("Tack! Vi har noterat att du har använt metoden."))
    else:
        messages.info(request, _("Vi har tagit bort din markering."))
    return redirect(f"{page.url}#aterkoppling")


def rate(request: HttpRequest, *, page: MethodPage) -> HttpResponse:
    if (refused := _guard(request, page)) is not None:
        return refused
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _invalid(request, page, rating_form=form)
    try:
        rate_method(user=request.user, method=page, score=form.cleaned_data["score"])
    except ValidationError as error:
        form.add_error("score", error)
        return _invalid(request, page, rating_form=form)
    messages.success(request, _("Tack! Ditt betyg är sparat."))
    return redirect(f"{page.url}#aterkoppling")


def comment(request: HttpRequest, *, page: MethodPage) -> HttpResponse:
    if (refused := _guard(request, page)) is not None:
        return refused
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _invalid(request, page, comment_form=form)
    try:
        add_comment(user=request.user, method=page, text=form.cleaned_data["text"])
    except ValidationError as error:
        form.add_error("text", error)
        return _invalid(request, page, comment_form=form)
    messages.success(request, _("Tack! Din kommentar visas när en moderator har granskat den."))
    return redirect(f"{page.url}#kommentarer")
