"""Reads shared by the method bank's views, panels and API: filtering, sorting, facets.

This is the database path for /metoder/: exact and indexed (one EXISTS per filter
dimension; OR within a dimension, AND across dimensions).
"""

from dataclasses import dataclass, replace

from django.core.paginator import Page as PaginatorPage
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .models import Duration, MethodFormat, MethodPage, TargetGroup, Theme

PER_PAGE = 12
MAX_QUERY_LENGTH = 200

# (query-string parameter, MethodFilters attribute, term model or None for duration, label)
DIMENSIONS = [
    ("malgrupp", "target_groups", TargetGroup, _("Målgrupp")),
    ("format", "formats", MethodFormat, _("Arbetsform")),
    ("tema", "themes", Theme, _("Tema")),
    ("tid", "durations", None, _("Tidsåtgång")),
]
SORTS = {
    "newest": _("Nyast först"),
    "most_used": _("Mest använda"),
    "best_rated": _("Bäst betyg"),
    "title": _("Titel A–Ö"),
}
RELEVANCE = "relevance"
RELEVANCE_LABEL = _("Mest relevant")


@dataclass
class Listing:
    """One page of the /metoder/ listing, from the engine or the database."""

    page_obj: PaginatorPage
    facets: dict[str, dict[str, int]]
    engine_used: bool
    notice: str = ""


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

    def without(self, attribute: str) -> "MethodFilters":
        return replace(self, **{attribute: ()})


def _known_values(model) -> set[str]:
    if model is None:
        return set(Duration.values)
    return set(model.objects.values_list("slug", flat=True))


def parse_filters(params: QueryDict) -> MethodFilters:
    """Read filters from a query string; unknown values are ignored rather than failing."""
    values = {}
    for param, attribute, model, _label in DIMENSIONS:
        wanted = [v for v in params.getlist(param) if v]
        known = _known_values(model) if wanted else set()
        values[attribute] = tuple(dict.fromkeys(v for v in wanted if v in known))
    query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
    default_sort = RELEVANCE if query else "newest"
    sort = params.get("sort", default_sort)
    if sort not in SORTS and not (sort == RELEVANCE and query):
        sort = default_sort
    return MethodFilters(query=query, sort=sort, **values)


def live_methods() -> QuerySet:
    return MethodPage.objects.live().public()


def _through_exists(attribute: str, slugs: tuple[str, ...]) -> Exists:
    relation = MethodPage._meta.get_field(attribute)
    through = relation.remote_field.through
    target = relation.m2m_reverse_field_name()
    return Exists(
        through.objects.filter(
            **{relation.m2m_field_name(): OuterRef("pk"), f"{target}__slug__in": slugs}
        )
    )


def filter_methods(filters: MethodFilters, queryset: QuerySet | None = None) -> QuerySet:
    queryset = live_methods() if queryset is None else queryset
    for attribute in ("target_groups", "formats", "themes"):
        slugs = getattr(filters, attribute)
        if slugs:
            queryset = queryset.filter(_through_exists(attribute, slugs))
    if filters.durations:
        queryset = queryset.filter(duration__in=filters.durations)
    for word in filters.query.split():
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(purpose__icontains=word)
        )
    return queryset


def sort_methods(queryset: QuerySet, sort: str) -> QuerySet:
    newest = F("first_published_at").desc(nulls_last=True)
    if sort == "most_used":
        return queryset.order_by(F("use_count").desc(), newest, "pk")
    if sort == "best_rated":
        return queryset.order_by(
            F("rating_average").desc(nulls_last=True), F("rating_count").desc(), newest, "pk"
        )
    if sort == "title":
        return queryset.order_by("title", "pk")
    return queryset.order_by(newest, "-pk")


def search_methods(filters: MethodFilters) -> QuerySet:
    return sort_methods(filter_methods(filters), filters.sort)


def facet_counts(filters: MethodFilters) -> dict[str, dict[str, int]]:
    """Per dimension: how many methods each value would give, with the other filters applied."""
    counts: dict[str, dict[str, int]] = {}
    for _param, attribute, model, _label in DIMENSIONS:
        base = filter_methods(filters.without(attribute)).order_by()
        if model is None:
            rows = base.values_list("duration").annotate(n=Count("pk"))
        else:
            relation = MethodPage._meta.get_field(attribute)
            through = relation.remote_field.through
            target = relation.m2m_reverse_field_name()
            rows = (
                through.objects.filter(**{f"{relation.m2m_field_name()}__in": base.values("pk")})
                .values_list(f"{target}__slug")
                .annotate(n=Count("pk"))
                .order_by()
            )
        counts[attribute] = dict(rows)
    return counts


def newest_methods(limit: int = 3) -> QuerySet:
    return sort_methods(live_methods(), "newest")[:limit]


def best_rated_methods(limit: int = 3, min_ratings: int = 1) -> QuerySet:
    return sort_methods(live_methods().filter(rating_count__gte=min_ratings), "best_rated")[:limit]


def same_theme_methods(page: MethodPage, limit: int = 4) -> list[MethodPage]:
    """Fallback for "related methods": share a theme, then a target group; most used first."""
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


def by_ids_in_order(ids: list[int]) -> list[MethodPage]:
    found = {page.pk: page for page in live_methods().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
