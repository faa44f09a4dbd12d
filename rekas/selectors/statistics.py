"""The stored admission statistics and matching (rekas.aggregates), read as plain dicts for
pages, maps, exports and the API: a few indexed queries, no pandas."""

from dataclasses import dataclass

from ..models import NATIONAL, AdmissionSummary, OutlookShare
from . import sql

Level = AdmissionSummary.Level
COUNTS = ["places", "first_choice_applicants", "admitted", "admitted_first_choice", "reserves"]
FIGURES = [
    *COUNTS,
    "applicants_per_place",
    "fill_rate",
    "lowest_merit",
    "mean_merit",
    "median_merit",
    "schools",
]
KEYS = ["area_code", "county_code", "programme_code", "programme_name"]
SCHOOL_FIELDS = {
    "school__name": "school_name",
    "study_path": "study_path",
    "variant": "variant",
    "programme__name": "programme_name",
    **{name: name for name in COUNTS},
    "lowest_merit": "lowest_merit",
    "mean_merit": "mean_merit",
    "median_merit": "median_merit",
}
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
    values = rows.values(*KEYS, *FIGURES, *MATCHING)
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
    schools: list[dict]  # a municipality's admission rows, by school, study path and variant


AREA_FIELDS = ("year", "kind", "rows", "rows_without_places", *KEYS, *FIGURES, *MATCHING)


def area(
    *, level: str, area_code: str, year: int | None, round: str, kind: str = ""
) -> AreaStatistics:
    """An area's statistics in one query (the page's largest cost was one query per table),
    and a municipality's schools in one more."""
    rows = [
        dict(zip(AREA_FIELDS, values, strict=True))
        for values in sql.fetch(
            sql.area_summaries(AREA_FIELDS), [level, area_code, round, year, kind]
        )
    ]
    programmes, totals = [], []
    for row in rows:
        if not row["programme_code"]:
            if row["kind"] == kind:
                totals.append(row)
        elif row["year"] == year and (not kind or row["kind"] == kind):
            programmes.append(row)
    totals.sort(key=lambda row: row["year"])
    schools = (
        _schools(municipality=area_code, year=year, round=round, kind=kind)
        if level == Level.MUNICIPALITY
        else []
    )
    return AreaStatistics(
        programmes=sorted(programmes, key=lambda row: row["programme_code"]),
        total=[row for row in totals if row["year"] == year],
        history=totals,
        schools=schools,
    )


def _schools(*, municipality: str, year: int | None, round: str, kind: str) -> list[dict]:
    """The municipality's admission rows as published, with the ratios of a group of one row
    under analysis.summarise's rules (each row is one school, study path and variant)."""
    statement = sql.municipality_admissions(tuple(SCHOOL_FIELDS), by_kind=bool(kind))
    params = [municipality, year, round, *([kind] if kind else [])]
    found = [
        _one_row(dict(zip(SCHOOL_FIELDS.values(), values, strict=True)))
        for values in sql.fetch(statement, params)
    ]
    return sorted(found, key=lambda row: tuple(row[key] for key in SCHOOL_ORDER))


def _one_row(row: dict) -> dict:
    for key in (*COUNTS, "lowest_merit"):
        row[key] = None if row[key] is None else float(row[key])
    places, admitted = row["places"], row["admitted"]
    row["applicants_per_place"] = _ratio(row["first_choice_applicants"], places, 2)
    row["fill_rate"] = _ratio(admitted, places, 3)
    for merit in ("mean_merit", "median_merit"):
        value = row[merit]
        # Weighted by admitted; unweighted when admitted is not published; none over 0 admitted.
        row[merit] = None if value is None or admitted == 0 else round(float(value), 1)
    row["schools"] = 1
    return row


def _ratio(numerator: float | None, denominator: float | None, digits: int) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, digits)


def outlook_share(*, study_path: str, county: str = NATIONAL) -> dict | None:
    """The weighted outlook of a study path in a county, None when nothing is mapped."""
    return OutlookShare.objects.filter(study_path=study_path, county_code=county).values().first()
