"""/omvarld/: the stream with filters by source and theme, feed health, "make a news article"."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from guidance_plans.models import NewsTheme
from methods.views.access import login_url

from ..exceptions import NotAllowed
from ..models import Feed, FeedItem
from ..selectors import feeds_with_counts, parse_filters, search_items
from ..services.news import can_make_news, make_news


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _options(values, chosen: tuple[str, ...], counts: dict[str, int], param: str) -> list[dict]:
    return [
        {
            "value": slug,
            "label": name,
            "count": counts.get(slug, 0),
            "checked": slug in chosen,
            "id": f"filter-{param}-{slug}",
        }
        for slug, name in values
    ]


@require_GET
def stream(request: HttpRequest) -> HttpResponse:
    filters = parse_filters(request.GET)
    results = search_items(filters=filters, page=_page_number(request), user=request.user)
    counts = {
        facet.field: {v.value: v.count for v in facet.values} for facet in results.result.facets
    }
    context = {
        "filters": filters,
        "items": results.page_obj.object_list,
        "page_obj": results.page_obj,
        "total": results.page_obj.paginator.count,
        "sources": _options(
            Feed.objects.values_list("slug", "name"),
            filters.sources,
            counts.get("omvarld_source", {}),
            "kalla",
        ),
        "themes": _options(
            NewsTheme.objects.values_list("slug", "name"),
            filters.themes,
            counts.get("news_theme", {}),
            "tema",
        ),
        "can_make_news": can_make_news(request.user),
        "search_notice": results.result.notice if filters.query else "",
        "broken_feeds": Feed.objects.filter(active=True, status=Feed.Status.ERROR).count(),
    }
    return render(request, "omvarld/stream.html", context)


@require_GET
def sources(request: HttpRequest) -> HttpResponse:
    """Each feed's health: public, so a visitor sees why a source is quiet."""
    return render(request, "omvarld/sources.html", {"feeds": feeds_with_counts()})


@require_POST
def make_news_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(login_url(reverse("omvarld:stream")))
    if not can_make_news(request.user):
        return render(
            request,
            "methods/forbidden.html",
            {"message": _("Bara redaktörer kan göra nyheter av omvärldsbevakningen.")},
            status=403,
        )
    item = get_object_or_404(FeedItem, pk=pk)
    try:
        page = make_news(item=item, user=request.user)
    except NotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("omvarld:stream")
    messages.success(
        request, _("Ett utkast till nyhet är skapat. Läs igenom, komplettera och publicera.")
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
