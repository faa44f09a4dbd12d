"""The search-engine path of the /metoder/ listing.

Used when an engine is configured and answers; otherwise (None) the listing filters in the
database, exactly, with methods.selectors.
"""

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects

from .models import MethodFormat, MethodPage, TargetGroup, Theme
from .selectors import PER_PAGE, Listing, MethodFilters, by_ids_in_order

ENGINE_SORTS = {
    "relevance": "relevance",
    "newest": "date",
    "most_used": "-use_rank",
    "best_rated": "-rating_rank",
    "title": "title_sort",
}


def engine_configured() -> bool:
    return bool(settings.SEARCH.get("URL"))


def engine_filters(filters: MethodFilters) -> dict[str, list[str]]:
    chosen: dict[str, list[str]] = {}
    if filters.target_groups:
        names = TargetGroup.objects.filter(slug__in=filters.target_groups)
        chosen["audience"] = list(names.values_list("name", flat=True))
    if filters.themes:
        chosen["method_theme"] = list(filters.themes)
    if filters.formats:
        chosen["method_format"] = list(filters.formats)
    if filters.durations:
        chosen["method_duration"] = list(filters.durations)
    return chosen


def _facet_counts(result) -> dict[str, dict[str, int]]:
    slug_by_name = dict(TargetGroup.objects.values_list("name", "slug"))
    fields = {
        "audience": "target_groups",
        "method_theme": "themes",
        "method_format": "formats",
        "method_duration": "durations",
    }
    counts: dict[str, dict[str, int]] = {attribute: {} for attribute in fields.values()}
    for facet in result.facets:
        attribute = fields.get(facet.field)
        if attribute is None:
            continue
        for value in facet.values:
            key = slug_by_name.get(value.value) if facet.field == "audience" else value.value
            if key:
                counts[attribute][key] = value.count
    return counts


def search_listing(*, filters: MethodFilters, page_number: int, user):
    from search.services import search

    if not engine_configured():
        return None
    result = search(
        query=filters.query,
        types=["method"],
        filters=engine_filters(filters),
        sort=ENGINE_SORTS.get(filters.sort, "date"),
        page=page_number,
        per_page=PER_PAGE,
        user=user,
    )
    if not result.engine_used:
        return None
    ids = [int(hit.id) for hit in result.hits if str(hit.id).isdigit()]
    methods = by_ids_in_order(ids)
    page_obj = result.page_obj
    page_obj.object_list = _prefetched(methods)
    return Listing(page_obj=page_obj, facets=_facet_counts(result), engine_used=True)


def _prefetched(methods: list[MethodPage]) -> list[MethodPage]:
    prefetch_related_objects(
        methods,
        Prefetch("target_groups", queryset=TargetGroup.objects.all()),
        Prefetch("themes", queryset=Theme.objects.all()),
        Prefetch("formats", queryset=MethodFormat.objects.all()),
    )
    return methods
