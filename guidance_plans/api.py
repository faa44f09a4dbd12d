"""Open JSON API under /api/v1/guidance-plans/ (mounted by syvsite/api.py)."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from syvsite.api import PageId, PageParams, Paginated, paginate

from .constants import MunicipalityStatus, PlanRole, Stage
from .models import GuidancePlanPage
from .selectors import filter_activities, municipality_overview, published_plans
from .text import plan_sections

router = Router(tags=["Vägledningsplaner"])


class RegionOut(Schema):
    code: str
    name: str


class PlanOut(Schema):
    id: int
    title: str
    url: str
    municipality: RegionOut
    county: RegionOut
    valid_from: date
    valid_to: date | None = Field(description="null: gäller tills vidare")
    status: str = Field(description="gallande, kommande eller utgangen")
    summary: str


class SectionOut(Schema):
    key: str
    heading: str
    paragraphs: list[str]


class PlanDetailOut(PlanOut):
    adopted_by: str
    sections: list[SectionOut]


class MunicipalityStatusOut(Schema):
    municipality: RegionOut
    county: RegionOut
    status: str = Field(description="gallande, kommande, under_arbete, utgangen eller saknas")
    plan_id: int | None


class OverviewOut(Schema):
    counts: dict[str, int] = Field(description="Antal kommuner per status")
    municipalities: list[MunicipalityStatusOut]


class ActivityOut(Schema):
    id: int
    title: str
    description: str
    stage: str
    stage_label: str
    responsible_role: str
    responsible_role_label: str
    timing: str
    url: str
    plan_id: int
    municipality: RegionOut


class ActivityPage(Paginated):
    results: list[ActivityOut]


class ActivityParams(PageParams):
    stage: list[Stage] = Field([], description="Skolform/stadium, t.ex. 7-9 eller gy")
    role: list[PlanRole] = Field([], description="Ansvarig roll, t.ex. syv eller rektor")
    county: str = Field("", description="Tvåsiffrig länskod, t.ex. 14")
    municipality: str = Field("", description="Fyrsiffrig kommunkod, t.ex. 1480")
    page_size: int = Field(50, ge=1, le=200, description="Aktiviteter per sida.")


def _region(obj) -> dict:
    return {"code": obj.code, "name": obj.name}


def _plan(plan: GuidancePlanPage) -> dict:
    return {
        "id": plan.pk,
        "title": plan.title,
        "url": plan.url or "",
        "municipality": _region(plan.municipality),
        "county": _region(plan.municipality.county),
        "valid_from": plan.valid_from,
        "valid_to": plan.valid_to,
        "status": plan.status(),
        "summary": plan.summary,
    }


@router.get("/plans", response=list[PlanOut], summary="Publicerade vägledningsplaner")
def list_plans(request, county: str = "", municipality: str = ""):
    plans = published_plans()
    if county:
        plans = plans.filter(municipality__county__code=county)
    if municipality:
        plans = plans.filter(municipality__code=municipality)
    return [_plan(plan) for plan in plans]


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="En plan, avsnitt för avsnitt")
def plan_detail(request, plan_id: PageId):
    plan = get_object_or_404(published_plans(), pk=plan_id)
    sections = [
        {"key": s.key, "heading": s.heading, "paragraphs": list(s.paragraphs)}
        for s in plan_sections(plan)
    ]
    return {**_plan(plan), "adopted_by": plan.adopted_by, "sections": sections}


@router.get("/status", response=OverviewOut, summary="Planstatus för alla kommuner")
def status(request, county: str = "", status: MunicipalityStatus | None = None):
    overview = municipality_overview(county_code=county, status=status or "")
    return {
        "counts": overview.counts,
        "municipalities": [
            {
                "municipality": _region(row.municipality),
                "county": _region(row.municipality.county),
                "status": row.status.value,
                "plan_id": row.plan.pk if row.plan else None,
            }
            for row in overview.rows
        ],
    }


@router.get("/activities", response=ActivityPage, summary="Aktivitetsbanken")
def activities(request, filters: Query[ActivityParams]):
    found = filter_activities(
        stages=[str(s) for s in filters.stage],
        roles=[str(r) for r in filters.role],
        county_code=filters.county,
        municipality_code=filters.municipality,
    )
    rows, meta = paginate(found, filters)
    return {
        **meta,
        "results": [
            {
                "id": row.pk,
                "title": row.title,
                "description": row.description,
                "stage": row.stage,
                "stage_label": row.get_stage_display(),
                "responsible_role": row.responsible_role,
                "responsible_role_label": row.get_responsible_role_display(),
                "timing": row.timing,
                "url": row.get_absolute_url(),
                "plan_id": row.plan_id,
                "municipality": _region(row.municipality),
            }
            for row in rows
        ],
    }
