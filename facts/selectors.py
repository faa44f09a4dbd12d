"""Reads the facts bank's views and exports share.

Finding entries goes through search.services.search (the engine, or its database copy when
the engine is away): the same filters and facet counts either way.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet, prefetch_related_objects
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction, Site

from methods.models import TargetGroup, Theme
from search.results import MAX_RESULT_WINDOW, SearchResult
from search.services import MAX_PER_PAGE, search
from syvsite.core.pagecache.fragments import cached_value
from syvsite.core.registry import PAGES

from . import conf
from .documents import DOC_TYPE
from .models import FactPage, FactSubmission, Kind

MAX_QUERY_LENGTH = 200


class Dimension(NamedTuple):
    param: str  # query-string name on /fakta/ and in the exports
    attribute: str  # FactFilters attribute
    field: str  # the search document's field
    label: str


DIMENSIONS = [
    Dimension("typ", "kinds", "fact_kind", _("Typ av underlag")),
    Dimension("tema", "themes", "method_theme", _("Tema")),
    Dimension("malgrupp", "target_groups", "audience", _("Målgrupp")),
    Dimension("ar", "years", "fact_year", _("År")),
]
SORTS = {
    "relevance": _("Mest relevant"),
    "year": _("Nyast först"),
    "title": _("Titel A–Ö"),
}
SEARCH_SORTS = {"relevance": "relevance", "year": "-year_sort", "title": "title_sort"}


@dataclass(frozen=True)
class FactFilters:
    query: str = ""
    kinds: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    sort: str = "year"

    def as_search_filters(self) -> dict[str, list[str]]:
        chosen: dict[str, list[str]] = {}
        groups = list(
            TargetGroup.objects.filter(slug__in=self.target_groups).values_list("name", flat=True)
        )
        for dimension, values in (
            (DIMENSIONS[0], self.kinds),
            (DIMENSIONS[1], self.themes),
            (DIMENSIONS[2], groups),
            (DIMENSIONS[3], self.years),
        ):
            if values:
                chosen[dimension.field] = list(values)
        return chosen


def _known(dimension: Dimension, wanted: list[str]) -> set[str]:
    if dimension.attribute == "kinds":
        return set(Kind.values)
    if dimension.attribute == "themes":
        return set(Theme.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if dimension.attribute == "target_groups":
        return set(TargetGroup.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    return {value for value in wanted if value.isdigit() and len(value) == 4}


def parse_filters(params: QueryDict) -> FactFilters:
    """Filters from a query string; unknown values are ignored rather than failing."""
    values = {}
    for dimension in DIMENSIONS:
        wanted = [v for v in params.getlist(dimension.param) if v][:20]
        known = _known(dimension, wanted) if wanted else set()
        values[dimension.attribute] = tuple(dict.fromkeys(v for v in wanted if v in known))
    query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
    default_sort = "relevance" if query else "year"
    sort = params.get("sort", default_sort)
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = default_sort
    return FactFilters(query=query, sort=sort, **values)


@dataclass
class FactResults:
    page_obj: PaginatorPage  # object_list holds the FactPages
    result: SearchResult


def search_facts(
    *, filters: FactFilters, page: int = 1, per_page: int | None = None, user=None
) -> FactResults:
    result = search(
        query=filters.query,
        types=[DOC_TYPE],
        filters=filters.as_search_filters(),
        sort=SEARCH_SORTS[filters.sort],
        page=page,
        per_page=min(per_page or conf.get("PER_PAGE"), MAX_PER_PAGE),
        user=user,
    )
    reachable = min(result.total, MAX_RESULT_WINDOW)
    page_obj = Paginator(range(reachable), result.per_page).get_page(result.page)
    page_obj.object_list = by_ids_in_order([int(hit.id) for hit in result.hits])
    return FactResults(page_obj=page_obj, result=result)


def export_facts(*, filters: FactFilters, user=None) -> list[FactPage]:
    """Every entry the filters find, up to EXPORT_MAX, in the listing's order."""
    limit = conf.get("EXPORT_MAX")
    found: list[FactPage] = []
    page = 1
    while len(found) < limit:
        chunk = search_facts(filters=filters, page=page, per_page=MAX_PER_PAGE, user=user)
        found += chunk.page_obj.object_list
        if not chunk.result.has_next:
            break
        page += 1
    return found[:limit]


def live_facts() -> QuerySet:
    return FactPage.objects.live().public()


def by_ids_in_order(ids: list[int]) -> list[FactPage]:
    found = {page.pk: page for page in live_facts().filter(pk__in=ids)}
    pages = [found[pk] for pk in ids if pk in found]
    prefetch_related_objects(pages, "themes", "target_groups")
    return pages


def facts_for_method(method) -> QuerySet:
    """A method's "Underlag": the live entries that name it."""
    return live_facts().filter(methods=method).order_by("-year", "title")


def methods_for_fact(fact: FactPage) -> list:
    # .all() rather than a query: a draft's relations are in memory (modelcluster).
    return [method for method in fact.methods.all() if method.live]


def activities_for_fact(fact: FactPage) -> QuerySet:
    from guidance_plans.models import PlanActivity

    return (
        PlanActivity.objects.filter(fact_id=fact.pk, plan__live=True)
        .select_related("plan", "municipality")
        .order_by("municipality__name", "position")
    )


def rekas_sources() -> list[dict]:
    """Title, publisher and address of the live statistics sources REKAS names, as plain values.
    Every REKAS page lists them, the same for every visitor: kept in the shared cache until a
    page is published, unpublished, moved or restricted (a member's page is never cached whole,
    and this query cost more than the page's own statistics: bench/bench_load.py)."""
    return cached_value("facts:rekas-sources", tags=(PAGES,), compute=_rekas_sources)


def _rekas_sources() -> list[dict]:
    # Plain values, and the view restrictions as path prefixes: live_facts()'s public() loads
    # every restriction with its whole page to build an exclusion, which made this list cost
    # a fifth of an uncached REKAS page (bench/bench_load.py).
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    roots = Site.get_site_root_paths()
    sources = []
    for title, publisher, url_path, path in (
        FactPage.objects.live()
        .filter(source_for_rekas=True)
        .order_by("title")
        .values_list("title", "publisher", "url_path", "path")
    ):
        if restricted and path.startswith(restricted):
            continue  # in a restricted section, or restricted itself
        root = next((root for root in roots if url_path.startswith(root.root_path)), None)
        if root is not None:  # a page outside every site has no address
            url = reverse("wagtail_serve", args=[url_path[len(root.root_path) :]])
            sources.append({"title": title, "publisher": publisher, "url": url})
    return sources


def review_queue(*, today: date | None = None) -> QuerySet:
    """Live entries not reviewed for REVIEW_AFTER_MONTHS (or never), or whose link is dead."""
    today = today or date.today()
    cutoff = today - timedelta(days=round(conf.get("REVIEW_AFTER_MONTHS") * 30.44))
    stale = Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cutoff)
    return (
        live_facts().filter(stale | Q(link_ok=False)).order_by("link_ok", "last_reviewed", "title")
    )


def review_reasons(fact: FactPage, *, today: date | None = None) -> list[str]:
    today = today or date.today()
    cutoff = today - timedelta(days=round(conf.get("REVIEW_AFTER_MONTHS") * 30.44))
    reasons = []
    if fact.link_ok is False:
        reasons.append(str(_("Länken fungerar inte: %(status)s")) % {"status": fact.link_status})
    if fact.last_reviewed is None:
        reasons.append(str(_("Aldrig granskad")))
    elif fact.last_reviewed < cutoff:
        reasons.append(
            str(_("Senast granskad %(date)s")) % {"date": fact.last_reviewed.isoformat()}
        )
    return reasons


def submissions_for(user) -> QuerySet:
    if not user.is_authenticated:
        return FactSubmission.objects.none()
    return FactSubmission.objects.filter(submitter=user).select_related("page")
