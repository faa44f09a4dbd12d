"""Writing a validated import, the same way for every importer.

An importer validates the whole file first and describes what committing it does as a `Plan`:
how many rows it writes, what it replaces and how it writes. `apply` either previews that
(counts only) or commits it in one transaction that also keeps an `ImportBatch` record with the
report, so a file is written whole or not at all, and a progress bar shows the writing.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connections, router, transaction
from django.db.models import Field, Model, QuerySet
from django.utils.translation import gettext as _
from tqdm import tqdm

from ..models import ImportBatch
from .report import ImportReport

CHUNK = 5000  # rows per INSERT round trip and per progress-bar step


@dataclass(frozen=True)
class Plan:
    """What committing a validated file does to the database."""

    rows: int  # rows it writes
    source: str  # where the data comes from (ImportBatch.source)
    # Writes the rows, inside the transaction, after `replaces` is deleted; advances the bar.
    write: Callable[[ImportBatch, tqdm], None]
    # What it replaces: counted in a preview, deleted when committed.
    replaces: Sequence[QuerySet] = ()
    progress_label: str = ""  # the progress bar's label; default "Skriver"


def apply(
    plan: Plan,
    *,
    report: ImportReport,
    commit: bool,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    """Preview (`commit=False`): count what would be written and replaced. Commit: write it."""
    report.replaced = sum(queryset.count() for queryset in plan.replaces)
    report.written = plan.rows
    if commit:
        _commit(plan, report, user=user, progress=progress)
    return report


@transaction.atomic
def _commit(
    plan: Plan, report: ImportReport, *, user: AbstractBaseUser | None, progress: bool
) -> None:
    batch = ImportBatch.objects.create(
        kind=report.kind,
        file_name=Path(report.file_name).name[:255],
        source=plan.source[:200],
        created_by=user if getattr(user, "is_authenticated", False) else None,
        rows_read=report.read,
    )
    report.replaced = sum(_delete(queryset) for queryset in plan.replaces)
    bar = tqdm(
        total=plan.rows,
        disable=not progress,
        desc=plan.progress_label or _("Skriver"),
        unit=_("rader"),
    )
    with bar:
        plan.write(batch, bar)
    report.committed = True
    report.batch_id = batch.pk
    batch.rows_written = report.written
    batch.rows_replaced = report.replaced
    batch.rows_flagged = len(report.flagged)
    batch.report = report.as_dict()
    batch.save()


def _delete(queryset: QuerySet) -> int:
    """Rows of the queryset's own model deleted (what a preview counts), not the rows that
    cascade with them (a university admission's scores)."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def create_objects(model: type[Model], objects: list[Model], *, bar: tqdm) -> None:
    """`bulk_create` in chunks, advancing the bar: for imports of a few thousand rows."""
    for start in range(0, len(objects), CHUNK):
        chunk = objects[start : start + CHUNK]
        model.objects.bulk_create(chunk)
        bar.update(len(chunk))


def insert_columns(
    model: type[Model],
    columns: Mapping[str, pd.Series],
    *,
    constants: Mapping[str, object],
    bar: tqdm,
) -> None:
    """Validated rows straight into the table: plain parameterised INSERTs in chunks (SQLite)
    or COPY (PostgreSQL). Building 100,000 model instances for `bulk_create` would cost most of
    the import's time (see docs/rekas-method.md). Keys are model field names (`school_id` for a
    foreign key): `columns` hold a value per row (missing ones are written as NULL),
    `constants` one value for every row (e.g. the batch)."""
    meta = model._meta
    values = [_python_values(series, meta.get_field(name)) for name, series in columns.items()]
    rows = list(zip(*values, strict=True))
    fixed = tuple(constants.values())
    names = [meta.get_field(name).column for name in [*columns, *constants]]
    connection = connections[router.db_for_write(model)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor.cursor, meta.db_table, names, rows, fixed, bar=bar)
            return
        quote = connection.ops.quote_name
        # Only identifiers from the model's own metadata are formatted in; values are parameters.
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            quote(meta.db_table),
            ", ".join(quote(name) for name in names),
            ", ".join(["%s"] * len(names)),
        )
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            cursor.executemany(sql, [(*row, *fixed) for row in chunk])
            bar.update(len(chunk))


def _python_values(series: pd.Series, field: Field) -> list:
    """Column values as plain Python objects (None for missing) for the database driver."""
    kind = field.get_internal_type()
    if kind in ("CharField", "TextField"):
        values = series.tolist()
        return [None if value is None or value != value else str(value) for value in values]
    convert = {"DecimalField": float, "FloatField": float, "BooleanField": bool}.get(kind, int)
    numbers = series.to_numpy(dtype=float, na_value=float("nan")).tolist()
    return [None if value != value else convert(value) for value in numbers]  # NaN != NaN


def _copy(
    cursor, table: str, names: list[str], rows: list[tuple], fixed: tuple, *, bar: tqdm
) -> None:
    """PostgreSQL: COPY is several times faster than INSERTs for bulk loads."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(name) for name in names)
    )
    with cursor.copy(statement) as copy:
        for number, row in enumerate(rows, start=1):
            copy.write_row((*row, *fixed))
            if number % CHUNK == 0:
                bar.update(CHUNK)
    bar.update(len(rows) % CHUNK)
