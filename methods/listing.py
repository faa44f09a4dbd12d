"""The /metoder/ listing: through the search engine when it answers, the database otherwise."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _

from .engine import engine_configured, search_listing
from .models import Duration, MethodFormat, TargetGroup, Theme
from .selectors import (
    DIMENSIONS,
    PER_PAGE,
    RELEVANCE,
    RELEVANCE_LABEL,
    SORTS,
    Listing,
    MethodFilters,
    facet_counts,
    parse_filters,
    search_methods,
)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _with_terms(methods):
    return methods.prefetch_related(
        Prefetch("target_groups", queryset=TargetGroup.objects.all()),
        Prefetch("themes", queryset=Theme.objects.all()),
        Prefetch("formats", queryset=MethodFormat.objects.all()),
    )


def database_listing(filters: MethodFilters, page_number: int) -> Listing:
    paginator = Paginator(_with_terms(search_methods(filters)), PER_PAGE)
    return Listing(
        page_obj=paginator.get_page(page_number),
        facets=facet_counts(filters),
        engine_used=False,
    )


def engine_listing(filters: MethodFilters, page_number: int, user) -> Listing | None:
    """None when no engine is configured or it did not answer; the caller uses the database."""
    return search_listing(filters=filters, page_number=page_number, user=user)


def _database_notice(filters: MethodFilters) -> str:
    """Filters are exact either way; only free text loses word forms without the engine."""
    if not filters.query:
        return ""
    if engine_configured():
        return _(
            "Sökmotorn svarar inte just nu, så fritextsökningen görs direkt i databasen och "
            "hittar bara exakt de ord du skrev. Filtren fungerar som vanligt."
        )
    return _(
        "Fritextsökningen hittar exakt de ord du skrev, men inte böjningsformer – pröva "
        "gärna en kortare form av ordet, till exempel ”gymnasieval”."
    )


def _dimension_options(filters: MethodFilters, facets: dict) -> list[dict]:
    dimensions = []
    for param, attribute, model, label in DIMENSIONS:
        chosen = set(getattr(filters, attribute))
        counts = facets.get(attribute, {})
        if model is None:
            values = list(Duration.choices)
        else:
            values = list(model.objects.values_list("slug", "name"))
        options = [
            {
                "value": value,
                "label": name,
                "count": counts.get(value, 0),
                "checked": value in chosen,
                "id": f"filter-{param}-{value}",
            }
            for value, name in values
        ]
        dimensions.append({"param": param, "label": label, "options": options})
    return dimensions


def listing_context(*, request: HttpRequest) -> dict:
    filters = parse_filters(request.GET)
    page_number = _page_number(request)
    listing = engine_listing(filters, page_number, request.user)
    if listing is None:
        listing = database_listing(filters, page_number)
        listing.notice = _database_notice(filters)
    sorts = dict(SORTS)
    if filters.query:
        sorts = {RELEVANCE: RELEVANCE_LABEL, **sorts}
    dimensions = _dimension_options(filters, listing.facets)
    active = [
        {"param": dim["param"], "value": option["value"], "label": option["label"]}
        for dim in dimensions
        for option in dim["options"]
        if option["checked"]
    ]
    return {
        "filters": filters,
        "dimensions": dimensions,
        "active_filters": active,
        "sorts": sorts,
        "page_obj": listing.page_obj,
        "methods": listing.page_obj.object_list,
        "total": listing.page_obj.paginator.count,
        "engine_used": listing.engine_used,
        "search_notice": listing.notice,
    }
