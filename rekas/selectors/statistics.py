"""The stored admission statistics and matching (rekas.aggregates), read as plain dicts for
pages, maps, exports and the API: a few indexed queries, no pandas."""

from dataclasses import dataclass

from django.db.models import Q

from ..models import NATIONAL, AdmissionSummary, OutlookShare

Level = AdmissionSummary.Level
FIGURES = [
    "places",
    "first_choice_applicants",
    "admitted",
    "admitted_first_choice",
    "reserves",
    "applicants_per_place",
    "fill_rate",
    "lowest_merit",
    "mean_merit",
    "median_merit",
    "schools",
]
KEYS = [
    "area_code",
    "county_code",
    "programme_code",
    "programme_name",
    "school_name",
    "study_path",
    "variant",
]
SCHOOL_ORDER = ("school_name", "study_path", "variant", "programme_name")
MATCHING = [
    "pressure_measure",
    "pressure_high",
    "shortage",
    "balance",
    "surplus",
    "coverage",
    "fallback_weight",
    "demand_index",
    "match",
]


def programmes(
    *,
    level: str,
    year: int | None,
    round: str,
    area_code: str | None = None,
    programme: str | None = None,
    kind: str = "",
) -> list[dict]:
    """Programme rows with matching, in one area (or every area of the level), by code."""
    rows = AdmissionSummary.objects.filter(level=level, year=year, round=round).exclude(
        programme_code=""
    )
    if area_code is not None:
        rows = rows.filter(area_code=area_code)
    if programme is not None:
        rows = rows.filter(programme_code=programme)
    if kind:
        rows = rows.filter(kind=kind)
    values = rows.values(
        "area_code", "county_code", "programme_code", "programme_name", *FIGURES, *MATCHING
    )
    return sorted(values, key=lambda row: (row["area_code"], row["programme_code"]))


def totals(
    *,
    level: str,
    round: str,
    year: int | None = None,
    county_code: str | None = None,
    kind: str = "",
) -> list[dict]:
    """Every programme (of `kind`) together per area of a level (in one county)."""
    rows = AdmissionSummary.objects.filter(level=level, round=round, programme_code="", kind=kind)
    if year is not None:
        rows = rows.filter(year=year)
    if county_code is not None:
        rows = rows.filter(county_code=county_code)
    values = rows.values(
        "year", "area_code", "county_code", "rows", "rows_without_places", *FIGURES
    )
    return sorted(values, key=lambda row: (row["year"], row["area_code"]))


def programme_history(*, programme: str, round: str) -> list[dict]:
    """A programme's figures in the whole country per year, oldest first."""
    rows = AdmissionSummary.objects.filter(
        level=Level.COUNTRY, area_code=NATIONAL, round=round, programme_code=programme
    )
    return sorted(rows.values("year", *FIGURES), key=lambda row: row["year"])


@dataclass(frozen=True)
class AreaStatistics:
    """What an area page shows of its own area."""

    programmes: list[dict]  # the year's programmes (of the kind), by code
    total: list[dict]  # the year's row of every programme together (none without data)
    history: list[dict]  # that row for every year, oldest first
    schools: list[dict]  # a municipality's schools, by school, study path and variant


def area(
    *, level: str, area_code: str, year: int | None, round: str, kind: str = ""
) -> AreaStatistics:
    """An area's statistics in one query (the page's largest cost was one query per table)."""
    levels = [level, Level.SCHOOL] if level == Level.MUNICIPALITY else [level]
    rows = (
        AdmissionSummary.objects.filter(level__in=levels, area_code=area_code, round=round)
        .filter(Q(year=year) | Q(programme_code="", kind=kind))
        .values("level", "year", "kind", "rows", "rows_without_places", *KEYS, *FIGURES, *MATCHING)
    )
    programmes, totals, schools = [], [], []
    for row in rows:
        if row["level"] == Level.SCHOOL:
            if row["year"] == year and (not kind or row["kind"] == kind):
                schools.append(row)
        elif not row["programme_code"]:
            if row["kind"] == kind:
                totals.append(row)
        elif row["year"] == year and (not kind or row["kind"] == kind):
            programmes.append(row)
    totals.sort(key=lambda row: row["year"])
    return AreaStatistics(
        programmes=sorted(programmes, key=lambda row: row["programme_code"]),
        total=[row for row in totals if row["year"] == year],
        history=totals,
        schools=sorted(schools, key=lambda row: tuple(row[key] for key in SCHOOL_ORDER)),
    )


def outlook_share(*, study_path: str, county: str = NATIONAL) -> dict | None:
    """The weighted outlook of a study path in a county, None when nothing is mapped."""
    return OutlookShare.objects.filter(study_path=study_path, county_code=county).values().first()
