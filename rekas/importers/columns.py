"""Validating a column's cells with pandas, collecting every bad cell in the report.

Each parser reports a cell at most once, with the value as the file has it: an empty cell is
"värde saknas" (when the column requires a value) and never reaches a check that would quote
it. `rows` maps the frame's index to the row number in the file.
"""

import re

import pandas as pd
from django.utils.translation import gettext as _

from .normalise import map_unique
from .report import ImportReport

MERIT_MAX = 340  # 17 subjects × 20; higher values are flagged for review, not rejected
MERIT_HARD_MAX = 9999  # what the database can store
# What regional files write where nobody was turned away ("alla antagna") or data is hidden.
NO_MERIT_VALUES = {"-", "–", "—", "*", "**", "alla antagna", "alla", "x", "..", "saknas"}

ROUND_VALUES = {
    "final": "final",
    "slutlig": "final",
    "slutligt": "final",
    "slutlig antagning": "final",
    "slutantagning": "final",
    "s": "final",
    "preliminary": "preliminary",
    "preliminär": "preliminary",
    "preliminärt": "preliminary",
    "preliminär antagning": "preliminary",
    "prel": "preliminary",
    "p": "preliminary",
}


UNKNOWN_ROUNDS = ("unknown", "okänd", "okand")

_SPACES = re.compile(r"[\s\u00a0\u202f]")


def cells(frame: pd.DataFrame, header: str | None) -> pd.Series:
    """A column's text, stripped; empty cells are missing. A column the file lacks is all missing."""
    if header is None:
        return pd.Series(None, index=frame.index, dtype="object")
    return map_unique(frame[header], lambda value: str(value).strip() or None).astype(object)


def require(series: pd.Series, *, column: str, rows: pd.Series, report: ImportReport) -> pd.Series:
    """Refuses each empty cell with "värde saknas"; returns which cells have a value."""
    present = series.notna()
    for index in series.index[~present]:
        report.reject(row=int(rows[index]), column=column, reason=_("värde saknas"))
    return present


def _clean_number(value: str) -> str:
    return _SPACES.sub("", str(value)).replace(",", ".")


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return float("nan")


def _to_numbers(series: pd.Series) -> pd.Series:
    """Decimal comma or point, spaces as thousands separators; NaN where it isn't a number."""
    return map_unique(series, lambda value: _number(_clean_number(value))).astype(float)


def parse_counts(
    series: pd.Series, *, column: str, rows: pd.Series, report: ImportReport, required: bool
) -> pd.Series:
    """Non-negative integers; empty is allowed unless `required`."""
    numbers = _to_numbers(series)
    present = series.notna()
    if required:
        require(series, column=column, rows=rows, report=report)
    not_integer = present & (numbers.isna() | (numbers % 1 != 0))
    for index in series.index[not_integer]:
        report.reject(
            row=int(rows[index]), column=column, value=series[index], reason=_("inte ett heltal")
        )
    for index in series.index[~not_integer & (numbers < 0)]:
        report.reject(
            row=int(rows[index]),
            column=column,
            value=series[index],
            reason=_("negativt antal (antal kan inte vara mindre än 0)"),
        )
    return numbers


def parse_merits(
    series: pd.Series, *, column: str, rows: pd.Series, report: ImportReport
) -> tuple[pd.Series, pd.Series]:
    """Merit values (decimal comma or point; 0 is no value); returns (values, needs_review)."""
    lowered = map_unique(series, lambda value: str(value).strip().casefold())
    blank = lowered.isna() | (lowered == "") | lowered.isin(NO_MERIT_VALUES)
    numbers = _to_numbers(series.where(~blank))
    for index in series.index[~blank & numbers.isna()]:
        report.reject(
            row=int(rows[index]), column=column, value=series[index], reason=_("inte ett tal")
        )
    for index in series.index[(numbers < 0) | (numbers > MERIT_HARD_MAX)]:
        report.reject(
            row=int(rows[index]),
            column=column,
            value=series[index],
            reason=_("meritvärdet ligger utanför det möjliga intervallet 0–%(max)s")
            % {"max": MERIT_HARD_MAX},
        )
    review = (numbers > MERIT_MAX) & (numbers <= MERIT_HARD_MAX)
    for index in series.index[review]:
        report.flag(
            row=int(rows[index]),
            column=column,
            value=series[index],
            reason=_(
                "meritvärdet är högre än 340 (17 ämnen × 20). Det sparas men markeras för "
                "granskning: kontrollera om programmet har egen poängskala (t.ex. färdighetsprov)."
            ),
        )
    # A 0 in the merit columns of regional lists means "no value" (everyone admitted, or the
    # office left the cell), never an admitted merit of 0: stored as not published.
    return numbers.where(numbers != 0).round(1), review.fillna(False)


def parse_rounds(
    series: pd.Series,
    *,
    column: str,
    rows: pd.Series,
    report: ImportReport,
    default: str | None = None,
) -> pd.Series:
    """Rounds in Swedish or English; "unknown" (what an extraction writes when a list does not
    say) is the `default` (--round) when given."""
    known = ROUND_VALUES | (dict.fromkeys(UNKNOWN_ROUNDS, default) if default else {})
    present = require(series, column=column, rows=rows, report=report)
    values = map_unique(series, lambda value: known.get(str(value).strip().casefold()))
    for index in series.index[present & values.isna()]:
        report.reject(
            row=int(rows[index]),
            column=column,
            value=series[index],
            reason=_("okänd antagningsomgång (ange ”preliminär” eller ”slutlig”)"),
        )
    return values


def parse_years(
    series: pd.Series, *, column: str, rows: pd.Series, report: ImportReport, first: int, last: int
) -> pd.Series:
    present = require(series, column=column, rows=rows, report=report)
    numbers = _to_numbers(series)
    bad = present & (numbers.isna() | (numbers < first) | (numbers > last) | (numbers % 1 != 0))
    for index in series.index[bad]:
        report.reject(
            row=int(rows[index]),
            column=column,
            value=series[index],
            reason=_("året ligger utanför %(first)s–%(last)s") % {"first": first, "last": last},
        )
    return numbers.where(~bad)
