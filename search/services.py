"""Searching, for views and the API: one function, the engine if it answers, else the database.

    from search.services import GeoFilter, search
    result = search(query="apl", types=["method"], filters={"county": ["14"]},
                    page=2, user=request.user)

Never raises for bad input: the query is capped, unknown filters and types are ignored (and
reported on the result), pages out of range give the last page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from django.utils.translation import gettext as _

from . import facets, fallback, promotions, registry
from .client import EngineError, EngineUnavailable, get_engine
from .documents import VISIBILITY_MEMBERS, VISIBILITY_PUBLIC
from .engine_search import engine_more_like_this, engine_search, engine_suggest
from .outbox import drain_mode
from .queries import QueryPlan
from .results import MAX_RESULT_WINDOW, FacetResult, FacetValue, GeoFilter, Hit, SearchResult

__all__ = ["GeoFilter", "Hit", "SearchResult", "more_like_this", "search", "suggest"]

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
FEW = 3  # fewer documents with every word than this: show those with most words too
MAX_PER_PAGE = 100  # the largest page any caller asks for (the API's page_size)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(query: str | None) -> tuple[str, bool]:
    """Whitespace collapsed, control characters removed, at most MAX_QUERY_LENGTH characters."""
    text = " ".join(CONTROL.sub(" ", str(query or "")).split())
    truncated = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH].strip(), truncated


def visibilities_for(user) -> list[str]:
    from syvsite.accounts.roles import is_member

    if user is not None and is_member(user):
        return [VISIBILITY_PUBLIC, VISIBILITY_MEMBERS]
    return [VISIBILITY_PUBLIC]


def _fallback_notice(reason: str) -> str:
    if reason == "not_configured":
        return _(
            "Sökningen körs just nu direkt mot databasen. Den hittar ord och orddelar som står "
            "i texten, men inte andra böjningsformer av dem, så pröva gärna flera varianter."
        )
    return _(
        "Sökmotorn svarar inte just nu, så resultaten kommer direkt från databasen. De kan "
        "vara färre och sämre sorterade än vanligt eftersom andra böjningsformer av orden "
        "inte hittas. Försök gärna igen om en stund."
    )


def _sort_for(sort: str | None, *, text: str, types: list[str], geo: GeoFilter | None) -> str:
    allowed = {"relevance", "date"} | ({"distance"} if geo else set())
    for search_type in registry.all_types():
        if search_type.name in types:
            for name in search_type.sortable:
                allowed |= {name, f"-{name}"}
    if sort in allowed:
        return sort
    return "relevance" if text else "date"


def _catch_up() -> None:
    """In "sync" mode (tests, commands) a search first applies pending changes."""
    if drain_mode() == "sync":
        from .indexing import drain
        from .models import OutboxEntry

        if OutboxEntry.objects.exists():
            drain(refresh=True, blocking=True)


def search(
    *,
    query: str | None = "",
    types: list[str] | None = None,
    filters: dict[str, list[str]] | None = None,
    sort: str | None = "relevance",
    page: int | str | None = 1,
    per_page: int = 20,
    user=None,
    geo: GeoFilter | None = None,
    facet_sizes: dict[str, int] | None = None,
) -> SearchResult:
    """`facet_sizes` asks for more (or fewer) values of some facets than they show by default,
    e.g. {"municipality": 290} for a map of every municipality."""
    text, truncated = clean_query(query)
    known = registry.names()
    searched = [name for name in (types or known) if name in known]
    available = [
        replace(facet, size=facet_sizes[facet.field])
        if facet.field in (facet_sizes or {})
        else facet
        for facet in facets.facets_for(searched)
    ]
    cleaned, ignored = facets.clean_filters(filters, available)
    per_page = max(1, min(int(per_page or 20), MAX_PER_PAGE))
    try:
        page_number = max(1, int(page or 1))
    except (TypeError, ValueError):
        page_number = 1
    max_page = MAX_RESULT_WINDOW // per_page
    page_number = min(page_number, max_page)
    plan = QueryPlan(
        text=text,
        types=searched,
        visibilities=visibilities_for(user),
        filters=cleaned,
        facets=available,
        sort=_sort_for(sort, text=text, types=searched, geo=geo),
        offset=(page_number - 1) * per_page,
        size=per_page,
        geo=geo,
    )
    result = _run(plan) if searched else _empty(plan)
    if result.total and not result.hits and page_number > 1:
        # Past the last page: answer with the last page instead of an empty one.
        plan.offset = (result.num_pages - 1) * per_page
        result = _run(plan)
        page_number = result.num_pages
    if page_number == 1 and text and not cleaned:
        _put_promoted_first(result, plan)
    result.page = page_number
    result.query_truncated = truncated
    result.ignored_filters = ignored
    _label_facets(result, available)
    return result


def _put_promoted_first(result: SearchResult, plan: QueryPlan) -> None:
    """Documents editors pinned for this query go first, and are not repeated below."""
    rows = promotions.documents_for(
        query=plan.text, types=plan.types, visibilities=plan.visibilities
    )
    if rows:
        result.promoted = [_hit_from_row(row, plan.text) for row in rows]
        pinned = {(hit.doc_type, hit.id) for hit in result.promoted}
        result.hits = [hit for hit in result.hits if (hit.doc_type, hit.id) not in pinned]


def _run(plan: QueryPlan) -> SearchResult:
    """All words; when fewer than FEW documents have them all, also those with most of the
    words or near spellings of them, after the ones with all (the page says so)."""
    result = _run_once(plan)
    if result.total < FEW and plan.text and not plan.relaxed:
        relaxed = _run_once(replace(plan, relaxed=True, with_suggestion=False))
        if relaxed.total > result.total:
            relaxed.relaxed = True
            relaxed.exact_total = result.total
            relaxed.suggestion = result.suggestion
            return relaxed
    return result


def _run_once(plan: QueryPlan) -> SearchResult:
    _catch_up()
    engine = get_engine()
    if engine is not None:
        try:
            return engine_search(engine, plan)
        except (EngineUnavailable, EngineError) as error:
            logger.warning("search: engine failed, answering from the database: %s", error)
            return _from_database(plan, reason="unavailable")
    return _from_database(plan, reason="not_configured")


def _empty(plan: QueryPlan) -> SearchResult:
    return SearchResult(
        query=plan.text,
        hits=[],
        total=0,
        page=1,
        per_page=plan.size,
        facets=[],
        sort=plan.sort,
        engine_used=False,
        filters=plan.filters,
    )


def _from_database(plan: QueryPlan, *, reason: str) -> SearchResult:
    rows, total, facet_results = fallback.search(plan)
    hits = [_hit_from_row(row, plan.text) for row in rows]
    return SearchResult(
        query=plan.text,
        hits=hits,
        total=total,
        page=1,
        per_page=plan.size,
        facets=facet_results,
        sort=plan.sort,
        engine_used=False,
        notice=_fallback_notice(reason),
        filters=plan.filters,
    )


def _hit_from_row(row, text: str) -> Hit:
    title_html, snippet = fallback.snippet(row, text)
    return Hit(
        id=row.object_id,
        doc_type=row.doc_type,
        type_label=_type_label(row.doc_type),
        title=row.title,
        url=row.url,
        snippet=snippet,
        title_html=title_html,
        source=row.data,
        distance_km=getattr(row, "distance", None),
    )


def _type_label(doc_type: str) -> str:
    return str(registry.get(doc_type).label) if doc_type in registry.names() else doc_type


def _label_facets(result: SearchResult, available) -> None:
    by_field = {facet.field: facet for facet in available}
    labelled: list[FacetResult] = []
    for facet_result in result.facets:
        facet = by_field[facet_result.field]
        chosen = result.filters.get(facet.field, [])
        present = {value.value for value in facet_result.values}
        for value in facet_result.values:
            value.label = facets.value_label(facet, value.value)
            value.selected = value.value in chosen
        # A chosen value with no hits left stays visible, so it can be removed.
        for value in chosen:
            if value not in present:
                facet_result.values.append(
                    FacetValue(value, facets.value_label(facet, value), 0, True)
                )
        if facet_result.values:
            labelled.append(facet_result)
    result.facets = labelled


def suggest(*, prefix: str, user=None, size: int = 8) -> list[str]:
    """Titles starting with (a word starting with) `prefix`, for autocomplete."""
    text, _truncated = clean_query(prefix)
    text = text[:50]
    if len(text) < 2:
        return []
    visibilities = visibilities_for(user)
    _catch_up()
    engine = get_engine()
    if engine is not None:
        try:
            return engine_suggest(engine, text, visibilities, size=size)
        except (EngineUnavailable, EngineError) as error:
            logger.warning("suggest: engine failed, answering from the database: %s", error)
    return fallback.suggest(text, visibilities, size=size)


def more_like_this(*, doc_type: str, object_id, size: int = 5, user=None) -> list[Hit]:
    """Documents of the same type similar to this one: by text in the engine; without it,
    those sharing the most audience values and tags."""
    if doc_type not in registry.names():
        return []
    _catch_up()
    engine = get_engine()
    if engine is None:
        return _similar_from_database(doc_type, str(object_id), size, user)
    try:
        return engine_more_like_this(
            engine,
            doc_type=doc_type,
            object_id=str(object_id),
            size=size,
            visibilities=visibilities_for(user),
        )
    except (EngineUnavailable, EngineError) as error:
        logger.warning("more_like_this: engine failed: %s", error)
        return _similar_from_database(doc_type, str(object_id), size, user)


def _similar_from_database(doc_type: str, object_id: str, size: int, user) -> list[Hit]:
    rows = fallback.similar(doc_type, object_id, size=size, visibilities=visibilities_for(user))
    return [_hit_from_row(row, "") for row in rows]
