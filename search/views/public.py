"""The public search page /sok/."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import facets, query_stats, services
from ..services import MAX_QUERY_LENGTH

EXAMPLE_QUERIES = ["APL", "PRAO", "yrkesvägledning", "bristyrken", "vägledningssamtal"]


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    filters = facets.filters_from_query(request.GET)
    result = None
    if query.strip() or filters:
        result = services.search(
            query=query,
            filters=filters,
            sort=request.GET.get("sort"),
            page=request.GET.get("page"),
            user=request.user,
        )
        if result.page == 1 and not filters and not {"page", "sort"} & set(request.GET):
            # A new search, not a page or filter of one: counted for the editors.
            query_stats.record(query=result.query, hits=result.total + len(result.promoted))
    context = {
        "query": services.clean_query(query)[0],
        "result": result,
        "page_obj": result.page_obj if result else None,
        "max_query_length": MAX_QUERY_LENGTH,
        "examples": EXAMPLE_QUERIES,
        "sort": result.sort if result else "relevance",
    }
    return render(request, "search/search.html", context)
