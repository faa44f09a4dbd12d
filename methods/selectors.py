"""Reads the method bank's views, API and panels share.

Finding methods (the /metoder/ listing and the API's list) goes through search.services.search,
which answers from the engine, or from the search app's database copy when the engine is off
or away: the same filters, facet counts and sorts either way.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from search.results import MAX_RESULT_WINDOW, Hit, SearchResult
from search.services import more_like_this, search
from syvsite.core.pagecache.fragments import cached_value
from syvsite.core.registry import PAGES

from . import conf
from .documents import DOC_TYPE
from .models import Duration, MethodFormat, MethodPage, MethodSubmission, TargetGroup, Theme

MAX_QUERY_LENGTH = 200


class Dimension(NamedTuple):
    param: str  # query-string name on /metoder/ and in the API
    attribute: str  # MethodFilters attribute
    field: str  # the search document's field
    model: type | None  # the vocabulary; None for duration (choices)
    label: str


DIMENSIONS = [
    # Target groups are the common `audience` field, by name (shared with other content types).
    Dimension("malgrupp", "target_groups", "audience", TargetGroup, _("Målgrupp")),
    Dimension("format", "formats", "method_format", MethodFormat, _("Arbetsform")),
    Dimension("tema", "themes", "method_theme", Theme, _("Tema")),
    Dimension("tid", "durations", "method_duration", None, _("Tidsåtgång")),
]
SORTS = {
    "newest": _("Nyast först"),
    "most_used": _("Mest använda"),
    "best_rated": _("Bäst betyg"),
    "title": _("Titel A–Ö"),
}
RELEVANCE = "relevance"
RELEVANCE_LABEL = _("Mest relevant")
# Our sort → the search sort (fields of methods/documents.py with the tie-breakers folded in).
SEARCH_SORTS = {
    RELEVANCE: "relevance",
    "newest": "date",
    "most_used": "-use_rank",
    "best_rated": "-rating_rank",
    "title": "title_sort",
}


@dataclass(frozen=True)
class MethodFilters:
    query: str = ""
    target_groups: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    durations: tuple[str, ...] = ()
    sort: str = "newest"

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.query or self.target_groups or self.formats or self.themes or self.durations
        )


def _known_values(model) -> set[str]:
    if model is None:
        return set(Duration.values)
    return set(model.objects.values_list("slug", flat=True))


def parse_filters(params: QueryDict) -> MethodFilters:
    """Read filters from a query string; unknown values are ignored rather than failing."""
    values = {}
    for dimension in DIMENSIONS:
        wanted = [v for v in params.getlist(dimension.param) if v]
        known = _known_values(dimension.model) if wanted else set()
        values[dimension.attribute] = tuple(dict.fromkeys(v for v in wanted if v in known))
    query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
    default_sort = RELEVANCE if query else "newest"
    sort = params.get("sort", default_sort)
    if sort not in SORTS and not (sort == RELEVANCE and query):
        sort = default_sort
    return MethodFilters(query=query, sort=sort, **values)


@dataclass
class MethodResults:
    """One page of found methods: live pages, in the order search ranked them."""

    page_obj: PaginatorPage  # object_list holds the MethodPages (terms prefetched)
    facets: dict[str, dict[str, int]]  # MethodFilters attribute → value → methods it would give
    engine_used: bool
    notice: str  # Swedish, set when the database copy answered


def search_methods(
    *,
    filters: MethodFilters,
    page: int = 1,
    per_page: int | None = None,
    user: AbstractBaseUser | None = None,
) -> MethodResults:
    """One page of methods; at most search's MAX_PER_PAGE (100, the API's largest page)."""
    result = _search(filters, page=page, per_page=per_page or conf.get("PER_PAGE"), user=user)
    return _results(result, result.hits, page=result.page, per_page=result.per_page)


def _search(filters: MethodFilters, *, page: int, per_page: int, user) -> SearchResult:
    chosen = {}
    for dimension in DIMENSIONS:
        values = list(getattr(filters, dimension.attribute))
        if values and dimension.field == "audience":
            values = list(
                TargetGroup.objects.filter(slug__in=values).values_list("name", flat=True)
            )
        if values:
            chosen[dimension.field] = values
    return search(
        query=filters.query,
        types=[DOC_TYPE],
        filters=chosen,
        sort=SEARCH_SORTS[filters.sort],
        page=page,
        per_page=per_page,
        user=user,
    )


def _results(result: SearchResult, hits: list[Hit], *, page: int, per_page: int) -> MethodResults:
    reachable = min(result.total, MAX_RESULT_WINDOW)
    page_obj = Paginator(range(reachable), per_page).get_page(page)
    page_obj.object_list = with_terms(by_ids_in_order([int(hit.id) for hit in hits]))
    return MethodResults(
        page_obj=page_obj,
        facets=_facet_counts(result),
        engine_used=result.engine_used,
        notice=result.notice,
    )


def _facet_counts(result: SearchResult) -> dict[str, dict[str, int]]:
    slug_by_name = dict(TargetGroup.objects.values_list("name", "slug"))
    attribute_of = {dimension.field: dimension.attribute for dimension in DIMENSIONS}
    counts: dict[str, dict[str, int]] = {attribute: {} for attribute in attribute_of.values()}
    for facet in result.facets:
        attribute = attribute_of.get(facet.field)
        for value in facet.values if attribute else []:
            key = slug_by_name.get(value.value) if facet.field == "audience" else value.value
            if key:
                counts[attribute][key] = value.count
    return counts


def live_methods() -> QuerySet:
    return MethodPage.objects.live().public()


def by_ids_in_order(ids: list[int]) -> list[MethodPage]:
    found = {page.pk: page for page in live_methods().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def with_terms(methods: list[MethodPage]) -> list[MethodPage]:
    """The methods with their target groups, themes and formats read in three queries."""
    prefetch_related_objects(
        methods,
        Prefetch("target_groups", queryset=TargetGroup.objects.all()),
        Prefetch("themes", queryset=Theme.objects.all()),
        Prefetch("formats", queryset=MethodFormat.objects.all()),
    )
    return methods


def newest_methods(limit: int = 3) -> QuerySet:
    return live_methods().order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:limit]


def best_rated_methods(limit: int = 3) -> QuerySet:
    return (
        live_methods()
        .filter(rating_count__gte=1)
        .order_by(
            F("rating_average").desc(nulls_last=True),
            F("rating_count").desc(),
            F("first_published_at").desc(nulls_last=True),
            "pk",
        )[:limit]
    )


def related_methods(page: MethodPage) -> list[MethodPage]:
    """Search's more-like-this (by text in the engine, by shared target groups and tags in its
    database copy), topped up with methods sharing themes and target groups."""
    limit = conf.get("RELATED_COUNT")
    # The same for every visitor and stale only when methods change: asked of the engine
    # once per change, not on every view (members' pages are not served from the page cache).
    ids = cached_value(
        f"methods:related:{page.pk}:{limit}",
        tags=(PAGES, "methods"),
        compute=lambda: [
            int(hit.id) for hit in more_like_this(doc_type=DOC_TYPE, object_id=page.pk, size=limit)
        ],
    )
    related = [method for method in by_ids_in_order(ids) if method.pk != page.pk][:limit]
    if len(related) < limit:
        seen = {method.pk for method in related}
        extra = same_theme_methods(page, limit + len(related))
        related += [method for method in extra if method.pk not in seen][: limit - len(related)]
    return related


def same_theme_methods(page: MethodPage, limit: int) -> list[MethodPage]:
    """Share a theme, then a target group; most used first."""
    # .all() rather than values_list: a draft's relations are in memory (modelcluster).
    themes = [theme.pk for theme in page.themes.all()]
    groups = [group.pk for group in page.target_groups.all()]
    queryset = (
        live_methods()
        .exclude(pk=page.pk)
        .annotate(
            shared_themes=Count("themes", filter=Q(themes__in=themes), distinct=True),
            shared_groups=Count("target_groups", filter=Q(target_groups__in=groups), distinct=True),
        )
        .filter(Q(shared_themes__gt=0) | Q(shared_groups__gt=0))
        .order_by("-shared_themes", "-shared_groups", "-use_count", "pk")
    )
    return list(queryset[:limit])


def submissions_for(user: AbstractBaseUser) -> QuerySet:
    if not user.is_authenticated:
        return MethodSubmission.objects.none()
    return MethodSubmission.objects.filter(submitter=user).select_related("page")


@dataclass(frozen=True)
class SubmissionStatus:
    code: str
    label: str
    badge: str  # css modifier: success | warning | error | ""
    editable: bool
    comment: str = ""


def submission_status(submission: MethodSubmission) -> SubmissionStatus:
    page = submission.page
    editable = not page.live and page.first_published_at is None
    if page.live:
        return SubmissionStatus("published", gettext("Publicerad"), "success", False)
    if not editable:
        return SubmissionStatus("unpublished", gettext("Avpublicerad"), "", False)
    state = (
        WorkflowState.objects.filter(
            base_content_type_id=page.get_base_content_type().pk, object_id=str(page.pk)
        )
        .select_related("current_task_state")
        .order_by("-created_at", "-pk")
        .first()
    )
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        comment = state.current_task_state.comment if state.current_task_state else ""
        label = gettext("Behöver ändras")
        return SubmissionStatus("needs_changes", label, "error", True, comment)
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return SubmissionStatus("in_review", gettext("Granskas"), "warning", True)
    return SubmissionStatus(
        "stopped", gettext("Granskningen avbröts – ändra och skicka in igen"), "", True
    )
