"""/fakta/ (FactIndexPage): filters, facet counts, one page of entries and export links.

Registered for the page in FactsConfig.ready(); the page model itself names no view.
"""

from django.http import HttpRequest
from django.urls import reverse

from methods.models import TargetGroup, Theme

from ..models import FactIndexPage, Kind
from ..selectors import DIMENSIONS, SORTS, FactFilters, parse_filters, search_facts


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _values(attribute: str, counts: dict[str, int]) -> list[tuple[str, str]]:
    if attribute == "kinds":
        return list(Kind.choices)
    if attribute == "themes":
        return list(Theme.objects.values_list("slug", "name"))
    if attribute == "target_groups":
        return list(TargetGroup.objects.values_list("slug", "name"))
    return [(year, year) for year in sorted(counts, reverse=True)]


def _dimensions(filters: FactFilters, result) -> list[dict]:
    by_field = {facet.field: facet for facet in result.facets}
    slug_by_name = dict(TargetGroup.objects.values_list("name", "slug"))
    dimensions = []
    for dimension in DIMENSIONS:
        facet = by_field.get(dimension.field)
        counts = {}
        for value in facet.values if facet else []:
            key = slug_by_name.get(value.value) if dimension.field == "audience" else value.value
            if key:
                counts[key] = value.count
        chosen = set(getattr(filters, dimension.attribute))
        options = [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "checked": value in chosen,
                "id": f"filter-{dimension.param}-{value}",
            }
            for value, label in _values(dimension.attribute, counts)
            if counts.get(value) or value in chosen
        ]
        dimensions.append({"param": dimension.param, "label": dimension.label, "options": options})
    return dimensions


def listing_context(*, request: HttpRequest, page: FactIndexPage) -> dict:
    filters = parse_filters(request.GET)
    results = search_facts(filters=filters, page=_page_number(request), user=request.user)
    query = request.GET.urlencode()
    exports = [
        {
            "label": label,
            "url": reverse("facts:export", kwargs={"fmt": fmt}) + (f"?{query}" if query else ""),
        }
        for fmt, label in (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON"))
    ]
    return {
        "filters": filters,
        "dimensions": _dimensions(filters, results.result),
        "sorts": {k: v for k, v in SORTS.items() if k != "relevance" or filters.query},
        "page_obj": results.page_obj,
        "facts": results.page_obj.object_list,
        "total": results.page_obj.paginator.count,
        "exports": exports,
        "search_notice": results.result.notice if filters.query else "",
    }
