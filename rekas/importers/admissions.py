"""Import of upper-secondary admission statistics (canonical CSV/XLSX or a regional layout).

Every row or none: the file is read (files), its headers matched (adapters), every cell
validated (columns) and every name resolved (resolve) first; only a file without errors is
written (writer), in one transaction that replaces what the same (year, round, municipality)
held before, so importing the same file twice leaves the same data.
"""

from datetime import date
from pathlib import Path

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _
from tqdm import tqdm

from ..models import AdmissionStatistic, ImportBatch
from . import writer
from .adapters import COUNT_COLUMNS, REQUIRED_COUNTS, Layout, detect_layout
from .columns import cells, parse_counts, parse_merits, parse_rounds, parse_years, require
from .files import read_or_refuse, read_table
from .normalise import map_unique, normalise_text
from .report import ImportReport
from .resolve import municipalities_by_code, municipalities_by_name, study_paths
from .schools import school_ids

FIRST_YEAR = 2000
# What is written per row, besides source and batch (the same for the whole file).
FIELDS = [
    "year", "round", "municipality_id", "school_id", "programme_id", "orientation_id",
    "study_path", "places", "first_choice_applicants", "admitted", "reserves",
    "lowest_merit", "median_merit", "needs_review", "review_note",
]  # fmt: skip


def last_year() -> int:
    return date.today().year + 1


def import_admissions(
    *,
    source: Path | str | bytes,
    file_name: str = "",
    year: int | None = None,
    round: str | None = None,
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    """Validate and (when `commit` and the file has no errors) write; returns the report."""
    report = ImportReport(kind=ImportBatch.Kind.ADMISSIONS, file_name=file_name or str(source))
    frame = read_or_refuse(report, lambda: read_table(source, file_name=file_name))
    if frame is None:
        return report
    layout = detect_layout(list(frame.columns))
    report.notes.append(_("Format: %(label)s.") % {"label": layout.label})
    if not _has_required_columns(layout, report, year=year, round=round):
        report.count_rejected(whole_file=True)
        return report
    clean = _validate(frame, layout, report, year=year, round=round)
    if not report.ok:
        report.count_rejected()
        return report
    plan = writer.Plan(
        rows=len(clean),
        source=layout.label,
        replaces=_scopes(clean),
        write=lambda batch, bar: write_rows(clean, batch=batch, source=layout.label, bar=bar),
    )
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _has_required_columns(layout: Layout, report: ImportReport, *, year, round) -> bool:
    required = ["school", "places", "first_choice_applicants", "admitted"]
    if year is None:
        required.append("year")
    if round is None:
        required.append("round")
    missing = [
        layout.display(canonical) for canonical in required if canonical not in layout.columns
    ]
    if "municipality_code" not in layout.columns and "municipality_name" not in layout.columns:
        missing.append(layout.display("municipality_code"))
    if "programme_code" not in layout.columns and "programme_name" not in layout.columns:
        missing.append(layout.display("programme_code"))
    for column in missing:
        report.reject(row=1, column=column, reason=_("kolumnen saknas i filen"))
    return report.ok


def _validate(frame, layout: Layout, report: ImportReport, *, year, round) -> pd.DataFrame:
    rows = pd.Series(frame.index, index=frame.index)  # the index is the row in the file

    def column(canonical: str) -> pd.Series:
        return cells(frame, layout.columns.get(canonical))

    def where(canonical: str) -> dict:
        return {"column": layout.display(canonical), "rows": rows, "report": report}

    clean = pd.DataFrame({"row": rows}, index=frame.index)
    clean["year"] = _years(column("year"), layout, report, rows, year)
    clean["round"] = (
        parse_rounds(column("round"), **where("round"))
        if "round" in layout.columns
        else pd.Series(round, index=frame.index)
    )
    canonical = (
        "municipality_code" if "municipality_code" in layout.columns else "municipality_name"
    )
    municipalities = column(canonical)
    require(municipalities, **where(canonical))
    resolve = municipalities_by_code if canonical == "municipality_code" else municipalities_by_name
    clean["municipality_id"] = resolve(municipalities, **where(canonical))
    clean["school"] = column("school")
    require(clean["school"], **where("school"))
    clean["school_unit_code"] = _school_unit_codes(
        column("school_unit_code"), **where("school_unit_code")
    )
    paths = study_paths(
        codes=column("programme_code"),
        names=column("programme_name"),
        orientations=column("orientation"),
        columns=(layout.display("programme_code"), layout.display("programme_name")),
        by_code="programme_code" in layout.columns,
        rows=rows,
        report=report,
    )
    for name in ("programme_id", "orientation_id", "study_path"):
        clean[name] = paths[name]
    for name in COUNT_COLUMNS:
        clean[name] = parse_counts(column(name), **where(name), required=name in REQUIRED_COUNTS)
    review = pd.Series(False, index=frame.index)
    for name in ("lowest_merit", "median_merit"):
        clean[name], flagged = parse_merits(column(name), **where(name))
        review |= flagged
    clean["needs_review"] = review
    _duplicates(clean, layout, report)
    return clean


def _years(values: pd.Series, layout: Layout, report: ImportReport, rows, year) -> pd.Series:
    if "year" not in layout.columns:
        if not FIRST_YEAR <= year <= last_year():
            report.reject(
                row=None,
                column="--year",
                value=year,
                reason=_("året ligger utanför %(first)s–%(last)s")
                % {"first": FIRST_YEAR, "last": last_year()},
            )
        return pd.Series(year, index=values.index)
    column = layout.display("year")
    years = parse_years(
        values, column=column, rows=rows, report=report, first=FIRST_YEAR, last=last_year()
    )
    if year is not None:
        for index in values.index[years.notna() & (years != year)]:
            report.reject(
                row=int(rows[index]),
                column=column,
                value=values[index],
                reason=_("året skiljer sig från det angivna året %(year)s") % {"year": year},
            )
    return years


def _school_unit_codes(codes: pd.Series, *, column: str, rows, report: ImportReport) -> pd.Series:
    """Optional; eight digits ("12345678.0" from a spreadsheet's number cell is read as such)."""
    codes = map_unique(codes, lambda value: value.removesuffix(".0")).astype(object).fillna("")
    valid = map_unique(codes, lambda value: value == "" or (len(value) == 8 and value.isdigit()))
    for index in codes.index[~valid.astype(bool)]:
        report.reject(
            row=int(rows[index]),
            column=column,
            value=codes[index],
            reason=_("skolenhetskoden består av åtta siffror"),
        )
    return codes


def _duplicates(clean: pd.DataFrame, layout: Layout, report: ImportReport) -> None:
    """A second row for the same year, round, school and study path names the first."""
    key = ["year", "round", "municipality_id", "school_key", "study_path"]
    frame = clean.assign(school_key=map_unique(clean["school"], normalise_text))
    complete = frame[key].notna().all(axis=1)  # rows with a gap are refused already
    dupes = frame[complete & frame.duplicated(subset=key, keep=False)]
    for _key, group in dupes.groupby(key):
        first_row = int(group["row"].iloc[0])
        for index in group.index[1:]:
            report.reject(
                row=int(group.at[index, "row"]),
                column=layout.display("school"),
                value=group.at[index, "school"],
                reason=_(
                    "dubblett: samma år, omgång, skola och program/inriktning finns redan på rad %(row)s"
                )
                % {"row": first_row},
            )


def _scopes(clean: pd.DataFrame) -> list:
    """One queryset per (year, round): the municipalities of the file whose rows it replaces."""
    unique = clean[["year", "round", "municipality_id"]].drop_duplicates()
    return [
        AdmissionStatistic.objects.filter(
            year=int(year),
            round=str(round_),
            municipality_id__in=[int(m) for m in group["municipality_id"]],
        )
        for (year, round_), group in unique.groupby(["year", "round"])
    ]


def write_rows(clean: pd.DataFrame, *, batch: ImportBatch, source: str, bar: tqdm) -> None:
    """Validated admission rows (ids resolved, school names) into the database: the schools
    first (created when new), then the rows. The seed writes its generated history with it too."""
    columns = {name: clean[name] for name in FIELDS if name in clean}
    columns["school_id"] = school_ids(clean)
    columns["first_choice_applicants"] = clean["first_choice_applicants"].fillna(0)
    columns["review_note"] = pd.Series(
        [_("Meritvärde över 340") if flag else "" for flag in clean["needs_review"]],
        index=clean.index,
    )
    writer.insert_columns(
        AdmissionStatistic,
        {name: columns[name] for name in FIELDS},
        constants={"source": source, "batch_id": batch.pk},
        bar=bar,
    )
