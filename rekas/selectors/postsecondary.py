"""Reads for the post-secondary parts of REKAS: university programmes (UHR), YH (MYH via SCB),
SCB's matching indicators and the occupations these educations lead to.

Public: `university_programmes(...)`, `university_terms()`, `institutions()`,
`study_locations()`, `university_history(programme)`, `education_outlooks(kind=…, key=…)`,
`yh_applications(...)`, `yh_outcomes(...)`, `matching_rates(county=…)`.
"""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from ..models import (
    NATIONAL,
    EducationOccupation,
    MatchingRate,
    UniversityAdmission,
    UniversityProgramme,
    UniversityScore,
    YhApplication,
    YhArea,
    YhOutcome,
)
from . import Outlook, outlook_for

LATEST_FIELDS = ("term", "applicants", "first_choice_applicants", "admitted_2", "admitted_1")


def university_programmes(
    *,
    q: str = "",
    institution: str = "",
    term: str = "",
    location: str = "",
) -> QuerySet:
    """Programmes matching the filters, each annotated with its latest term's figures
    (`latest_term`, `latest_applicants`, …; of the chosen term when `term` is given)."""
    programmes = UniversityProgramme.objects.all()
    if q:
        for word in q.split()[:8]:
            programmes = programmes.filter(
                Q(name__icontains=word) | Q(code__icontains=word) | Q(institution__icontains=word)
            )
    if institution:
        programmes = programmes.filter(institution_code=institution)
    if location:
        programmes = programmes.filter(study_location=location)
    admissions = UniversityAdmission.objects.filter(programme=OuterRef("pk"))
    if term:
        programmes = programmes.filter(admissions__term=term)
        admissions = admissions.filter(term=term)
    latest = admissions.order_by("-term_order")
    return programmes.annotate(
        **{f"latest_{field}": Subquery(latest.values(field)[:1]) for field in LATEST_FIELDS}
    ).order_by("name", "code")


def university_terms() -> list[str]:
    """Terms with data, newest first."""
    rows = UniversityAdmission.objects.values_list("term", "term_order").distinct()
    return [term for term, _order in sorted(set(rows), key=lambda row: -row[1])]


def institutions() -> list[tuple[str, str]]:
    """(code, name) of every institution with a programme, by name."""
    rows = UniversityProgramme.objects.values_list("institution_code", "institution").distinct()
    return sorted({row for row in rows if row[0]}, key=lambda row: row[1].casefold())


def study_locations() -> list[str]:
    rows = UniversityProgramme.objects.exclude(study_location="").values_list(
        "study_location", flat=True
    )
    return sorted(set(rows), key=str.casefold)


def university_history(programme: UniversityProgramme) -> list[UniversityAdmission]:
    """Every term of a programme, oldest first, with its scores."""
    return list(
        programme.admissions.order_by("term_order").prefetch_related(
            _scores_prefetch(),
        )
    )


def _scores_prefetch():
    from django.db.models import Prefetch

    return Prefetch("scores", queryset=UniversityScore.objects.order_by("selection_round", "group"))


@dataclass(frozen=True)
class EducationOutlook:
    """An occupation an education leads to, its share of the links' weight and its outlook."""

    ssyk: str
    name: str
    url: str
    share: float
    outlook: Outlook | None


def education_keys(programme: UniversityProgramme) -> list[tuple[str, str]]:
    """Where a university programme's links come from: its own code, else its SUN 2020 code."""
    keys = [(EducationOccupation.Kind.UNIVERSITY, programme.code)]
    if programme.sun_code:
        keys.append((EducationOccupation.Kind.SUN, programme.sun_code))
    return keys


def education_links(*, kind: str, key: str) -> QuerySet:
    return (
        EducationOccupation.objects.filter(kind=kind, key=key)
        .select_related("occupation")
        .order_by("-weight", "occupation__ssyk")
    )


def programme_links(programme: UniversityProgramme) -> QuerySet:
    """The curated links of the programme itself, or those of its SUN 2020 code without them."""
    for kind, key in education_keys(programme):
        links = education_links(kind=kind, key=key)
        if links.exists():
            return links
    return EducationOccupation.objects.none()


def education_outlooks(links: QuerySet, *, county: str = NATIONAL) -> list[EducationOutlook]:
    """Arbetsförmedlingen's outlook for each linked occupation (the county's, else national)."""
    links = list(links)
    total = sum(float(link.weight) for link in links) or 1.0
    return [
        EducationOutlook(
            ssyk=link.occupation.ssyk,
            name=link.occupation.name,
            url=link.occupation.get_absolute_url(),
            share=float(link.weight) / total,
            outlook=outlook_for(ssyk=link.occupation.ssyk, county_code=county),
        )
        for link in links
    ]


def yh_areas() -> QuerySet:
    return YhArea.objects.order_by("name")


def yh_applications(*, county: str = NATIONAL, sex: str = "total", pace: str = "total"):
    """YH applications per area (None = all areas) and year in a home county ("00" = all)."""
    return (
        YhApplication.objects.filter(county_code=county, sex=sex, pace=pace)
        .annotate(area_name=F("area__name"), area_slug=F("area__slug"))
        .order_by("area__name", "year")
    )


def yh_years() -> list[int]:
    return sorted(set(YhApplication.objects.values_list("year", flat=True)), reverse=True)


def yh_outcomes(*, sex: str = "total", area: YhArea | None = None) -> QuerySet:
    outcomes = YhOutcome.objects.filter(sex=sex).annotate(
        area_name=F("area__name"), area_slug=F("area__slug")
    )
    if area is not None:
        outcomes = outcomes.filter(area=area)
    return outcomes.order_by("area__name", "year")


def matching_rates(*, county: str) -> QuerySet:
    return MatchingRate.objects.filter(region_code=county).order_by("table_id", "year")


def demo_postsecondary(source: str) -> bool:
    """Whether demo (generated) data is among the post-secondary rows."""
    return (
        UniversityProgramme.objects.filter(source=source).exists()
        or YhApplication.objects.filter(source=source).exists()
        or YhOutcome.objects.filter(source=source).exists()
        or MatchingRate.objects.filter(source=source).exists()
    )
