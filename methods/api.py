"""Open JSON API under /api/v1/methods/ (mounted by syvsite/api.py): the published methods.

The list finds methods as /metoder/ does (methods.selectors.search_methods, through search).
"""

from django.http import QueryDict
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from syvsite.accounts.services import absolute_url

from .blocks import document_label
from .models import Duration, MethodFormat, MethodPage, TargetGroup, Theme
from .selectors import SORTS, live_methods, parse_filters, search_methods

router = Router(tags=["Metodbank"])
# Wagtail page ids are 32-bit integers; a larger id is a bad request (422), not a crash.
PAGE_ID_MAX = 2**31 - 1
MAX_PAGE_SIZE = 100


class TermOut(Schema):
    slug: str
    name: str


class MethodSummaryOut(Schema):
    id: int
    title: str
    summary: str
    url: str = Field(description="Metodens adress på SYV-portalen")
    target_groups: list[TermOut]
    formats: list[TermOut]
    themes: list[TermOut]
    duration: str = Field(description="kort, lektion, lang eller flera")
    duration_label: str
    use_count: int = Field(description="Antal medlemmar som markerat att de använt metoden")
    rating_count: int
    rating_average: float | None = Field(description="Medelbetyg 1–5, null utan betyg")
    published: str | None = Field(description="Första publicering (ISO 8601)")


class StepOut(Schema):
    title: str
    instructions: str
    minutes: int | None


class ReferenceOut(Schema):
    document: str
    document_label: str
    section: str
    url: str


class MethodOut(MethodSummaryOut):
    purpose: str
    time_needed: str
    preparation: str
    materials: list[str]
    steps: list[StepOut]
    adaptation_tips: str
    steering_references: list[ReferenceOut]
    organisation: str | None
    last_reviewed: str | None


class MethodPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    results: list[MethodSummaryOut]


class MethodFilters(Schema):
    q: str = Field("", max_length=200, description="Fritext i titel, sammanfattning och syfte")
    malgrupp: list[str] = Field([], description="Målgrupp (slug), t.ex. gymnasieskola")
    format: list[str] = Field([], description="Arbetsform (slug), t.ex. klass")
    tema: list[str] = Field([], description="Tema (slug), t.ex. sjalvkannedom")
    tid: list[str] = Field([], description="Tidsåtgång: kort, lektion, lang eller flera")
    sort: str = Field("newest", description=f"En av: {', '.join(SORTS)}")
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class VocabulariesOut(Schema):
    target_groups: list[TermOut]
    formats: list[TermOut]
    themes: list[TermOut]
    durations: list[TermOut]


def _terms(items) -> list[dict]:
    return [{"slug": item.slug, "name": item.name} for item in items]


def _summary(page: MethodPage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "url": absolute_url(page.url or ""),
        "target_groups": _terms(page.target_groups.all()),
        "formats": _terms(page.formats.all()),
        "themes": _terms(page.themes.all()),
        "duration": page.duration,
        "duration_label": str(page.get_duration_display()),
        "use_count": page.use_count,
        "rating_count": page.rating_count,
        "rating_average": page.rating_average,
        "published": page.first_published_at.isoformat() if page.first_published_at else None,
    }


@router.get("/", response=MethodPageOut, summary="Publicerade metoder, filtrerade och sorterade")
def list_methods(request, filters: Query[MethodFilters]):
    params = QueryDict(mutable=True)
    params.setlist("malgrupp", filters.malgrupp)
    params.setlist("format", filters.format)
    params.setlist("tema", filters.tema)
    params.setlist("tid", filters.tid)
    params["q"], params["sort"] = filters.q, filters.sort
    found = search_methods(
        filters=parse_filters(params), page=filters.page, per_page=filters.page_size
    )
    page = found.page_obj
    return {
        "count": page.paginator.count,
        "page": page.number,
        "page_size": filters.page_size,
        "pages": page.paginator.num_pages,
        "results": [_summary(method) for method in page.object_list],
    }


@router.get("/vocabularies", response=VocabulariesOut, summary="Målgrupper, arbetsformer, teman")
def vocabularies(request):
    return {
        "target_groups": _terms(TargetGroup.objects.all()),
        "formats": _terms(MethodFormat.objects.all()),
        "themes": _terms(Theme.objects.all()),
        "durations": [{"slug": value, "name": str(label)} for value, label in Duration.choices],
    }


@router.get("/{method_id}", response=MethodOut, summary="En publicerad metod med alla steg")
def method_detail(request, method_id: int = Path(..., ge=1, le=PAGE_ID_MAX)):
    page = get_object_or_404(live_methods(), pk=method_id)
    return {
        **_summary(page),
        "purpose": page.purpose,
        "time_needed": page.time_needed,
        "preparation": page.preparation,
        "materials": page.material_lines,
        "steps": [
            {
                "title": step.value["title"],
                "instructions": step.value["instructions"],
                "minutes": step.value.get("minutes"),
            }
            for step in page.steps
        ],
        "adaptation_tips": page.adaptation_tips,
        "steering_references": [
            {
                "document": ref.value["document"],
                "document_label": document_label(ref.value["document"]),
                "section": ref.value["section"] or "",
                "url": ref.value["url"] or "",
            }
            for ref in page.steering_references
        ],
        "organisation": str(page.author_organisation) if page.author_organisation else None,
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
    }
