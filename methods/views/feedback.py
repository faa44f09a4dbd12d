"""POST endpoints under a method page: "Jag har använt metoden", rating and comment.

Ordinary URLs (methods/urls.py) at the page's own address plus anvant/, betyg/ or kommentera/.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from ..exceptions import Invalid
from ..forms import CommentForm, RatingForm
from ..models import MethodPage
from ..services.feedback import add_comment, rate_method, set_used
from .access import members_only
from .method import render_method


def _method(slug: str) -> MethodPage:
    # Method pages all live under the one MethodIndexPage, so their slugs are unique.
    return get_object_or_404(MethodPage.objects.live(), slug=slug)


def _refused(request: HttpRequest, page: MethodPage) -> HttpResponse | None:
    """What stops this request: a view restriction on the page answers as when Wagtail serves
    it (login or password), a GET goes back to the page, and only members may act."""
    for hook in hooks.get_hooks("before_serve_page"):
        response = hook(page, request, [], {})
        if isinstance(response, HttpResponse):
            return response
    if request.method != "POST":
        return redirect(page.url)
    return members_only(request, page.url)


def mark_used(request: HttpRequest, slug: str) -> HttpResponse:
    page = _method(slug)
    if (refused := _refused(request, page)) is not None:
        return refused
    used = request.POST.get("used", "1") != "0"
    set_used(user=request.user, method=page, used=used)
    if used:
        messages.success(request, _("Tack! Vi har noterat att du har använt metoden."))
    else:
        messages.info(request, _("Vi har tagit bort din markering."))
    return redirect(f"{page.url}#aterkoppling")


def rate(request: HttpRequest, slug: str) -> HttpResponse:
    page = _method(slug)
    if (refused := _refused(request, page)) is not None:
        return refused
    form = RatingForm(request.POST)
    if not form.is_valid():
        return render_method(request, page, {"rating_form": form}, status=400)
    try:
        rate_method(user=request.user, method=page, score=form.cleaned_data["score"])
    except Invalid as error:
        form.add_error("score", error)
        return render_method(request, page, {"rating_form": form}, status=400)
    messages.success(request, _("Tack! Ditt betyg är sparat."))
    return redirect(f"{page.url}#aterkoppling")


def comment(request: HttpRequest, slug: str) -> HttpResponse:
    page = _method(slug)
    if (refused := _refused(request, page)) is not None:
        return refused
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render_method(request, page, {"comment_form": form}, status=400)
    try:
        add_comment(user=request.user, method=page, text=form.cleaned_data["text"])
    except Invalid as error:
        form.add_error("text", error)
        return render_method(request, page, {"comment_form": form}, status=400)
    messages.success(request, _("Tack! Din kommentar visas när en moderator har granskat den."))
    return redirect(f"{page.url}#kommentarer")
