"""Open JSON API under /api/v1/methods/ (mounted by syvsite/api.py): the published methods.

The list finds methods as /metoder/ does (methods.selectors.search_methods, through search).
"""

from django.http import QueryDict
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from syvsite.accounts.services import absolute_url
from syvsite.api import PageId, PageParams, Paginated, page_meta, renamed

from .blocks import document_label
from .models import Duration, MethodFormat, MethodPage, TargetGroup, Theme
from .selectors import DIMENSIONS, SORTS, live_methods, parse_filters, search_methods

router = Router(tags=["Metodbank"])
# The API's parameter for each filter of /metoder/ (methods.selectors.DIMENSIONS), which keeps
# its Swedish query-string names.
API_PARAMS = {"malgrupp": "target_group", "format": "format", "tema": "theme", "tid": "duration"}


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


class MethodPageOut(Paginated):
    results: list[MethodSummaryOut]


class MethodParams(PageParams):
    q: str = Field("", max_length=200, description="Fritext i titel, sammanfattning och syfte")
    target_group: list[str] = Field([], description="Målgrupp (slug), t.ex. gymnasieskola")
    format: list[str] = Field([], description="Arbetsform (slug), t.ex. klass")
    theme: list[str] = Field([], description="Tema (slug), t.ex. sjalvkannedom")
    duration: list[str] = Field([], description="Tidsåtgång: kort, lektion, lang eller flera")
    sort: str = Field("newest", description=f"En av: {', '.join(SORTS)}")
    malgrupp: list[str] = renamed("malgrupp", "target_group", default=[])
    tema: list[str] = renamed("tema", "theme", default=[])
    tid: list[str] = renamed("tid", "duration", default=[])


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
def list_methods(request, filters: Query[MethodParams]):
    params = QueryDict(mutable=True)
    for dimension in DIMENSIONS:
        params.setlist(dimension.param, getattr(filters, API_PARAMS[dimension.param]))
    params["q"], params["sort"] = filters.q, filters.sort
    found = search_methods(
        filters=parse_filters(params), page=filters.page, per_page=filters.page_size
    )
    page = found.page_obj
    return {
        **page_meta(count=page.paginator.count, page=page.number, page_size=filters.page_size),
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
def method_detail(request, method_id: PageId):
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
