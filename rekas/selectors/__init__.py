"""Reads shared by pages, API, exports and other apps (e.g. the placement board).

Public: `outlook_for(ssyk=…, county_code=…) -> Outlook | None`, `latest_round()`,
`admissions_frame(...)`, `links_frame()`, `assessments_frame(...)`, `area(code)`, `matching(...)`.
"""

from dataclasses import dataclass

import pandas as pd
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from syvsite.regions.models import County, Municipality

from .. import analysis
from ..models import (
    DEMO_CONCEPT_PREFIX,
    DEMO_SOURCE,
    NATIONAL,
    AdmissionStatistic,
    Assessment,
    Occupation,
    PendingAdmission,
    Programme,
    ProgrammeOccupation,
)

ADMISSION_FIELDS = {
    "year": "year",
    "round": "round",
    "municipality__code": "municipality_code",
    "municipality__name": "municipality_name",
    "municipality__county__code": "county_code",
    "school_id": "school_id",
    "school__name": "school_name",
    "programme__code": "programme_code",
    "programme__name": "programme_name",
    "programme__kind": "programme_kind",
    "study_path": "study_path",
    "variant": "variant",
    "places": "places",
    "first_choice_applicants": "first_choice_applicants",
    "admitted": "admitted",
    "admitted_first_choice": "admitted_first_choice",
    "reserves": "reserves",
    "lowest_merit": "lowest_merit",
    "mean_merit": "mean_merit",
    "median_merit": "median_merit",
    "needs_review": "needs_review",
}


def admissions_queryset(
    *,
    year: int | None = None,
    round: str | None = None,
    county: str | None = None,
    municipality: str | None = None,
    programme: str | None = None,
    kind: str | None = None,
) -> QuerySet:
    queryset = AdmissionStatistic.objects.all()
    if year:
        queryset = queryset.filter(year=year)
    if round:
        queryset = queryset.filter(round=round)
    if county:
        queryset = queryset.filter(municipality__county__code=county)
    if municipality:
        queryset = queryset.filter(municipality__code=municipality)
    if programme:
        queryset = queryset.filter(programme__code=programme)
    if kind:
        queryset = queryset.filter(programme__kind=kind)
    return queryset


def admissions_frame(**filters: object) -> pd.DataFrame:
    rows = admissions_queryset(**filters).values_list(*ADMISSION_FIELDS)
    frame = pd.DataFrame.from_records(list(rows), columns=list(ADMISSION_FIELDS.values()))
    for column in ("lowest_merit", "mean_merit", "median_merit"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return frame


def national_reference(admissions: pd.DataFrame) -> pd.Series:
    """The national median lowest merit per programme for the years and rounds in
    `admissions` (the yardstick of the merit measure), read as two columns only."""
    if admissions.empty:
        return pd.Series(dtype=float)
    rows = AdmissionStatistic.objects.filter(
        year__in=[int(year) for year in admissions["year"].unique()],
        round__in=list(admissions["round"].unique()),
        lowest_merit__isnull=False,
    ).values_list("programme__code", "lowest_merit")
    frame = pd.DataFrame.from_records(list(rows), columns=["programme_code", "lowest_merit"])
    return analysis.national_lowest_merit(frame)


def pending_count() -> int:
    """Rows of admission imports waiting for a name: they count nowhere until mapped."""
    return PendingAdmission.objects.count()


def links_frame() -> pd.DataFrame:
    rows = ProgrammeOccupation.objects.values_list(
        "study_path", "programme__code", "occupation__ssyk", "weight"
    )
    frame = pd.DataFrame.from_records(
        list(rows), columns=["study_path", "programme_code", "ssyk", "weight"]
    )
    frame["weight"] = frame["weight"].astype(float)
    return frame


def latest_round() -> str | None:
    return Assessment.objects.aggregate(latest=Max("round"))["latest"]


def rounds() -> list[str]:
    return sorted(set(Assessment.objects.values_list("round", flat=True)), reverse=True)


def assessments_frame(*, round: str | None = None) -> pd.DataFrame:
    """One row per (barometer occupation, SSYK group, area) of the round (default: latest)."""
    round = round or latest_round()
    rows = Assessment.objects.filter(round=round).values_list(
        "barometer_occupation__occupations__ssyk",
        "barometer_occupation__name",
        "area_code",
        "recruitment_situation",
        "outlook",
        "job_opportunities",
    )
    return pd.DataFrame.from_records(
        list(rows),
        columns=[
            "ssyk",
            "barometer_name",
            "area_code",
            "recruitment_situation",
            "outlook",
            "job_opportunities",
        ],
    ).dropna(subset=["ssyk"])


def available_years() -> list[int]:
    # DISTINCT in the database: the table holds a row per school, programme, year and round.
    return list(
        AdmissionStatistic.objects.order_by("-year").values_list("year", flat=True).distinct()
    )


def default_year_and_round() -> tuple[int | None, str]:
    """The latest year, its final round when published, else the preliminary one."""
    years = available_years()
    if not years:
        return None, AdmissionStatistic.Round.FINAL
    year = years[0]
    has_final = AdmissionStatistic.objects.filter(year=year, round="final").exists()
    return year, "final" if has_final else "preliminary"


@dataclass(frozen=True)
class Outlook:
    """Yrkesbarometern's assessment of an SSYK group in a county, for display anywhere."""

    ssyk: str
    county_code: str  # the county asked for
    area_code: str  # the assessment's own area: the county, or "00" when falling back
    round: str
    job_opportunities: str
    recruitment_situation: str
    outlook: str
    text: str

    @property
    def is_national_fallback(self) -> bool:
        return self.area_code == NATIONAL and self.county_code != NATIONAL

    @property
    def recruitment_label(self) -> str:
        return _label(Assessment.Situation, self.recruitment_situation)

    @property
    def outlook_label(self) -> str:
        return _label(Assessment.Outlook, self.outlook)

    @property
    def job_opportunities_label(self) -> str:
        return _label(Assessment.Opportunities, self.job_opportunities)

    @property
    def url(self) -> str:
        return reverse("rekas:occupation", args=[self.ssyk])


def _label(choices, value: str) -> str:
    if not value:
        return _("Ingen bedömning")
    return str(dict(choices.choices).get(value, value))


def outlook_for(
    *, ssyk: str, county_code: str = NATIONAL, round: str | None = None
) -> Outlook | None:
    """The assessment for an SSYK code in a county, falling back to the national one.

    None when Yrkesbarometern has no assessment of the group in the round (default: latest).
    With several barometer occupations in one SSYK group, the first by name is returned.
    """
    round = round or latest_round()
    if round is None:
        return None
    assessments = (
        Assessment.objects.filter(round=round, barometer_occupation__occupations__ssyk=ssyk)
        .exclude(recruitment_situation="")
        .order_by("barometer_occupation__name")
    )
    assessment = (
        assessments.filter(area_code=county_code).first()
        or assessments.filter(area_code=NATIONAL).first()
    )
    if assessment is None:
        return None
    return Outlook(
        ssyk=ssyk,
        county_code=county_code,
        area_code=assessment.area_code,
        round=assessment.round,
        job_opportunities=assessment.job_opportunities,
        recruitment_situation=assessment.recruitment_situation,
        outlook=assessment.outlook,
        text=assessment.text_recruitment or assessment.text_job_opportunities,
    )


def county_names() -> dict[str, str]:
    names = dict(County.objects.values_list("code", "name"))
    names[NATIONAL] = _("Hela riket")
    return names


def programme_names() -> dict[str, str]:
    return dict(Programme.objects.values_list("code", "name"))


@dataclass(frozen=True)
class Area:
    """The whole country ("00"), a county (two digits) or a municipality (four digits)."""

    code: str
    name: str
    level: str  # "country", "county" or "municipality": the admissions_frame filter

    @property
    def by(self) -> list[str]:
        """The grouping for `matching`: a municipality's own rows, else per county."""
        return ["municipality_code"] if self.level == "municipality" else ["county_code"]

    def admissions(self, **filters: object) -> pd.DataFrame:
        if self.level == "country":
            return admissions_frame(**filters).assign(county_code=NATIONAL)
        return admissions_frame(**{self.level: self.code}, **filters)


def area(code: str) -> Area | None:
    if code == NATIONAL:
        return Area(NATIONAL, _("Hela riket"), "country")
    if county := County.objects.filter(code=code).first():
        return Area(code, county.name, "county")
    if municipality := Municipality.objects.filter(code=code).first():
        return Area(code, municipality.name, "municipality")
    return None


def matching(admissions: pd.DataFrame, *, by: list[str]) -> pd.DataFrame:
    """Programmes per area with pressure, outlook and matching class (analysis.matching) against
    the current mapping and the latest assessment round."""
    return analysis.matching(
        admissions,
        links_frame(),
        assessments_frame(),
        by=by,
        reference=national_reference(admissions),
    )


def occupation_assessments(
    occupation: Occupation, *, round: str | None = None, areas: list[str] | None = None
) -> QuerySet:
    """Assessments of the barometer occupations in an SSYK group, by area: of one round (every
    round when None) and in the given areas (all when None)."""
    assessments = Assessment.objects.filter(barometer_occupation__occupations=occupation)
    if round is not None:
        assessments = assessments.filter(round=round)
    if areas is not None:
        assessments = assessments.filter(area_code__in=areas)
    return assessments.select_related("barometer_occupation").order_by(
        "area_code", "barometer_occupation__name"
    )


def programme_links(
    *, study_path: str | None = None, occupation: Occupation | None = None
) -> QuerySet:
    """The curated mapping for a study path or an occupation, heaviest first."""
    links = ProgrammeOccupation.objects.select_related("programme", "orientation", "occupation")
    if study_path is not None:
        links = links.filter(study_path=study_path)
    if occupation is not None:
        links = links.filter(occupation=occupation)
    return links.order_by("-weight", "study_path")


def demo_data_present(*, round: str | None) -> tuple[bool, bool]:
    """(demo assessments in the round, demo admissions): pages say so when either is shown."""
    assessments = Assessment.objects.filter(
        round=round, barometer_occupation__concept_id__startswith=DEMO_CONCEPT_PREFIX
    ).exists()
    return assessments, AdmissionStatistic.objects.filter(source=DEMO_SOURCE).exists()
