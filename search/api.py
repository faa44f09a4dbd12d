"""Open JSON API for search, mounted at /api/v1/search/ (see syvsite/api.py)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from . import facets, services

router = Router(tags=["Sök"])


class SearchParams(Schema):
    q: str = Field("", description="Sökord. Högst 200 tecken används.")
    type: list[str] = Field([], description="Innehållstyp, t.ex. `method` (kan upprepas).")
    lan: list[str] = Field([], description="Länskod, två siffror, t.ex. `14` (kan upprepas).")
    kommun: list[str] = Field([], description="Kommunkod, fyra siffror, t.ex. `1480`.")
    malgrupp: list[str] = Field([], description="Målgrupp (kan upprepas).")
    sort: str = Field("relevance", description="`relevance` eller `date` (nyast först).")
    page: int = Field(1, description="Sida, från 1. Sidor efter den sista ger den sista.")
    per_page: int = Field(20, description="Träffar per sida, 1–50.")


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


class SearchOut(BaseModel):
    query: str
    total: int
    page: int
    per_page: int
    num_pages: int
    sort: str
    engine_used: bool = Field(description="false: svaret kommer från databasen (reserv).")
    notice: str = ""
    suggestion: str | None = Field(None, description="Förslag vid felstavning (Menade du …?)")
    ignored_filters: list[str] = []
    query_truncated: bool = False
    hits: list[HitOut]
    facets: list[FacetOut]


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


@router.get("", response=SearchOut, summary="Sök i allt innehåll", url_name="search")
def search_endpoint(request: HttpRequest, params: Query[SearchParams]):
    """Fritextsökning med svensk språkanalys över metoder, forum, vägledningsplaner,
    statistik och praktikplatser. Filtren kombineras; okända filter ignoreras och redovisas i
    `ignored_filters`. Utan sökmotor svarar databasen (`engine_used: false`)."""
    filters = facets.filters_from_query(request.GET)
    result = services.search(
        query=params.q,
        filters=filters,
        sort=params.sort,
        page=params.page,
        per_page=params.per_page,
        user=request.user,
    )
    known = {facet.name for facet in facets.facets_for()} | set(SearchParams.model_fields)
    ignored = [name for name in request.GET if name not in known]
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "num_pages": result.num_pages,
        "sort": result.sort,
        "engine_used": result.engine_used,
        "notice": result.notice,
        "suggestion": result.suggestion,
        "ignored_filters": ignored + result.ignored_filters,
        "query_truncated": result.query_truncated,
        "hits": [_hit(hit) for hit in result.hits],
        "facets": [asdict(facet) for facet in result.facets],
    }


@router.get("/suggest", response=SuggestOut, summary="Förslag medan man skriver")
def suggest_endpoint(request: HttpRequest, q: str = ""):
    """Titlar som börjar med (ett ord som börjar med) `q`. Minst två tecken."""
    return {"suggestions": services.suggest(prefix=q, user=request.user)}
