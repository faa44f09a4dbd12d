"""The data REKAS analyses, read as pandas DataFrames: for `aggregates` (run after imports and
mapping changes), the benchmarks and the analysis tests. Never on a page's request path: pages
read what `aggregates` stored (selectors.statistics)."""

import pandas as pd
from django.db.models import Q

from . import analysis
from .models import AdmissionStatistic, Assessment, ProgrammeOccupation
from .selectors import admissions_queryset, latest_round

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


def admissions_frame(*, where: Q | None = None, **filters: object) -> pd.DataFrame:
    """Admission rows (selectors.admissions_queryset filters, and `where`) with their area and
    programme."""
    queryset = admissions_queryset(**filters)
    if where is not None:
        queryset = queryset.filter(where)
    rows = queryset.values_list(*ADMISSION_FIELDS)
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


def links_frame() -> pd.DataFrame:
    rows = ProgrammeOccupation.objects.values_list(
        "study_path", "programme__code", "occupation__ssyk", "weight"
    )
    frame = pd.DataFrame.from_records(
        list(rows), columns=["study_path", "programme_code", "ssyk", "weight"]
    )
    frame["weight"] = frame["weight"].astype(float)
    return frame


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
