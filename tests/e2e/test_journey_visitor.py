"""An anonymous visitor explores REKAS for Göteborg and downloads a table as CSV and Excel."""

import csv
import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.journey_support import path_of, person

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def _table_rows(section) -> list[list[str]]:
    """The visible table: header texts, then each body row's cell texts."""
    header = section.locator("thead th").all_inner_texts()
    rows = [row.locator("th, td").all_inner_texts() for row in section.locator("tbody tr").all()]
    return [[cell.strip() for cell in header], *[[c.strip() for c in row] for row in rows]]


def test_visitor_explores_rekas_for_goteborg_and_downloads_a_table(chromium, demo_site):
    with person(chromium, demo_site) as page:
        page.goto(demo_site.url + "/")
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="REKAS").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("REKAS")

        page.get_by_label("Kommun", exact=True).select_option(label="Göteborg")
        page.get_by_role("button", name="Visa kommunen").click()
        assert path_of(page) == "/rekas/kommun/1480/"
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Göteborg: gymnasieantagning och arbetsmarknad"
        )
        breadcrumbs = page.get_by_role("navigation", name="Brödsmulor")
        expect(breadcrumbs.locator("[aria-current=page]")).to_have_text("Göteborg")

        section = page.get_by_role("region", name="Program i Göteborg", exact=True)
        table = section.get_by_role("table")
        expect(table.locator("caption")).to_contain_text("Program i Göteborg")
        shown = _table_rows(section)
        assert len(shown) > 3, "Tabellen över program i Göteborg borde ha demodata"

        with page.expect_download() as download_info:
            section.get_by_role("link", name="CSV – Program i Göteborg").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".csv")
        text = download.path().read_text(encoding="utf-8")
        assert text.startswith("\ufeff"), "Excel behöver BOM för att läsa å, ä och ö"
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        assert rows[0] == shown[0]
        assert len(rows) == len(shown)
        # The first column names the programme in both; the file has every row the page shows.
        assert [row[0] for row in rows[1:]] == [row[0] for row in shown[1:]]

        with page.expect_download() as download_info:
            section.get_by_role("link", name="Excel (XLSX) – Program i Göteborg").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".xlsx")
        workbook = load_workbook(io.BytesIO(download.path().read_bytes()), read_only=True)
        sheet = workbook.active
        cells = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
        assert [str(v) for v in cells[0]] == shown[0]
        assert [row[0] for row in cells[1:]] == [row[0] for row in shown[1:]]
        # Numbers stay numbers so the visitor can sum them.
        assert any(isinstance(value, (int, float)) for value in cells[1][1:])
