"""Files the views answer with: a choice round's allocation as CSV and XLSX, and the
praktikintyg as a PDF (fpdf2, pure Python; the printable HTML page is its primary form).

Presentation only: the allocation's rows come from selectors.rounds. Cells that a spreadsheet
would run as formulas are defused.
"""

import csv
import io
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from syvsite.core.spreadsheets import defuse_formula

from .. import conf
from ..models import Certificate, ChoiceRound
from ..selectors.rounds import allocation_headers, allocation_rows


def neutralise(value) -> str | int:
    """Prefix text starting like a formula with an apostrophe (OWASP CSV injection advice)."""
    if isinstance(value, int):
        return value
    return defuse_formula("" if value is None else str(value))


def allocation_csv(choice_round: ChoiceRound) -> bytes:
    buffer = io.StringIO()
    # Semicolons and a BOM: what Excel with Swedish settings opens correctly.
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(allocation_headers())
    for row in allocation_rows(choice_round):
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def allocation_xlsx(choice_round: ChoiceRound) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Fördelning")[:31]
    sheet.append(allocation_headers())
    for row in allocation_rows(choice_round):
        sheet.append([neutralise(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # openpyxl treats any string starting with "=" as a formula: force text for every cell.
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, _header in enumerate(allocation_headers(), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 24
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A Unicode TTF font renders every pupil's name; without one, PDF core fonts cover Latin-1.
# DejaVu Sans ships with the project (fonts/, Bitstream Vera licence) so no system font is needed.
FONT_CANDIDATES = [
    str(Path(__file__).resolve().parents[1] / "fonts" / "DejaVuSans.ttf"),
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
]


def _font_path() -> Path | None:
    configured = conf.get("PDF_FONT")
    for candidate in [configured, *FONT_CANDIDATES]:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


class _Document(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        font = _font_path()
        if font:
            self.add_font("Body", "", str(font))
            bold = font.with_name(font.name.replace(".ttf", "-Bold.ttf"))
            self.add_font("Body", "B", str(bold if bold.is_file() else font))
            self.family_name, self.unicode = "Body", True
        else:
            self.family_name, self.unicode = "Helvetica", False
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)

    def text_safe(self, value) -> str:
        text = "" if value is None else str(value)
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str, size: int = 14) -> None:
        self.set_font(self.family_name, "B", size)
        self.multi_cell(0, size * 0.5, self.text_safe(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def fact(self, label: str, value) -> None:
        self.set_font(self.family_name, "B", 10)
        self.cell(55, 6, self.text_safe(label))
        self.set_font(self.family_name, "", 10)
        self.multi_cell(0, 6, self.text_safe(value or "–"), new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, label: str, text: str) -> None:
        self.ln(3)
        self.set_font(self.family_name, "B", 11)
        self.cell(0, 7, self.text_safe(label), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family_name, "", 10)
        self.multi_cell(0, 5.5, self.text_safe(text or "–"), new_x="LMARGIN", new_y="NEXT")


def certificate_pdf(certificate: Certificate) -> bytes:
    pupil = certificate.pupil
    booking = pupil.booking
    listing = booking.period.listing
    workplace = listing.workplace
    document = _Document()
    document.set_title(_("Praktikintyg"))
    document.add_page()
    document.heading(_("Praktikintyg"), 18)
    document.fact(_("Elev"), pupil.name)
    document.fact(_("Skola"), booking.school.name)
    document.fact(_("Företag"), listing.company.name)
    document.fact(
        _("Arbetsplats"),
        f"{workplace.name}, {workplace.street_address}, {workplace.postal_code} {workplace.city}",
    )
    document.fact(_("Praktik"), f"{listing.title} ({listing.get_placement_type_display()})")
    document.fact(
        _("Period"), f"{booking.period.start_date:%Y-%m-%d} – {booking.period.end_date:%Y-%m-%d}"
    )
    document.fact(_("Planerade dagar"), certificate.days_planned)
    document.fact(_("Närvarande dagar"), certificate.days_attended)
    document.ln(2)
    # Only the parts the school asked for (Certificate.asks_*).
    if certificate.asks_ratings:
        for label, field in (
            (_("Passar tider"), "punctuality"),
            (_("Intresse och engagemang"), "engagement"),
            (_("Samarbete och bemötande"), "cooperation"),
        ):
            document.fact(label, getattr(certificate, f"get_{field}_display")())
    if certificate.asks_tasks:
        document.paragraph(_("Arbetsuppgifter"), certificate.tasks)
    if certificate.asks_assessment:
        document.paragraph(_("Omdöme"), certificate.assessment)
    document.ln(6)
    signed = timezone.localtime(certificate.completed_at) if certificate.completed_at else None
    document.fact(
        _("Handledare"), f"{certificate.signed_by_name}, {certificate.signed_by_title}".strip(", ")
    )
    document.fact(_("Ifyllt"), f"{signed:%Y-%m-%d}" if signed else _("Inte ifyllt ännu"))
    return bytes(document.output())
