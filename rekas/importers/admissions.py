"""Import of upper-secondary admission statistics (canonical CSV/XLSX or a regional layout).

Every row or none: the file is parsed and validated completely first; only a file without
errors is written, in one transaction that replaces what the same (year, round, municipality)
held before, so importing the same file twice leaves the same data.
"""

import re
from datetime import date
from pathlib import Path

import pandas as pd
from django.db import connections, router, transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from syvsite.regions.models import Municipality

from ..models import AdmissionStatistic, ImportBatch, School
from .adapters import COUNT_COLUMNS, REQUIRED_COUNTS, Layout, detect_layout
from .columns import parse_counts, parse_merits, parse_rounds, parse_years
from .files import UnreadableFile, read_table
from .normalise import ProgrammeResolver, map_unique, normalise_text
from .report import ImportReport

FIRST_YEAR = 2000
INSERT_CHUNK = 5000


def last_year() -> int:
    return date.today().year + 1


def import_admissions(
    *,
    source: Path | str | bytes,
    file_name: str = "",
    year: int | None = None,
    round: str | None = None,
    commit: bool = True,
    user=None,
    progress: bool = False,
) -> ImportReport:
    """Validate and (when `commit` and the file has no errors) write; returns the report."""
    report = ImportReport(kind=ImportBatch.Kind.ADMISSIONS, file_name=file_name or str(source))
    try:
        frame = read_table(source, file_name=file_name)
    except UnreadableFile as error:
        report.reject(row=None, reason=str(error))
        return report
    report.read = len(frame)
    layout = detect_layout(list(frame.columns))
    report.notes.append(_("Format: %(label)s.") % {"label": layout.label})
    if not _has_required_columns(layout, report, year=year, round=round):
        report.rejected = report.read
        return report
    clean = _validate(frame, layout, report, year=year, round=round)
    if not report.ok:
        report.rejected = len({issue.row for issue in report.errors})
        return report
    report.replaced = _count_in_scope(clean)
    if commit:
        _write(clean, report, user=user, progress=progress, source=layout.label)
    else:
        report.written = len(clean)
    return report


def _has_required_columns(layout: Layout, report: ImportReport, *, year, round) -> bool:
    required = ["school", "places", "first_choice_applicants", "admitted"]
    if year is None:
        required.append("year")
    if round is None:
        required.append("round")
    for canonical in required:
        if canonical not in layout.columns:
            report.reject(
                row=1,
                column=layout.display(canonical),
                reason=_("kolumnen saknas i filen"),
            )
    if "municipality_code" not in layout.columns and "municipality_name" not in layout.columns:
        report.reject(row=1, column="kommunkod", reason=_("kolumnen saknas i filen"))
    if "programme_code" not in layout.columns and "programme_name" not in layout.columns:
        report.reject(row=1, column="programkod", reason=_("kolumnen saknas i filen"))
    return report.ok


def _column(frame: pd.DataFrame, layout: Layout, canonical: str) -> pd.Series:
    header = layout.columns.get(canonical)
    if header is None:
        return pd.Series([None] * len(frame), index=frame.index, dtype="object")
    return map_unique(frame[header].astype(object), lambda value: str(value).strip())


def _validate(frame, layout: Layout, report: ImportReport, *, year, round) -> pd.DataFrame:
    rows = pd.Series(frame.index + 2, index=frame.index)
    clean = pd.DataFrame(index=frame.index)
    clean["row"] = rows
    clean["year"] = _years(frame, layout, report, rows, year)
    clean["round"] = _rounds(frame, layout, report, rows, round)
    clean["municipality_id"] = _municipalities(frame, layout, report, rows)
    clean["school"] = _column(frame, layout, "school")
    for index in clean.index[clean["school"].isna() | (clean["school"] == "")]:
        report.reject(
            row=int(rows[index]), column=layout.display("school"), reason=_("värde saknas")
        )
    clean["school_unit_code"] = _school_unit_codes(frame, layout, report, rows)
    _study_paths(frame, layout, report, rows, clean)
    for canonical in COUNT_COLUMNS:
        clean[canonical] = parse_counts(
            _column(frame, layout, canonical),
            column=layout.display(canonical),
            rows=rows,
            report=report,
            required=canonical in REQUIRED_COUNTS,
        )
    review = pd.Series(False, index=frame.index)
    for canonical in ("lowest_merit", "median_merit"):
        clean[canonical], flagged = parse_merits(
            _column(frame, layout, canonical),
            column=layout.display(canonical),
            rows=rows,
            report=report,
        )
        review |= flagged
    clean["needs_review"] = review
    _duplicates(clean, layout, report)
    return clean


def _years(frame, layout, report, rows, year) -> pd.Series:
    if "year" not in layout.columns:
        if not FIRST_YEAR <= year <= last_year():
            report.reject(
                row=None,
                column="--year",
                value=year,
                reason=_("året ligger utanför %(first)s–%(last)s")
                % {"first": FIRST_YEAR, "last": last_year()},
            )
        return pd.Series(year, index=frame.index)
    years = parse_years(
        _column(frame, layout, "year"),
        column=layout.display("year"),
        rows=rows,
        report=report,
        first=FIRST_YEAR,
        last=last_year(),
    )
    if year is not None:
        for index in frame.index[years.notna() & (years != year)]:
            report.reject(
                row=int(rows[index]),
                column=layout.display("year"),
                value=frame.at[index, layout.columns["year"]],
                reason=_("året skiljer sig från det angivna året %(year)s") % {"year": year},
            )
    return years


def _rounds(frame, layout, report, rows, round) -> pd.Series:
    if "round" not in layout.columns:
        return pd.Series(round, index=frame.index)
    return parse_rounds(
        _column(frame, layout, "round"), column=layout.display("round"), rows=rows, report=report
    )


def _municipalities(frame, layout, report, rows) -> pd.Series:
    if "municipality_code" in layout.columns:
        values = _column(frame, layout, "municipality_code")
        known = dict(Municipality.objects.values_list("code", "id"))
        # Excel drops leading zeros: "180" is Stockholm's 0180.
        keys = map_unique(values, lambda value: re.sub(r"\.0$", "", value).zfill(4))
        column = layout.display("municipality_code")
        reason = _("okänd kommunkod (SCB:s fyrsiffriga kod, t.ex. 0180 för Stockholm)")
    else:
        values = _column(frame, layout, "municipality_name")
        known = {
            normalise_text(name): pk for name, pk in Municipality.objects.values_list("name", "id")
        }
        keys = values.map(
            lambda value: (
                normalise_text(re.sub(r"(?i)s? kommun$", "", value))
                if isinstance(value, str)
                else value
            )
        )
        column = layout.display("municipality_name")
        reason = _("okänd kommun")
    ids = keys.map(known)
    for index in frame.index[ids.isna()]:
        report.reject(row=int(rows[index]), column=column, value=values[index], reason=reason)
    return ids


def _school_unit_codes(frame, layout, report, rows) -> pd.Series:
    codes = (
        map_unique(_column(frame, layout, "school_unit_code"), lambda v: re.sub(r"\.0$", "", v))
        .astype(object)
        .fillna("")
    )
    bad = ~map_unique(codes, lambda v: v == "" or bool(re.fullmatch(r"\d{8}", v))).astype(bool)
    for index in frame.index[bad]:
        report.reject(
            row=int(rows[index]),
            column=layout.display("school_unit_code"),
            value=codes[index],
            reason=_("skolenhetskoden består av åtta siffror"),
        )
    return codes


def _study_paths(frame, layout, report, rows, clean: pd.DataFrame) -> None:
    resolver = ProgrammeResolver()
    codes = _column(frame, layout, "programme_code")
    names = _column(frame, layout, "programme_name")
    orientations = _column(frame, layout, "orientation")
    keys = (
        pd.DataFrame({"code": codes, "name": names, "orientation": orientations})
        .astype(object)
        .fillna("")
    )
    unique = keys.drop_duplicates()
    found = [
        resolver.resolve(code=code or None, name=name or None, orientation=orientation or None)
        for code, name, orientation in unique.itertuples(index=False)
    ]
    unique = unique.assign(
        programme_id=[p.programme_id if p else None for p in found],
        orientation_id=[p.orientation_id if p else None for p in found],
        study_path=[p.code if p else None for p in found],
    )
    resolved = keys.merge(unique, on=["code", "name", "orientation"], how="left")
    resolved.index = frame.index
    clean["programme_id"] = resolved["programme_id"]
    clean["orientation_id"] = resolved["orientation_id"]
    clean["study_path"] = resolved["study_path"]
    by_code = "programme_code" in layout.columns
    for index in frame.index[resolved["study_path"].isna()]:
        value = codes[index] if by_code else names[index]
        reason = (
            _("okänd programkod eller inriktning")
            if by_code
            else _("okänt programnamn eller inriktning")
        )
        if pd.isna(value) or value == "":
            value, reason = "", _("värde saknas")
        report.reject(
            row=int(rows[index]),
            column=layout.display("programme_code" if by_code else "programme_name"),
            value=value,
            reason=reason,
        )


def _duplicates(clean: pd.DataFrame, layout: Layout, report: ImportReport) -> None:
    key = ["year", "round", "municipality_id", "school_key", "study_path"]
    frame = clean.assign(school_key=map_unique(clean["school"], normalise_text))
    dupes = frame[frame.duplicated(subset=key, keep=False) & frame["study_path"].notna()]
    for _key, group in dupes.groupby(key, dropna=False):
        first_row = int(group["row"].iloc[0])
        for row in group["row"].iloc[1:]:
            report.reject(
                row=int(row),
                column=layout.display("school"),
                value=group["school"].iloc[0],
                reason=_(
                    "dubblett: samma år, omgång, skola och program/inriktning finns redan på rad %(row)s"
                )
                % {"row": first_row},
            )


def _scopes(clean: pd.DataFrame):
    """One queryset per (year, round): the municipalities of the file whose rows it replaces."""
    unique = clean[["year", "round", "municipality_id"]].drop_duplicates()
    for (year, round_), group in unique.groupby(["year", "round"]):
        yield AdmissionStatistic.objects.filter(
            year=int(year),
            round=str(round_),
            municipality_id__in=[int(m) for m in group["municipality_id"]],
        )


def _count_in_scope(clean: pd.DataFrame) -> int:
    return sum(queryset.count() for queryset in _scopes(clean))


def _delete_in_scope(clean: pd.DataFrame) -> int:
    return sum(queryset.delete()[0] for queryset in _scopes(clean))


def _school_ids(clean: pd.DataFrame) -> pd.Series:
    """Get or create the schools named in the file; returns a school id per row."""
    municipality_ids = {int(pk) for pk in clean["municipality_id"].unique()}
    existing = {
        (school.municipality_id, normalise_text(school.name)): school
        for school in School.objects.filter(municipality_id__in=municipality_ids)
    }
    wanted = clean[["municipality_id", "school", "school_unit_code"]].drop_duplicates(
        subset=["municipality_id", "school"]
    )
    new, updated = [], []
    for municipality_id, name, unit_code in wanted.itertuples(index=False):
        key = (int(municipality_id), normalise_text(name))
        school = existing.get(key)
        if school is None:
            school = School(municipality_id=key[0], name=name, school_unit_code=unit_code or "")
            existing[key] = school
            new.append(school)
        elif unit_code and school.school_unit_code != unit_code:
            school.school_unit_code = unit_code
            updated.append(school)
    _link_organisations([*new, *updated])
    School.objects.bulk_create(new)
    if updated:
        School.objects.bulk_update(updated, ["school_unit_code", "organisation"])
    if any(school.pk is None for school in new):  # backends without RETURNING
        fresh = School.objects.filter(municipality_id__in=municipality_ids)
        existing = {(s.municipality_id, normalise_text(s.name)): s for s in fresh}
    keys = zip(
        clean["municipality_id"].astype(int).tolist(),
        map_unique(clean["school"], normalise_text).tolist(),
        strict=True,
    )
    return pd.Series([existing[key].pk for key in keys], index=clean.index)


def _link_organisations(schools: list[School]) -> None:
    """Schools whose unit code matches a school organisation on the site are linked to it."""
    from syvsite.organisations.models import Organisation

    codes = {school.school_unit_code for school in schools if school.school_unit_code}
    if not codes:
        return
    organisations = dict(
        Organisation.objects.filter(
            kind=Organisation.Kind.SCHOOL, school_unit_code__in=codes
        ).values_list("school_unit_code", "id")
    )
    for school in schools:
        school.organisation_id = organisations.get(school.school_unit_code, school.organisation_id)


@transaction.atomic
def _write(clean: pd.DataFrame, report: ImportReport, *, user, progress: bool, source: str) -> None:
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ADMISSIONS,
        file_name=Path(report.file_name).name[:255],
        source=source,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        rows_read=report.read,
    )
    report.replaced = _delete_in_scope(clean)
    clean = clean.assign(school_id=_school_ids(clean))
    insert_rows(clean, batch=batch, source=source, progress=progress)
    report.written = len(clean)
    report.committed = True
    report.batch_id = batch.pk
    batch.rows_written = report.written
    batch.rows_replaced = report.replaced
    batch.rows_flagged = len(report.flagged)
    batch.report = report.as_dict()
    batch.save()


INSERT_COLUMNS = [
    "year", "round", "municipality_id", "school_id", "programme_id", "orientation_id",
    "study_path", "places", "first_choice_applicants", "admitted", "reserves",
    "lowest_merit", "median_merit", "needs_review",
]  # fmt: skip


def _python_values(series: pd.Series, kind) -> list:
    """Column values as plain Python objects (None for missing) for the database driver."""
    if kind is str:
        return [
            None if value is None or value != value else str(value) for value in series.tolist()
        ]
    numbers = series.to_numpy(dtype=float, na_value=float("nan")).tolist()
    return [None if value != value else kind(value) for value in numbers]  # NaN != NaN


def insert_rows(clean: pd.DataFrame, *, batch: ImportBatch, source: str, progress: bool) -> None:
    """Plain parameterised INSERTs in chunks: the rows are already validated, and building
    100,000 model instances would cost most of the import's time (see docs/rekas-method.md)."""
    kinds = {
        "round": str,
        "study_path": str,
        "lowest_merit": float,
        "median_merit": float,
        "needs_review": bool,
    }
    columns = [_python_values(clean[name], kinds.get(name, int)) for name in INSERT_COLUMNS]
    columns[INSERT_COLUMNS.index("first_choice_applicants")] = [
        value or 0 for value in columns[INSERT_COLUMNS.index("first_choice_applicants")]
    ]
    notes = [_("Meritvärde över 340") if flagged else "" for flagged in columns[-1]]
    rows = list(zip(*columns, notes, strict=True))
    meta = AdmissionStatistic._meta
    names = [meta.get_field(name).column for name in INSERT_COLUMNS] + [
        "review_note",
        "source",
        "batch_id",
    ]
    connection = connections[router.db_for_write(AdmissionStatistic)]
    quote = connection.ops.quote_name
    # Only identifiers from the model's own metadata are formatted in; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(meta.db_table),
        ", ".join(quote(name) for name in names),
        ", ".join(["%s"] * len(names)),
    )
    bar = tqdm(total=len(rows), disable=not progress, desc=_("Skriver"), unit=_("rader"))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(
                cursor.cursor, meta.db_table, names, rows, source=source, batch_id=batch.pk, bar=bar
            )
        else:
            for start in range(0, len(rows), INSERT_CHUNK):
                chunk = rows[start : start + INSERT_CHUNK]
                cursor.executemany(sql, [(*row, source, batch.pk) for row in chunk])
                bar.update(len(chunk))
    bar.close()


def _copy(
    cursor, table: str, names: list[str], rows: list[tuple], *, source: str, batch_id: int, bar
) -> None:
    """PostgreSQL: COPY is several times faster than INSERTs for bulk loads."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(name) for name in names)
    )
    with cursor.copy(statement) as copy:
        for number, row in enumerate(rows, start=1):
            copy.write_row((*row, source, batch_id))
            if number % INSERT_CHUNK == 0:
                bar.update(INSERT_CHUNK)
    bar.update(len(rows) % INSERT_CHUNK)
