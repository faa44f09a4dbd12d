"""The stored REKAS statistics: admission figures per area, programme and school, and the
matching, computed with `analysis` once per change instead of on every page view.

`refresh` runs inside the transaction of whatever changed the data: an admissions import
(its year and round), an assessment import, a mapping change or a name mapped in the review
queue (everything). Pages, maps, exports and the API read the result (selectors.statistics).
"""

from collections.abc import Iterable

import pandas as pd
from django.db import transaction
from tqdm import tqdm

from . import analysis, frames
from .models import NATIONAL, AdmissionStatistic, AdmissionSummary, OutlookShare

Level = AdmissionSummary.Level
# Per level: the column that names the area, and what `matching` groups by.
AREA_KEYS = {
    Level.COUNTRY: "county_code",  # with county_code set to "00" for the whole country
    Level.COUNTY: "county_code",
    Level.MUNICIPALITY: "municipality_code",
}
SCHOOL_KEYS = ["school_name", "study_path", "variant", "programme_name"]


@transaction.atomic
def refresh(*, slices: Iterable[tuple[int, str]] | None = None) -> int:
    """Recompute the summaries of the given (year, round) slices (an admissions import), else
    of every year and round and the outlook shares (assessments or the mapping changed).
    Returns the number of summary rows written."""
    present = AdmissionStatistic.objects.values_list("year", "round").distinct()
    if slices is None:
        AdmissionSummary.objects.all().delete()
        _refresh_outlook()
        wanted = set(present)
    else:
        wanted = {(int(year), str(round_)) for year, round_ in slices}
        for year, round_ in wanted:
            AdmissionSummary.objects.filter(year=year, round=round_).delete()
        wanted &= set(present)
    links, assessments = frames.links_frame(), frames.assessments_frame()
    written = 0
    for year, round_ in sorted(wanted):
        admissions = frames.admissions_frame(year=year, round=round_)
        summaries = _summaries(admissions, links, assessments).assign(year=year, round=round_)
        _insert(AdmissionSummary, summaries)
        written += len(summaries)
    return written


def _refresh_outlook() -> None:
    OutlookShare.objects.all().delete()
    counties = [NATIONAL, *sorted(_county_codes())]
    shares = analysis.outlook_by_county(
        frames.links_frame(), frames.assessments_frame(), counties=counties
    )
    _insert(OutlookShare, shares.rename(columns={"county": "county_code"}))


def _county_codes() -> list[str]:
    from syvsite.regions.models import County

    return list(County.objects.values_list("code", flat=True))


def _summaries(admissions: pd.DataFrame, links, assessments) -> pd.DataFrame:
    """Every stored row of one year and round: programmes (with matching) and totals per
    area at each level, and the schools of each municipality."""
    reference = analysis.national_lowest_merit(admissions)
    kinds = admissions.drop_duplicates("programme_code").set_index("programme_code")
    counties = admissions.drop_duplicates("municipality_code").set_index("municipality_code")
    parts = []
    for level, key in AREA_KEYS.items():
        frame = admissions.assign(county_code=NATIONAL) if level == Level.COUNTRY else admissions
        matched = analysis.matching(frame, links, assessments, by=[key], reference=reference)
        parts.append(
            matched.assign(
                level=level,
                area_code=matched[key],
                kind=matched["programme_code"].map(kinds["programme_kind"]),
                programme_name=matched["programme_code"].map(kinds["programme_name"]),
            )
        )
        parts.extend(_totals(frame, level=level, key=key))
    schools = analysis.summarise(
        admissions, by=["municipality_code", *SCHOOL_KEYS, "programme_code", "programme_kind"]
    )
    parts.append(
        schools.assign(
            level=Level.SCHOOL,
            area_code=schools["municipality_code"],
            county_code=schools["municipality_code"].map(counties["county_code"]),
            kind=schools["programme_kind"],
        )
    )
    summaries = pd.concat([part for part in parts if len(part)], ignore_index=True)
    if "county_code" not in summaries:  # the municipality totals take it from `counties`
        summaries["county_code"] = None
    missing_county = summaries["county_code"].isna()
    summaries.loc[missing_county, "county_code"] = summaries.loc[missing_county, "area_code"].map(
        counties["county_code"]
    )
    return summaries


def _totals(frame: pd.DataFrame, *, level: str, key: str) -> list[pd.DataFrame]:
    """Every programme together per area: of every kind ("") and of each kind, with the rows
    summed and how many of them publish no places."""
    parts = []
    for kind in ["", *sorted(frame["programme_kind"].dropna().unique())]:
        subset = frame if not kind else frame[frame["programme_kind"] == kind]
        counts = (
            subset.assign(without_places=subset["places"].isna())
            .groupby(key)
            .agg(rows=("places", "size"), rows_without_places=("without_places", "sum"))
        )
        summary = analysis.summarise(subset, by=[key]).join(counts, on=key)
        extra = {"county_code": summary[key]} if key == "county_code" else {}
        parts.append(
            summary.assign(
                level=level, area_code=summary[key], kind=kind, programme_code="", **extra
            )
        )
    return parts


def _insert(model, frame: pd.DataFrame) -> None:
    """The frame's columns that are the model's fields, in one bulk insert (COPY on
    PostgreSQL); text never NULL."""
    from .importers.writer import insert_columns  # the importers call `refresh`

    columns = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        series = frame.get(field.name, pd.Series(None, index=frame.index, dtype=object))
        if field.get_internal_type() == "CharField":
            series = series.astype(object).where(series.notna(), "")
        elif not field.null:  # the totals' row counts; 0 on the other rows
            series = series.fillna(field.get_default())
        columns[field.name] = series
    insert_columns(model, columns, constants={}, bar=tqdm(disable=True))
