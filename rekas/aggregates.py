"""The stored REKAS statistics: admission figures per area and programme, and the
matching, computed with `analysis` once per change instead of on every page view.

A municipality's schools table is its admission rows as published, read directly
(selectors.statistics). `refresh` runs inside the transaction of whatever changed the data: an admissions import
(its year and round), an assessment import, a mapping change or a name mapped in the review
queue (everything). Pages, maps, exports and the API read the result (selectors.statistics).
`save_state` stores what every page says beside the statistics (selectors.state): `refresh`
calls it, and so does an import that leaves rows waiting for a name.
"""

from collections.abc import Iterable

import pandas as pd
from django.db import transaction
from django.db.models import Q
from tqdm import tqdm

from . import analysis, frames
from .models import NATIONAL, AdmissionSummary, OutlookShare, PageState
from .selectors.state import current_state

Level = AdmissionSummary.Level
# Per level: the column that names the area, and what `matching` groups by.
AREA_KEYS = {
    Level.COUNTRY: "county_code",  # with county_code set to "00" for the whole country
    Level.COUNTY: "county_code",
    Level.MUNICIPALITY: "municipality_code",
}
SLICE = ("year", "round")


@transaction.atomic
def refresh(*, slices: Iterable[tuple[int, str]] | None = None) -> int:
    """Recompute the summaries of the given (year, round) slices (an admissions import), else
    of every year and round and the outlook shares (assessments or the mapping changed).
    Returns the number of summary rows written.

    Every slice is computed in one pass, with year and round as grouping keys: a per-slice
    loop cost more than the import itself for a file of many years (bench/bench_rekas.py)."""
    if slices is None:
        AdmissionSummary.objects.all().delete()
        admissions = frames.admissions_frame()
    else:
        wanted = {(int(year), str(round_)) for year, round_ in slices}
        if not wanted:
            save_state()
            return 0
        where = Q()
        for year, round_ in wanted:
            where |= Q(year=year, round=round_)
        AdmissionSummary.objects.filter(where).delete()
        admissions = frames.admissions_frame(where=where)
    links, assessments = frames.links_frame(), frames.assessments_frame()
    outlook = analysis.outlook_by_county(
        links, assessments, counties=[NATIONAL, *sorted(_county_codes())]
    )
    if slices is None:
        OutlookShare.objects.all().delete()
        _insert(OutlookShare, outlook.rename(columns={"county": "county_code"}))
    summaries = (
        pd.DataFrame() if admissions.empty else _summaries(admissions, links, assessments, outlook)
    )
    if len(summaries):
        _insert(AdmissionSummary, summaries)
    save_state()
    return len(summaries)


def save_state() -> None:
    """Store selectors.state.current_state() for the pages to read in one query."""
    state = current_state()
    PageState.objects.update_or_create(
        pk=1,
        defaults={
            "slices": sorted([year, round_] for year, round_ in state.published.slices),
            "barometer_round": state.barometer_round or "",
            "demo_assessments": state.demo_assessments,
            "demo_admissions": state.demo_admissions,
            "pending_rows": state.pending_rows,
        },
    )


def _county_codes() -> list[str]:
    from syvsite.regions.models import County

    return list(County.objects.values_list("code", flat=True))


def _summaries(admissions: pd.DataFrame, links, assessments, outlook) -> pd.DataFrame:
    """Every stored row: programmes (with matching) and totals per area at each level."""
    reference = analysis.national_lowest_merit(admissions, by=SLICE + ("programme_code",))
    programmes = admissions.drop_duplicates("programme_code").set_index("programme_code")
    counties = admissions.drop_duplicates("municipality_code").set_index("municipality_code")
    parts = []
    for level, key in AREA_KEYS.items():
        frame = admissions.assign(county_code=NATIONAL) if level == Level.COUNTRY else admissions
        matched = analysis.matching(
            frame, links, assessments, by=[*SLICE, key], reference=reference, outlook=outlook
        )
        parts.append(
            matched.assign(
                level=level,
                area_code=matched[key],
                kind=matched["programme_code"].map(programmes["programme_kind"]),
                programme_name=matched["programme_code"].map(programmes["programme_name"]),
            )
        )
        parts.extend(_totals(frame, level=level, key=key))
    summaries = pd.concat([part for part in parts if len(part)], ignore_index=True)
    if "county_code" not in summaries:
        summaries["county_code"] = None
    missing = summaries["county_code"].isna()  # the municipalities' totals
    summaries.loc[missing, "county_code"] = summaries.loc[missing, "area_code"].map(
        counties["county_code"]
    )
    return summaries


def _totals(frame: pd.DataFrame, *, level: str, key: str) -> list[pd.DataFrame]:
    """Every programme together per area: of every kind ("") and of each kind, with the rows
    summed and how many of them publish no places."""
    frame = frame.assign(without_places=frame["places"].isna(), every_kind="")
    parts = []
    for kind_column in ("every_kind", "programme_kind"):
        keys = [*SLICE, key, kind_column]
        counts = frame.groupby(keys).agg(
            rows=("places", "size"), rows_without_places=("without_places", "sum")
        )
        summary = analysis.summarise(frame, by=keys).join(counts, on=keys)
        extra = {"county_code": summary[key]} if key == "county_code" else {}
        parts.append(
            summary.assign(
                level=level,
                area_code=summary[key],
                kind=summary[kind_column],
                programme_code="",
                **extra,
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
