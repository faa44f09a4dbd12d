"""Reading uploaded tables safely: CSV (`;` or `,`, UTF-8 with or without BOM) and XLSX.

XLSX files are zip archives of XML. Before openpyxl parses one we check the archive's number
of entries, total uncompressed size and compression ratio (zip bombs), and openpyxl uses
defusedxml (installed) so XML entity tricks are refused.
"""

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
from django.utils.translation import gettext as _

MAX_FILE_BYTES = 50 * 1024 * 1024
XLSX_MAX_ENTRIES = 200
XLSX_MAX_UNCOMPRESSED = 200 * 1024 * 1024
XLSX_MAX_RATIO = 100


class UnreadableFile(Exception):
    """The file can't be read as a table at all; the message is Swedish and shown to the user."""


def read_table(source: Path | str | bytes, *, file_name: str = "") -> pd.DataFrame:
    """Every cell as a string (None when empty), headers stripped; raises UnreadableFile."""
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    name = file_name or (str(source) if isinstance(source, (str, Path)) else "")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(_("Filen är större än 50 MB."))
    if not data.strip():
        raise UnreadableFile(_("Filen är tom."))
    if data[:2] == b"PK" or name.lower().endswith(".xlsx"):
        frame = _read_xlsx(data)
    else:
        frame = _read_csv(data)
    frame.columns = [str(column).strip().lstrip("\ufeff") for column in frame.columns]
    frame = frame.dropna(how="all")
    if frame.empty:
        raise UnreadableFile(_("Filen innehåller inga datarader, bara rubriker."))
    return frame


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
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=True,
            quoting=csv.QUOTE_MINIMAL,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UnreadableFile(
            _("Filen kan inte läsas som CSV: %(error)s") % {"error": error}
        ) from error


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
    rows = [
        ["" if cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    workbook.close()
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise UnreadableFile(_("Filen är tom."))
    frame = pd.DataFrame(rows[1:], columns=rows[0], dtype=str)
    return frame.replace({"": None})
