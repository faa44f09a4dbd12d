"""Reads shared by pages, API, exports and other apps (e.g. the placement board).

Public: `outlook_for(ssyk=…, county_code=…) -> Outlook | None`, `latest_round()`, `state()`,
`admissions_queryset(...)`, `area(code)`; the stored statistics in `selectors.statistics`.
No pandas here: pages read what `rekas.aggregates` computed (DataFrames are in `rekas.frames`).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from syvsite.regions.models import County, Municipality

from ..models import (
    NATIONAL,
    AdmissionStatistic,
    Assessment,
    Occupation,
    ProgrammeOccupation,
)
from .state import Published as Published
from .state import State as State
from .state import current_state as current_state
from .state import latest_round as latest_round
from .state import state as state


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


def rounds() -> list[str]:
    return sorted(set(Assessment.objects.values_list("round", flat=True)), reverse=True)


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


@dataclass(frozen=True)
class Area:
    """The whole country ("00"), a county (two digits) or a municipality (four digits)."""

    code: str
    name: str
    level: str  # "country", "county" or "municipality" (AdmissionSummary.Level)


def area(code: str) -> Area | None:
    if code == NATIONAL:
        return Area(NATIONAL, _("Hela riket"), "country")
    if county := County.objects.filter(code=code).first():
        return Area(code, county.name, "county")
    if municipality := Municipality.objects.filter(code=code).first():
        return Area(code, municipality.name, "municipality")
    return None


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
