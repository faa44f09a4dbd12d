"""YH (MYH's statistics via SCB) in the open API: areas with their occupations' outlook,
applications per area and home county, and the follow-up of graduates."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from syvsite.api import PageParams, Paginated, paginate

from ..models import NATIONAL
from ..selectors import postsecondary
from .university import OccupationOutlookOut, outlooks_out

router = Router(tags=["REKAS"])


class YhAreaOut(Schema):
    name: str
    slug: str
    url: str
    occupations: list[OccupationOutlookOut]


@router.get("/yh/areas", response=list[YhAreaOut], summary="YH:s utbildningsområden och yrken")
def yh_areas(request: HttpRequest, county: str = NATIONAL) -> list[dict]:
    """Utbildningsområdena (en begränsad lista) med yrkena de leder till och deras prognos i
    `county` (annars hela riket, "00")."""
    return [
        {
            "name": area.name,
            "slug": area.slug,
            "url": area.get_absolute_url(),
            "occupations": outlooks_out(
                postsecondary.education_outlooks(
                    postsecondary.education_links(kind="yh_area", key=area.slug), county=county
                )
            ),
        }
        for area in postsecondary.yh_areas()
    ]


class YhParams(PageParams):
    year: int | None = Field(None, ge=1900, le=2100)
    area: str = Field("", description="Utbildningsområdets slug; tomt = alla, inklusive totalen")
    sex: str = Field("total", pattern="^(total|women|men)$", description="total, women eller men")
    page_size: int = Field(100, ge=1, le=1000, description="Rader per sida.")


class YhApplicationParams(YhParams):
    county: str = Field(NATIONAL, description='Hemlän: tvåsiffrig länskod, "00" = alla län')
    pace: str = Field("total", pattern="^(total|full|part)$", description="total, full, part")


class YhApplicationOut(Schema):
    year: int
    area: str | None = Field(description="Utbildningsområde; null = alla områden")
    county_code: str
    sex: str
    pace: str
    applications: int | None
    applicants: int | None
    eligible_applicants: int | None
    admitted: int | None = Field(description='Antagna vid start; null = ".." hos SCB')


class YhApplicationPage(Paginated):
    results: list[YhApplicationOut]


def _yh_filter(queryset, filters: YhParams):
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    if filters.area:
        queryset = queryset.filter(area__slug=filters.area)
    return queryset


@router.get(
    "/yh/applications",
    response=YhApplicationPage,
    summary="Sökande och antagna till YH per område och hemlän",
)
def yh_applications(request: HttpRequest, filters: Query[YhApplicationParams]) -> dict:
    queryset = _yh_filter(
        postsecondary.yh_applications(county=filters.county, sex=filters.sex, pace=filters.pace),
        filters,
    )
    rows, meta = paginate(queryset, filters)
    fields = ("year", "county_code", "sex", "pace", "applications", "applicants")
    return {
        **meta,
        "results": [
            {
                **{field: getattr(row, field) for field in fields},
                "area": row.area_name,
                "eligible_applicants": row.eligible_applicants,
                "admitted": row.admitted,
            }
            for row in rows
        ],
    }


class YhOutcomeOut(Schema):
    year: int
    area: str | None
    sex: str
    graduates: int | None
    work: float | None = Field(description="I arbete, procent")
    work_margin: float | None = Field(description="Felmarginal ±, procentenheter")
    employed: float | None
    employed_margin: float | None
    self_employed: float | None
    self_employed_margin: float | None
    job_seeking: float | None
    job_seeking_margin: float | None
    studying: float | None
    studying_margin: float | None
    other: float | None
    other_margin: float | None


class YhOutcomePage(Paginated):
    results: list[YhOutcomeOut]


OUTCOME_FIELDS = [name for name in YhOutcomeOut.model_fields if name not in {"area", "year"}]


@router.get(
    "/yh/outcomes", response=YhOutcomePage, summary="Uppföljning av YH-examinerade (andel i arbete)"
)
def yh_outcomes(request: HttpRequest, filters: Query[YhParams]) -> dict:
    rows, meta = paginate(_yh_filter(postsecondary.yh_outcomes(sex=filters.sex), filters), filters)

    def value(row, field):
        number = getattr(row, field)
        return float(number) if number is not None and field not in {"sex", "graduates"} else number

    return {
        **meta,
        "results": [
            {"year": row.year, "area": row.area_name, **{f: value(row, f) for f in OUTCOME_FIELDS}}
            for row in rows
        ],
    }
