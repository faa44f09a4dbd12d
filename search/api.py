"""Open JSON API for search, mounted at /api/v1/search/ (see syvsite/api.py).

Facet filters are named by the facet's `field` (`county`, `method_theme`, `placement_type`, …;
the content type is `type`); the facet's `param` is the Swedish name the web pages use, which
the API still accepts until version 2 (noted like any renamed parameter). The answer's
`facets[].param` is the name to filter with.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router
from pydantic import BaseModel, create_model

from syvsite.api import PageParams, Paginated, note_renamed, renamed

from . import facets, services
from .registry import Facet

router = Router(tags=["Sök"])

# A facet's parameter in the API is its field, except where the API has its own name.
API_NAMES = {"content_type": "type"}
FACET_DESCRIPTIONS = {
    "county": "Länskod, två siffror, t.ex. `14` (kan upprepas).",
    "municipality": "Kommunkod, fyra siffror, t.ex. `1480` (kan upprepas).",
    "audience": "Målgrupp (kan upprepas).",
}


def api_name(field: str) -> str:
    """A facet's filter parameter in the API (and its `param` in the answer's facets)."""
    return API_NAMES.get(field, field)


def old_name(facet: Facet) -> str | None:
    """The facet's Swedish query-string name, when it differs from the API's."""
    return facet.param if facet.param and facet.param != api_name(facet.field) else None


class BaseSearchParams(PageParams):
    q: str = Field("", description="Sökord. Högst 200 tecken används.")
    type: list[str] = Field([], description="Innehållstyp, t.ex. `method` (kan upprepas).")
    sort: str = Field("relevance", description="`relevance` eller `date` (nyast först).")
    page_size: int = Field(
        20, ge=1, le=services.MAX_PER_PAGE, description="Träffar per sida, 1–100."
    )
    per_page: int | None = renamed("per_page", "page_size", ge=1, le=services.MAX_PER_PAGE)


def _facet_params() -> dict[str, Any]:
    """A parameter for each facet registered at start-up, and its old name, for the OpenAPI
    document. Filters are read from the query string by `_filters`, which also knows types
    registered later."""
    fields: dict[str, Any] = {}
    for facet in facets.facets_for():
        name = api_name(facet.field)
        if name in BaseSearchParams.model_fields:
            continue
        description = FACET_DESCRIPTIONS.get(name, f"Filter: {facet.label} (kan upprepas).")
        fields[name] = (list[str], Field([], description=description))
        old = old_name(facet)
        if old:
            fields[old] = (list[str], renamed(old, name, default=[]))
    return fields


SearchParams = create_model("SearchParams", __base__=BaseSearchParams, **_facet_params())


# Responses are plain pydantic models: ninja's Schema adds a per-object validator meant for ORM
# objects, which costs more than the rest of the view for a page of hits with facets.
class HitOut(BaseModel):
    id: str
    type: str = Field(description="Innehållstyp")
    type_label: str
    title: str
    url: str
    snippet: str = Field(description="Utdrag som HTML: escapad text med <mark> kring träffar.")
    date: date | datetime | str | None = None
    county: list[str] = []
    municipality: list[str] = []
    audience: list[str] = []
    tags: list[str] = []


class FacetValueOut(BaseModel):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(BaseModel):
    field: str
    param: str = Field(description="Parameternamn att filtrera med")
    label: str
    values: list[FacetValueOut]


def _old_key(new: str) -> Any:
    return Field(deprecated=True, description=f"Föråldrat: samma som `{new}`; finns till v2.")


class SearchOut(Paginated):
    results: list[HitOut]
    query: str
    sort: str
    engine_used: bool = Field(description="false: svaret kommer från databasen (reserv).")
    notice: str = ""
    suggestion: str | None = Field(None, description="Förslag vid felstavning (Menade du …?)")
    relaxed: bool = Field(
        False,
        description="true: inget dokument hade alla orden; träffarna har de flesta av dem "
        "eller ord som stavas nästan likadant.",
    )
    ignored_filters: list[str] = []
    query_truncated: bool = False
    facets: list[FacetOut]
    total: int = _old_key("count")
    per_page: int = _old_key("page_size")
    num_pages: int = _old_key("pages")
    hits: list[HitOut] = _old_key("results")


class SuggestOut(BaseModel):
    suggestions: list[str]


def _hit(hit) -> dict:
    source = hit.source
    return {
        "id": hit.id,
        "type": hit.doc_type,
        "type_label": hit.type_label,
        "title": hit.title,
        "url": hit.url,
        "snippet": hit.snippet,
        "date": source.get("date"),
        "county": source.get("county") or [],
        "municipality": source.get("municipality") or [],
        "audience": source.get("audience") or [],
        "tags": source.get("tags") or [],
    }


def _filters(request: HttpRequest, available: list[Facet]) -> dict[str, list[str]]:
    """Facet filters by the API's names, or by the old Swedish ones (noted as renamed)."""
    filters, used = {}, {}
    for facet in available:
        name, old = api_name(facet.field), old_name(facet)
        values = request.GET.getlist(name)
        if old and old in request.GET:
            used[old] = name
            values = values or request.GET.getlist(old)
        if values:
            filters[facet.field] = values
    note_renamed(request, used)
    return filters


@router.get("", response=SearchOut, summary="Sök i allt innehåll", url_name="search")
def search_endpoint(request: HttpRequest, params: Query[SearchParams]):
    """Fritextsökning med svensk språkanalys över metoder, forum, vägledningsplaner,
    statistik och praktikplatser. Filtren (ett per fasett, namnet i `facets[].param`)
    kombineras; okända filter ignoreras och redovisas i `ignored_filters`. Utan sökmotor
    svarar databasen (`engine_used: false`).

    De svenska filternamnen (`lan`, `kommun`, `malgrupp`, `tema`, …), `per_page` och svarets
    `total`, `per_page`, `num_pages` och `hits` fungerar till API-version 2."""
    available = facets.facets_for()
    result = services.search(
        query=params.q,
        filters=_filters(request, available),
        sort=params.sort,
        page=params.page,
        per_page=params.page_size,
        user=request.user,
    )
    known = set(SearchParams.model_fields)
    known |= {api_name(facet.field) for facet in available}
    known |= {old_name(facet) for facet in available} - {None}
    ignored = [name for name in request.GET if name not in known]
    hits = [_hit(hit) for hit in result.promoted + result.hits]  # pinned by editors first
    return {
        # result.num_pages counts only the pages a search can reach (the engine's window).
        "count": result.total,
        "page": result.page,
        "page_size": result.per_page,
        "pages": result.num_pages,
        "results": hits,
        "query": result.query,
        "sort": result.sort,
        "engine_used": result.engine_used,
        "notice": result.notice,
        "suggestion": result.suggestion,
        "relaxed": result.relaxed,
        "ignored_filters": ignored + result.ignored_filters,
        "query_truncated": result.query_truncated,
        "facets": [{**asdict(facet), "param": api_name(facet.field)} for facet in result.facets],
        "total": result.total,
        "per_page": result.per_page,
        "num_pages": result.num_pages,
        "hits": hits,
    }


@router.get("/suggest", response=SuggestOut, summary="Förslag medan man skriver")
def suggest_endpoint(request: HttpRequest, q: str = ""):
    """Titlar som börjar med (ett ord som börjar med) `q`. Minst två tecken."""
    return {"suggestions": services.suggest(prefix=q, user=request.user)}
