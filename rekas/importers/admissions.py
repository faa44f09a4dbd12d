"""Import of upper-secondary admission statistics (canonical CSV/XLSX or a regional list).

Every row or none: the file is read (files), its headers matched (adapters), every cell
validated (columns), every programme recognised (recognise) and every place found (places)
first; a file with a bad cell is refused whole. Otherwise one transaction writes the rows
REKAS could place, replacing what the same (year, round, municipality) held, and keeps the
rows whose programme or place is unknown waiting for a person (pending), so importing the
same file twice leaves the same data. Every figure is optional: what a list does not publish
is stored as missing, never as 0.
"""

from datetime import date
from pathlib import Path

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _
from tqdm import tqdm

from .. import aggregates
from ..models import AdmissionStatistic, ImportBatch
from . import pending, writer
from .adapters import COUNT_COLUMNS, FIGURE_COLUMNS, MERIT_COLUMNS, Layout, detect_layout
from .columns import cells, parse_counts, parse_merits, parse_rounds, parse_years, require
from .files import read_or_refuse, read_table
from .normalise import map_unique, normalise_text
from .places import places
from .recognise import study_paths
from .report import ImportReport
from .resolve import municipalities_by_code
from .schools import school_ids

FIRST_YEAR = 2000
# What is written per row, besides source and batch (the same for the whole file).
FIELDS = [
    "year", "round", "municipality_id", "school_id", "programme_id", "orientation_id",
    "study_path", "variant", "places", "first_choice_applicants", "admitted",
    "admitted_first_choice", "reserves", "lowest_merit", "mean_merit", "median_merit",
    "needs_review", "review_note",
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
    report = ImportReport(
        kind=ImportBatch.Kind.ADMISSIONS, file_name=file_name or str(source), waiting=0
    )
    frame = read_or_refuse(report, lambda: read_table(source, file_name=file_name))
    if frame is None:
        return report
    layout = detect_layout(list(frame.columns))
    report.notes.append(_("Format: %(label)s.") % {"label": layout.label})
    if not _has_required_columns(layout, report, year=year, round=round):
        report.count_rejected(whole_file=True)
        return report
    clean = _validate(frame, layout, report, year=year, round=round)
    placed = clean[clean["programme_id"].notna() & clean["municipality_id"].notna()]
    _duplicates(placed, layout, report)
    if not report.ok:
        report.count_rejected()
        return report
    waiting = clean.drop(index=placed.index)
    report.waiting = len(waiting)
    report.notes.extend(pending.describe(waiting))

    def write(batch: ImportBatch, bar: tqdm) -> None:
        if len(placed):
            write_rows(placed, batch=batch, source=layout.label, bar=bar)
            aggregates.refresh(slices=set(zip(placed["year"], placed["round"], strict=True)))
        pending.keep(waiting, batch=batch, replacing=Path(report.file_name).name)
        aggregates.save_state()  # pages say how many rows wait for a name

    plan = writer.Plan(rows=len(placed), source=layout.label, replaces=_scopes(placed), write=write)
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _has_required_columns(layout: Layout, report: ImportReport, *, year, round) -> bool:
    """School (or organiser), programme, year and round, and at least one figure."""
    required = [] if year is not None else ["year"]
    if round is None:
        required.append("round")
    missing = [layout.display(name) for name in required if name not in layout.columns]
    places_known = {"school", "municipality_code", "municipality_name"} & set(layout.columns)
    if not places_known:
        missing.append(layout.display("school"))
    if "programme_code" not in layout.columns and "programme_name" not in layout.columns:
        missing.append(layout.display("programme_code"))
    if not any(name in layout.columns for name in FIGURE_COLUMNS):
        missing.append(_("någon av %(columns)s") % {"columns": ", ".join(
            layout.display(name) for name in FIGURE_COLUMNS
        )})  # fmt: skip
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
        parse_rounds(column("round"), **where("round"), default=round)
        if "round" in layout.columns
        else pd.Series(round, index=frame.index)
    )
    texts = {"programme_code": column("programme_code"), "programme_name": column("programme_name")}
    texts["orientation"] = column("orientation")
    named = texts["programme_code"].notna() | texts["programme_name"].notna()
    blamed = "programme_code" if "programme_code" in layout.columns else "programme_name"
    require(named.where(named), **where(blamed))  # neither code nor name: "värde saknas"
    paths = study_paths(texts["programme_code"], texts["programme_name"], texts["orientation"])
    for name, values in {**texts, **paths}.items():
        clean[name] = values
    _place(clean, column, where, layout)
    clean["school_unit_code"] = _school_unit_codes(
        column("school_unit_code"), **where("school_unit_code")
    )
    for name in COUNT_COLUMNS:
        clean[name] = parse_counts(column(name), **where(name), required=False)
    review = pd.Series(False, index=frame.index)
    for name in MERIT_COLUMNS:
        clean[name], flagged = parse_merits(column(name), **where(name))
        review |= flagged
    clean["review_note"] = review.map({True: _("Meritvärde över 340"), False: ""})
    review |= _impossible(clean, layout, report)
    clean["needs_review"] = review
    for index in clean.index[clean[FIGURE_COLUMNS].isna().all(axis=1)]:
        report.reject(
            row=int(rows[index]), reason=_("raden har ingen siffra (platser, antagna, meritvärden)")
        )
    return clean


def _place(clean: pd.DataFrame, column, where, layout: Layout) -> None:
    """municipality_id, school (its name as stored) and, when unknown, why and the name."""
    school_cells = column("school")
    if "municipality_code" in layout.columns:
        codes = column("municipality_code")
        require(codes, **where("municipality_code"))
        clean["municipality_id"] = municipalities_by_code(codes, **where("municipality_code"))
        clean["place_reason"], clean["place_name"], clean["municipality_text"] = "", "", ""
    else:
        municipalities = column("municipality_name")
        found = places(municipalities, school_cells)
        for name in ("municipality_id", "place_reason", "place_name"):
            clean[name] = found[name]
        clean["municipality_text"] = municipalities
        school_cells = school_cells.fillna(municipalities)  # an organiser without a school
    clean["school_text"] = school_cells
    hints = clean["school_hint"].mask(clean["school_hint"] == "")
    clean["school"] = hints.fillna(school_cells)
    require(clean["school"], **where("school"))


def _impossible(clean: pd.DataFrame, layout: Layout, report: ImportReport) -> pd.Series:
    """More admitted than places, or more admitted on first choice than admitted: stored,
    flagged for review (the list may count late changes, or name its columns loosely)."""
    more = (clean["admitted"] > clean["places"]).fillna(False)
    for index in clean.index[more]:
        report.flag(
            row=int(clean.at[index, "row"]),
            column=layout.display("admitted"),
            value=int(clean.at[index, "admitted"]),
            reason=_("fler antagna än platser (%(places)s): sparas men markeras för granskning")
            % {"places": int(clean.at[index, "places"])},
        )
    clean.loc[more, "review_note"] = _("Fler antagna än platser")
    # Admitted on first choice is at most the number admitted; a list where it is higher
    # probably counts first-choice applicants under that name. Kept as published, flagged.
    first = (clean["admitted_first_choice"] > clean["admitted"]).fillna(False)
    for index in clean.index[first]:
        report.flag(
            row=int(clean.at[index, "row"]),
            column=layout.display("admitted_first_choice"),
            value=int(clean.at[index, "admitted_first_choice"]),
            reason=_(
                "fler antagna i första hand än antagna (%(admitted)s): sparas men markeras för "
                "granskning (kolumnen kan räkna förstahandssökande)"
            )
            % {"admitted": int(clean.at[index, "admitted"])},
        )
    clean.loc[first & ~more, "review_note"] = _("Fler antagna i första hand än antagna")
    return more | first


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
    key = ["year", "round", "municipality_id", "school_key", "study_path", "variant"]
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
    first (created when new), then the rows. The seed writes its generated history with it too.
    A figure the frame lacks is written as missing ("not published")."""
    nothing = pd.Series(None, index=clean.index, dtype=object)
    columns = {name: clean.get(name, nothing) for name in FIELDS}
    columns["school_id"] = school_ids(clean)
    columns["variant"] = columns["variant"].fillna("")
    columns["review_note"] = columns["review_note"].fillna("")
    columns["needs_review"] = columns["needs_review"].fillna(False)
    writer.insert_columns(
        AdmissionStatistic, columns, constants={"source": source, "batch_id": batch.pk}, bar=bar
    )
