"""CSV and XLSX downloads of any REKAS table, safe to open in a spreadsheet.

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
return) get a leading apostrophe; numbers stay numbers (never quoted) so they can be summed.
"""

import csv
import io
import math

from django.http import HttpResponse
from django.utils.text import slugify

from syvsite.core.spreadsheets import defuse_formula

from .tables import Column, Table, clean_number


def neutralise(value: object) -> object:
    """A cell value for export: numbers as numbers, dangerous text prefixed with '."""
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else value
    number = clean_number(value) if hasattr(value, "as_tuple") else None  # Decimal
    if number is not None:
        return number
    return defuse_formula(str(value))


def export_rows(table: Table) -> list[list]:
    """Header and rows; an empty numeric cell says why ("ej publicerat"), never 0 or blank."""
    header = [str(column.label) for column in table.columns]  # labels may be lazy
    body = [[_cell(row.get(column.key), column) for column in table.columns] for row in table.rows]
    return [header, *body]


def _cell(value: object, column: Column) -> object:
    cell = neutralise(value)
    if cell is None and column.numeric:
        return str(column.missing)
    return cell


def csv_response(table: Table, *, file_stem: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in export_rows(table):
        writer.writerow(["" if cell is None else _csv_number(cell) for cell in row])
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(file_stem)}.csv"'
    return response


def _csv_number(cell):
    # Swedish spreadsheets read decimal commas; the delimiter is ";" so commas are safe.
    if isinstance(cell, float):
        text = str(int(cell)) if cell.is_integer() else repr(round(cell, 6))
        return text.replace(".", ",")
    return cell


def xlsx_response(table: Table, *, file_stem: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(table.caption or "REKAS")[:31].replace("/", "-"))
    for row in export_rows(table):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(file_stem)}.xlsx"'
    return response


def export_response(table: Table, *, file_format: str, file_stem: str) -> HttpResponse:
    if file_format == "xlsx":
        return xlsx_response(table, file_stem=file_stem)
    return csv_response(table, file_stem=file_stem)
