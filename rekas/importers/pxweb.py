"""Reading SCB's PX-Web CSV exports as SCB writes them, for the YH and SCB importers.

SCB's conventions: ISO-8859-1 or UTF-8 (with or without BOM), "," or ";" between cells, quoted
labels, the dimension columns first and then one column per measure and year ("Antal sökande
2024"), ".." for a figure that cannot be shown, labels with a leading space (" Stockholms län")
and totals rows ("Totalt", "Samtliga län", "totalt"). Nothing here knows what a table means:
`read_px_csv` gives the cells as text, `year_columns` splits the measure columns into
(measure, year) and refuses a column whose year is not a year, `number` reads one cell.
"""

import csv
import io
import math
import re
from dataclasses import dataclass

import pandas as pd
from django.utils.translation import gettext as _

from ..exceptions import UnreadableFile
from .files import Source, read_bytes
from .normalise import normalise_header
from .report import ImportReport

MISSING = {"..", "…", ".", "-"}  # SCB: cannot be shown / not applicable / nothing to report
YEAR = re.compile(r"^(?P<measure>.*?)[\s,]+(?P<year>\S+)$")
FIRST_YEAR, LAST_YEAR = 1900, 2100
QUOTED = re.compile(r'"[^"]*"')


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) when the bytes are UTF-8, else ISO-8859-1 as SCB exports."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")


def read_px_csv(source: Source) -> pd.DataFrame:
    """Every cell as text ("" when empty), headers stripped, index = the row in the file."""
    text = decode(read_bytes(source)).lstrip("\ufeff")
    # Count the separators outside quotes: SCB's labels have commas ("arbete, procent 2020").
    first_line = QUOTED.sub("", text.split("\n", 1)[0])
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            quoting=csv.QUOTE_MINIMAL,
            skip_blank_lines=True,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UnreadableFile(
            _("Filen kan inte läsas som CSV: %(error)s") % {"error": error}
        ) from error
    frame.columns = [str(column).strip() for column in frame.columns]
    if frame.empty:
        raise UnreadableFile(_("Filen innehåller inga datarader, bara rubriker."))
    frame.index = range(2, len(frame) + 2)
    return frame


@dataclass(frozen=True)
class MeasureColumn:
    column: str  # the header as in the file
    measure: str  # normalised measure label, e.g. "antal_sokande"
    year: int


def dimension_columns(
    frame: pd.DataFrame, dimensions: dict[str, str], report: ImportReport
) -> dict[str, str]:
    """Our name → the file's header for each dimension (matched without case and accents);
    a missing one refuses the file."""
    by_key = {normalise_header(column): column for column in frame.columns}
    found = {}
    for name, header in dimensions.items():
        column = by_key.get(normalise_header(header))
        if column is None:
            report.reject(row=None, column=header, reason=_("kolumnen saknas i filen"))
        else:
            found[name] = column
    return found


def year_columns(
    frame: pd.DataFrame, dimensions: dict[str, str], report: ImportReport
) -> list[MeasureColumn]:
    """Every column but the dimensions as (measure, year); one whose last word is not a year
    is refused (the file then writes nothing)."""
    columns = []
    for column in frame.columns:
        if column in dimensions.values():
            continue
        match = YEAR.match(column)
        year = match.group("year") if match else ""
        if not (year.isdigit() and len(year) == 4 and FIRST_YEAR <= int(year) <= LAST_YEAR):
            report.reject(
                row=1,
                column=column,
                value=year,
                reason=_("kolumnen ska sluta med ett årtal, t.ex. ”Antal sökande 2024”"),
            )
            continue
        columns.append(MeasureColumn(column, normalise_header(match.group("measure")), int(year)))
    return columns


def number(text: str) -> float | None:
    """A cell's number (decimal comma or point, spaces as thousands separators); None for SCB's
    missing marks; raises ValueError for anything else."""
    value = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if value in MISSING or value == "":
        return None
    result = float(value.replace(",", "."))
    if not math.isfinite(result):
        raise ValueError(value)
    return result


def label(text: str) -> str:
    """A label as shown: SCB's leading spaces (indentation of sub-rows) removed."""
    return str(text).strip()
