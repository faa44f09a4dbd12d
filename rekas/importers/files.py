"""Reading uploaded files safely: tables (CSV with `;` or `,`, UTF-8 with or without BOM; XLSX;
a JSON list of row objects) and JSON lists of records. Nothing here knows what the columns mean.

XLSX files are zip archives of XML. Before openpyxl parses one we check the archive's number
of entries, total uncompressed size and compression ratio (zip bombs), and openpyxl uses
defusedxml (installed) so XML entity tricks are refused.

Rows keep their place in the file as the frame's index (the header is row 1, a JSON list's
first record is 1), so every message can name the row a person finds in a spreadsheet even
when blank rows were left out.
"""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Sized
from pathlib import Path
from typing import TypeVar

import pandas as pd
from django.utils.translation import gettext as _

from ..exceptions import UnreadableFile
from .normalise import is_missing
from .report import ImportReport

MAX_FILE_BYTES = 50 * 1024 * 1024
XLSX_MAX_ENTRIES = 200
XLSX_MAX_UNCOMPRESSED = 200 * 1024 * 1024
XLSX_MAX_RATIO = 100

Source = Path | str | bytes
Rows = TypeVar("Rows", bound=Sized)


def read_bytes(source: Source) -> bytes:
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(_("Filen är större än 50 MB."))
    if not data.strip():
        raise UnreadableFile(_("Filen är tom."))
    return data


def read_table(source: Source, *, file_name: str = "") -> pd.DataFrame:
    """Every cell as a string (None when empty), headers stripped, index = row in the file.

    Raises UnreadableFile."""
    data = read_bytes(source)
    name = file_name or (str(source) if isinstance(source, (str, Path)) else "")
    if data[:2] == b"PK" or name.lower().endswith(".xlsx"):
        frame = _read_xlsx(data)
    elif data.lstrip()[:1] == b"[":
        frame = _records_table(data)
    else:
        frame = _read_csv(data)
    frame.columns = [str(column).strip().lstrip("\ufeff") for column in frame.columns]
    frame = frame.dropna(how="all")
    if frame.empty:
        raise UnreadableFile(_("Filen innehåller inga datarader, bara rubriker."))
    return frame


def read_records(source: Source) -> list[dict]:
    """A JSON list of objects (one per record); raises UnreadableFile."""
    data = read_bytes(source)
    try:
        records = json.loads(decode_utf8(data))
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("Filen är inte giltig JSON (rad %(line)s): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise UnreadableFile(_("Filen ska vara en JSON-lista med ett objekt per bedömning."))
    if not records:
        raise UnreadableFile(_("Filen innehåller inga bedömningar."))
    return records


def _records_table(data: bytes) -> pd.DataFrame:
    """A JSON list of row objects (rows extracted from published lists) as a table of text;
    the index is the record's number (the first is 1)."""
    records = read_records(data)
    frame = pd.DataFrame.from_records(records).astype(object)
    frame = frame.map(lambda value: None if is_missing(value) else _json_text(value))
    frame.index = range(1, len(frame) + 1)
    return frame


def _json_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_or_refuse(report: ImportReport, read: Callable[[], Rows]) -> Rows | None:
    """What `read` makes of the file, its rows counted in the report; None when the file cannot
    be read, with the reason as the report's first line."""
    try:
        rows = read()
    except UnreadableFile as error:
        report.reject(row=None, reason=str(error))
        return None
    report.read = len(rows)
    return rows


def decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            _(
                "Filen är inte UTF-8-kodad (ogiltigt tecken på rad %(line)s). Spara den som "
                "”CSV UTF-8” i Excel eller som XLSX och försök igen."
            )
            % {"line": line}
        ) from error


def _read_csv(data: bytes) -> pd.DataFrame:
    text = decode_utf8(data)
    body = text.lstrip()
    blank_lines_before_header = text[: len(text) - len(body)].count("\n")
    first_line = body.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        frame = pd.read_csv(
            io.StringIO(body),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=True,
            quoting=csv.QUOTE_MINIMAL,
            skip_blank_lines=False,  # blank lines keep their row number; read_table drops them
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UnreadableFile(
            _("Filen kan inte läsas som CSV: %(error)s") % {"error": error}
        ) from error
    frame.index = frame.index + 2 + blank_lines_before_header
    return frame


def check_xlsx_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnreadableFile(_("Filen är inte en giltig XLSX-fil.")) from error
    entries = archive.infolist()
    if len(entries) > XLSX_MAX_ENTRIES:
        raise UnreadableFile(_("XLSX-filen innehåller för många delar och läses inte."))
    uncompressed = sum(entry.file_size for entry in entries)
    compressed = max(sum(entry.compress_size for entry in entries), 1)
    if uncompressed > XLSX_MAX_UNCOMPRESSED or uncompressed / compressed > XLSX_MAX_RATIO:
        raise UnreadableFile(
            _("XLSX-filen packas upp till orimligt mycket data och läses inte av säkerhetsskäl.")
        )


def _read_xlsx(data: bytes) -> pd.DataFrame:
    check_xlsx_archive(data)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any parse failure is "not a readable XLSX"
        raise UnreadableFile(_("Filen är inte en giltig XLSX-fil.")) from error
    sheet = workbook.worksheets[0]
    rows = {
        number: ["" if cell is None else str(cell) for cell in row]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
    }
    workbook.close()
    filled = [number for number, row in rows.items() if any(cell.strip() for cell in row)]
    if not filled:
        raise UnreadableFile(_("Filen är tom."))
    header = filled[0]
    numbers = [number for number in rows if number > header]
    frame = pd.DataFrame(
        [rows[number] for number in numbers], columns=rows[header], index=numbers, dtype=str
    )
    return frame.replace({"": None})
