"""Allocation results as CSV and XLSX. Cells that a spreadsheet would run as formulas are defused."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from syvsite.core.spreadsheets import defuse_formula

from .models import ChoiceRound


def neutralise(value) -> str | int:
    """Prefix text starting like a formula with an apostrophe (OWASP CSV injection advice)."""
    if isinstance(value, int):
        return value
    return defuse_formula("" if value is None else str(value))


def headers() -> list[str]:
    return [
        _("Klass"),
        _("Elev"),
        _("Praktikplats"),
        _("Företag"),
        _("Adress"),
        _("Kommun"),
        _("Period"),
        _("Val nr"),
        _("Placerad manuellt"),
        _("Handledare"),
        _("Handledarens e-post"),
    ]


def allocation_rows(choice_round: ChoiceRound) -> list[list]:
    participants = choice_round.participants.select_related(
        "assigned_period__listing__company", "assigned_period__listing__workplace__municipality"
    ).order_by("school_class", "name")
    rows = []
    for participant in participants:
        period = participant.assigned_period
        if period is None:
            rows.append([participant.school_class, participant.name, _("Ingen plats"), *[""] * 8])
            continue
        listing, workplace = period.listing, period.listing.workplace
        rows.append(
            [
                participant.school_class,
                participant.name,
                listing.title,
                listing.company.name,
                f"{workplace.street_address}, {workplace.postal_code} {workplace.city}",
                workplace.municipality.name,
                f"{period.start_date:%Y-%m-%d}–{period.end_date:%Y-%m-%d}",
                participant.assigned_rank or "",
                _("Ja") if participant.assigned_manually else _("Nej"),
                listing.supervisor_name,
                listing.supervisor_email,
            ]
        )
    return rows


def to_csv(choice_round: ChoiceRound) -> bytes:
    buffer = io.StringIO()
    # Semicolons and a BOM: what Excel with Swedish settings opens correctly.
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers())
    for row in allocation_rows(choice_round):
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(choice_round: ChoiceRound) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Fördelning")[:31]
    sheet.append(headers())
    for row in allocation_rows(choice_round):
        sheet.append([neutralise(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # openpyxl treats any string starting with "=" as a formula: force text for every cell.
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, _header in enumerate(headers(), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 24
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
