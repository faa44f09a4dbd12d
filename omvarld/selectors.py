"""Reads for the stream: items through search (engine or its database copy), feed health."""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import QueryDict

from guidance_plans.models import NewsTheme
from search.results import MAX_RESULT_WINDOW, SearchResult
from search.services import search

from . import conf
from .documents import DOC_TYPE
from .models import Feed, FeedItem

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class StreamFilters:
    query: str = ""
    sources: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


def parse_filters(params: QueryDict) -> StreamFilters:
    sources = [v for v in params.getlist("kalla") if v][:20]
    themes = [v for v in params.getlist("tema") if v][:20]
    known_sources = set(Feed.objects.filter(slug__in=sources).values_list("slug", flat=True))
    known_themes = set(NewsTheme.objects.filter(slug__in=themes).values_list("slug", flat=True))
    return StreamFilters(
        query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
        sources=tuple(dict.fromkeys(s for s in sources if s in known_sources)),
        themes=tuple(dict.fromkeys(t for t in themes if t in known_themes)),
    )


@dataclass
class StreamResults:
    page_obj: PaginatorPage  # object_list holds the FeedItems
    result: SearchResult


def search_items(*, filters: StreamFilters, page: int = 1, user=None) -> StreamResults:
    chosen = {}
    if filters.sources:
        chosen["omvarld_source"] = list(filters.sources)
    if filters.themes:
        chosen["news_theme"] = list(filters.themes)
    result = search(
        query=filters.query,
        types=[DOC_TYPE],
        filters=chosen,
        sort="relevance" if filters.query else "date",
        page=page,
        per_page=conf.get("PER_PAGE"),
        user=user,
    )
    page_obj = Paginator(range(min(result.total, MAX_RESULT_WINDOW)), result.per_page).get_page(
        result.page
    )
    ids = [int(hit.id) for hit in result.hits]
    found = {
        item.pk: item
        for item in FeedItem.objects.filter(pk__in=ids)
        .select_related("feed")
        .prefetch_related("themes")
    }
    page_obj.object_list = [found[pk] for pk in ids if pk in found]
    return StreamResults(page_obj=page_obj, result=result)


def feeds_with_counts() -> QuerySet:
    return Feed.objects.annotate(item_count=Count("items")).order_by("name")
