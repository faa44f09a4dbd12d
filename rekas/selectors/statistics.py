"""The stored admission statistics and matching (rekas.aggregates), read as plain dicts for
pages, maps, exports and the API: a few indexed queries, no pandas."""

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
    values = rows.values("area_code", "county_code", "programme_code", *FIGURES, *MATCHING)
    return sorted(values, key=lambda row: (row["area_code"], row["programme_code"]))


def totals(
    *,
    level: str,
    round: str,
    year: int | None = None,
    area_code: str | None = None,
    county_code: str | None = None,
    kind: str = "",
) -> list[dict]:
    """Every programme (of `kind`) together per area: one year's areas, or an area's years."""
    rows = AdmissionSummary.objects.filter(level=level, round=round, programme_code="", kind=kind)
    if year is not None:
        rows = rows.filter(year=year)
    if area_code is not None:
        rows = rows.filter(area_code=area_code)
    if county_code is not None:
        rows = rows.filter(county_code=county_code)
    values = rows.values(
        "year", "area_code", "county_code", "rows", "rows_without_places", *FIGURES
    )
    return sorted(values, key=lambda row: (row["year"], row["area_code"]))


def history(
    *, level: str, area_code: str, round: str, programme: str = "", kind: str = ""
) -> list[dict]:
    """An area's figures per year, oldest first: every programme (of `kind`), or one."""
    if programme:
        rows = AdmissionSummary.objects.filter(
            level=level, area_code=area_code, round=round, programme_code=programme
        )
    else:
        rows = AdmissionSummary.objects.filter(
            level=level, area_code=area_code, round=round, programme_code="", kind=kind
        )
    return sorted(rows.values("year", *FIGURES), key=lambda row: row["year"])


def schools(*, municipality: str, year: int | None, round: str, kind: str = "") -> list[dict]:
    """A municipality's schools and programmes, in the order school, study path, variant."""
    rows = AdmissionSummary.objects.filter(
        level=Level.SCHOOL, area_code=municipality, year=year, round=round
    )
    if kind:
        rows = rows.filter(kind=kind)
    keys = ("school_name", "study_path", "variant", "programme_name")
    values = rows.values(*keys, *FIGURES)
    return sorted(values, key=lambda row: tuple(row[key] for key in keys))


def outlook_share(*, study_path: str, county: str = NATIONAL) -> dict | None:
    """The weighted outlook of a study path in a county, None when nothing is mapped."""
    return OutlookShare.objects.filter(study_path=study_path, county_code=county).values().first()
