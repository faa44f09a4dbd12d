"""The editors' search tools in the staff pages (Wagtail admin, `wagtail_hooks.py`): what people
search for and what found nothing, pages pinned first for a query, and the synonym list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import promotions, query_stats, synonyms
from ..client import EngineError, EngineUnavailable
from ..forms import LookupForm, PinForm, SynonymForm
from ..mirror import fold
from ..models import IndexedDocument, PromotedResult

PERMISSION = "search.manage_search"
PERIODS = (7, 30, 90)


def can_manage(user: AbstractBaseUser) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _require(request: HttpRequest) -> None:
    if not can_manage(request.user):
        raise PermissionDenied


def statistics(request: HttpRequest) -> HttpResponse:
    _require(request)
    try:
        days = int(request.GET.get("dagar", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    context = {
        "header_title": _("Sökstatistik"),
        "days": days,
        "periods": PERIODS,
        "frequent": query_stats.most_frequent(days=days),
        "zero": query_stats.without_hits(days=days),
        "per_day": query_stats.per_day(days=days),
    }
    return render(request, "search/admin/statistics.html", context)


def promoted(request: HttpRequest) -> HttpResponse:
    _require(request)
    lookup = LookupForm(request.GET or None)
    candidates = []
    if lookup.is_valid() and lookup.cleaned_data["find"]:
        words = fold(lookup.cleaned_data["find"]).split()
        rows = IndexedDocument.objects.all()
        for word in words[:5]:
            rows = rows.filter(title_text__contains=word)
        candidates = list(rows.order_by("title")[:20])
    context = {
        "header_title": _("Rekommenderade träffar"),
        "lookup": lookup,
        "candidates": candidates,
        "promotions": PromotedResult.objects.all(),
    }
    return render(request, "search/admin/promoted.html", context)


@require_POST
def pin(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = PinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en sökfråga och välj en sida."))
        return redirect("search_admin_promoted")
    try:
        promotion = promotions.pin(
            query=form.cleaned_data["query"], document_id=form.cleaned_data["document"]
        )
    except promotions.PromotionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("”%(title)s” visas nu först för sökningen ”%(query)s”.")
            % {"title": promotion.title, "query": promotion.query},
        )
    return redirect("search_admin_promoted")


@require_POST
def unpin(request: HttpRequest, promotion_id: int) -> HttpResponse:
    _require(request)
    promotions.unpin(promotion_id=promotion_id)
    messages.success(request, _("Sidan visas inte längre först."))
    return redirect("search_admin_promoted")


def synonym_list(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = SynonymForm(request.POST or None, initial={"text": synonyms.current_text()})
    if request.method == "POST" and form.is_valid():
        synonyms.save_rules(text=form.cleaned_data["text"])
        _apply(request)
        return redirect("search_admin_synonyms")
    context = {"header_title": _("Synonymer i sökningen"), "form": form}
    return render(request, "search/admin/synonyms.html", context)


def _apply(request: HttpRequest) -> None:
    try:
        report = synonyms.apply_to_engine()
    except (EngineUnavailable, EngineError, RuntimeError) as error:
        messages.warning(
            request,
            _(
                "Synonymerna är sparade och gäller redan när sökningen svarar från databasen, "
                "men sökmotorn kunde inte uppdateras (%(error)s). De förs över vid nästa "
                "ombyggnad av sökindexet."
            )
            % {"error": error},
        )
        return
    if report is None:
        messages.success(request, _("Synonymerna är sparade och gäller från och med nu."))
    else:
        messages.success(
            request,
            _(
                "Synonymerna är sparade och gäller från och med nu. Sökindexet byggdes om "
                "bakom kulisserna (%(documents)s dokument på %(seconds).1f s) utan avbrott."
            )
            % {"documents": report.documents, "seconds": report.seconds},
        )
