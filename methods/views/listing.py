"""/metoder/ (MethodIndexPage): filters, sorts, facet counts and one page of methods.

Registered for the page in MethodsConfig.ready(); the page model itself names no view.
"""

from django.http import HttpRequest

from ..models import Duration, MethodIndexPage
from ..selectors import (
    DIMENSIONS,
    RELEVANCE,
    RELEVANCE_LABEL,
    SORTS,
    MethodFilters,
    parse_filters,
    search_methods,
)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _dimension_options(filters: MethodFilters, facets: dict) -> list[dict]:
    dimensions = []
    for dimension in DIMENSIONS:
        chosen = set(getattr(filters, dimension.attribute))
        counts = facets.get(dimension.attribute, {})
        if dimension.model is None:
            values = list(Duration.choices)
        else:
            values = list(dimension.model.objects.values_list("slug", "name"))
        options = [
            {
                "value": value,
                "label": name,
                "count": counts.get(value, 0),
                "checked": value in chosen,
                "id": f"filter-{dimension.param}-{value}",
            }
            for value, name in values
        ]
        dimensions.append({"param": dimension.param, "label": dimension.label, "options": options})
    return dimensions


def listing_context(*, request: HttpRequest, page: MethodIndexPage) -> dict:
    filters = parse_filters(request.GET)
    results = search_methods(filters=filters, page=_page_number(request), user=request.user)
    sorts = dict(SORTS)
    if filters.query:
        sorts = {RELEVANCE: RELEVANCE_LABEL, **sorts}
    dimensions = _dimension_options(filters, results.facets)
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
        "page_obj": results.page_obj,
        "methods": results.page_obj.object_list,
        "total": results.page_obj.paginator.count,
        "engine_used": results.engine_used,
        # Filters and sorts are exact either way; only free text loses word forms without
        # the engine, so the notice is for a text search.
        "search_notice": results.notice if filters.query else "",
    }
