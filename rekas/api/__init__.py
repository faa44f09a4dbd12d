"""Open JSON API under /api/v1/rekas/ (mounted by syvsite/api.py). Data: CC0 / own curation."""

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from syvsite.api import PageParams, Paginated, paginate

from .. import selectors
from ..labels import add_labels
from ..models import NATIONAL, Occupation, Orientation, Programme
from ..selectors import statistics

router = Router(tags=["REKAS"])
NULL_MEANS = "null = ej publicerat av antagningskansliet (aldrig 0)."
FIGURES = [
    "places", "first_choice_applicants", "admitted", "admitted_first_choice", "reserves",
    "lowest_merit", "mean_merit", "median_merit",
]  # fmt: skip


class OrientationOut(Schema):
    code: str
    name: str


class ProgrammeOut(Schema):
    code: str
    name: str
    kind: str = Field(description="vocational, preparatory eller introduction")
    kind_label: str
    orientations: list[OrientationOut]
    url: str


class AdmissionOut(Schema):
    year: int
    round: str = Field(description="preliminary eller final")
    county_code: str
    municipality_code: str
    municipality_name: str
    school_name: str
    programme_code: str
    study_path: str
    variant: str = Field(description="Det publicerade namnet utöver program och inriktning")
    places: int | None = Field(description=NULL_MEANS)
    first_choice_applicants: int | None = Field(description=NULL_MEANS)
    admitted: int | None = Field(description=NULL_MEANS)
    admitted_first_choice: int | None = Field(
        description="Antagna i första hand (inte förstahandssökande). " + NULL_MEANS
    )
    reserves: int | None = Field(description=NULL_MEANS)
    lowest_merit: float | None = Field(description=NULL_MEANS)
    mean_merit: float | None = Field(description=NULL_MEANS)
    median_merit: float | None = Field(description=NULL_MEANS)
    not_published: list[str] = Field(
        description="Siffrorna som antagningskansliet inte publicerar för raden (ej publicerat)"
    )
    needs_review: bool


class AdmissionPage(Paginated):
    results: list[AdmissionOut]


class AdmissionParams(PageParams):
    year: int | None = None
    round: str | None = Field(None, description="preliminary eller final")
    county: str | None = Field(None, description="Tvåsiffrig länskod, t.ex. 14")
    municipality: str | None = Field(None, description="Fyrsiffrig kommunkod, t.ex. 1480")
    programme: str | None = Field(None, description="Programkod, t.ex. VO")
    page_size: int = Field(100, ge=1, le=1000, description="Rader per sida.")


class AssessmentOut(Schema):
    area_code: str = Field(description='"00" för hela riket, annars länskod')
    round: str
    barometer_occupation: str
    job_opportunities: str | None
    recruitment_situation: str | None
    outlook: str | None = Field(description="Efterfrågan om fem år: öka, vara oförändrad, minska")


class OccupationOut(Schema):
    ssyk: str
    name: str
    area: str | None
    url: str
    assessments: list[AssessmentOut]


class MatchingOut(Schema):
    programme_code: str
    places: float | None
    first_choice_applicants: float | None
    applicants_per_place: float | None
    fill_rate: float | None
    admitted_first_choice: float | None
    reserves: float | None
    lowest_merit: float | None
    mean_merit: float | None
    median_merit: float | None
    pressure_measure: str = Field(
        description="Måttet som bedömer söktrycket: forstahandssokande, fyllnadsgrad, "
        "lagsta_merit eller inget (antagningskanslierna publicerar olika siffror)"
    )
    pressure_label: str
    shortage: float | None
    balance: float | None
    surplus: float | None
    coverage: float | None = Field(description="Andel av kopplingens vikt med bedömning")
    fallback_weight: float | None = Field(description="Andel där rikets bedömning används")
    demand_index: float | None
    match: str
    match_label: str


class MatchingResponse(Schema):
    area_code: str
    area_name: str
    year: int | None
    round: str
    barometer_round: str | None
    results: list[MatchingOut]


@router.get("/programmes", response=list[ProgrammeOut], summary="Gymnasieprogram och inriktningar")
def programmes(request: HttpRequest) -> list[dict]:
    queryset = Programme.objects.prefetch_related(
        Prefetch("orientations", queryset=Orientation.objects.order_by("code"))
    )
    return [
        {
            "code": p.code,
            "name": p.name,
            "kind": p.kind,
            "kind_label": p.get_kind_display(),
            "orientations": [{"code": o.code, "name": o.name} for o in p.orientations.all()],
            "url": p.get_absolute_url(),
        }
        for p in queryset
    ]


@router.get(
    "/admissions",
    response={200: AdmissionPage, 400: dict},
    summary="Antagningsstatistik med filter",
)
def admissions(request: HttpRequest, filters: Query[AdmissionParams]) -> dict:
    if filters.round and filters.round not in ("preliminary", "final"):
        raise HttpError(400, _("round ska vara preliminary eller final."))
    queryset = (
        selectors.admissions_queryset(
            year=filters.year,
            round=filters.round,
            county=filters.county,
            municipality=filters.municipality,
            programme=filters.programme.upper() if filters.programme else None,
        )
        .select_related("municipality__county", "school", "programme")
        .order_by("-year", "round", "municipality__code", "school__name", "study_path")
    )
    rows, meta = paginate(queryset, filters)
    return {
        **meta,
        "results": [
            {
                "year": r.year,
                "round": r.round,
                "county_code": r.municipality.county.code,
                "municipality_code": r.municipality.code,
                "municipality_name": r.municipality.name,
                "school_name": r.school.name,
                "programme_code": r.programme.code,
                "study_path": r.study_path,
                "variant": r.variant,
                **_figures(r),
                "not_published": [name for name in FIGURES if getattr(r, name) is None],
                "needs_review": r.needs_review,
            }
            for r in rows
        ],
    }


def _figures(row) -> dict:
    """The row's figures, merits as floats; None where the office does not publish them."""
    values = {name: getattr(row, name) for name in FIGURES}
    for name in ("lowest_merit", "mean_merit", "median_merit"):
        values[name] = float(values[name]) if values[name] is not None else None
    return values


def _occupation_out(occupation: Occupation, *, county: str | None, round: str | None) -> dict:
    assessments = selectors.occupation_assessments(
        occupation,
        round=round or selectors.latest_round(),
        areas=[county, NATIONAL] if county else None,
    )
    return {
        "ssyk": occupation.ssyk,
        "name": occupation.name,
        "area": occupation.area.name if occupation.area else None,
        "url": occupation.get_absolute_url(),
        "assessments": [
            {
                "area_code": a.area_code,
                "round": a.round,
                "barometer_occupation": a.barometer_occupation.name,
                "job_opportunities": a.job_opportunities or None,
                "recruitment_situation": a.recruitment_situation or None,
                "outlook": a.outlook or None,
            }
            for a in assessments
        ],
    }


@router.get(
    "/occupations", response=list[OccupationOut], summary="Yrken (SSYK) med prognos per län"
)
def occupations(
    request: HttpRequest, county: str | None = None, round: str | None = None
) -> list[dict]:
    """Yrken med Arbetsförmedlingens bedömning. `county` begränsar till länet och riket ("00")."""
    queryset = (
        Occupation.objects.select_related("area")
        .filter(barometer_occupations__isnull=False)
        .distinct()
    )
    return [_occupation_out(o, county=county, round=round) for o in queryset]


@router.get(
    "/occupations/{ssyk}",
    response={200: OccupationOut, 404: dict},
    summary="Ett yrke med prognos per län",
)
def occupation(
    request: HttpRequest, ssyk: str, county: str | None = None, round: str | None = None
) -> dict:
    occupation = Occupation.objects.filter(ssyk=ssyk).select_related("area").first()
    if occupation is None:
        raise HttpError(404, _("Okänd SSYK-kod."))
    return _occupation_out(occupation, county=county, round=round)


@router.get(
    "/matching",
    response={200: MatchingResponse, 400: dict, 404: dict},
    summary="Matchning per program i ett område",
)
def matching(
    request: HttpRequest, area: str, year: int | None = None, round: str | None = None
) -> dict:
    """`area`: tvåsiffrig länskod, fyrsiffrig kommunkod eller "00" för hela riket."""
    state = selectors.state()
    default_year, default_round = state.published.default
    year, round = year or default_year, round or default_round
    if round not in ("preliminary", "final"):
        raise HttpError(400, _("round ska vara preliminary eller final."))
    found = selectors.area(area)
    if found is None:
        raise HttpError(404, _("Okänt område: ange en länskod, en kommunkod eller 00."))
    results = statistics.programmes(level=found.level, area_code=found.code, year=year, round=round)
    for row in results:
        add_labels(row)
    return {
        "area_code": area,
        "area_name": found.name,
        "year": year,
        "round": round,
        "barometer_round": state.barometer_round,
        "results": results,
    }


# After upper-secondary school: university programmes, YH and SCB's matching indicators.
from . import matching_rates, university, yh  # noqa: E402

for part in (university, yh, matching_rates):
    router.add_router("", part.router)
