"""A placement coordinator runs a choice round: pupils choose, the allocation places them, the
coordinator sees the result on the page and exports it.

The round is the test's own (unique title, three new pupils), at the coordinator's school
(Hvitfeldtska gymnasiet), over the same week as the demo round, so the seeded listings' periods
are there to choose from. It is not sent out, so no company gets a booking from it.
"""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.journey_support import messages, person, unique

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

COORDINATOR = "samordnare@syv-demo.se"
PUPILS = ["Ebba Ek", "Farid Fors", "Greta Gran"]


def _monday_in(weeks: int) -> date:
    today = date.today()
    return today + timedelta(days=7 * weeks - today.weekday())


def _pupil_chooses(chromium, site, *, code: str, name: str, first: int) -> None:
    with person(chromium, site) as pupil:
        pupil.goto(site.url + "/praktik/elev/logga-in/")
        pupil.get_by_label("Din kod").fill(code)
        pupil.get_by_role("button", name="Fortsätt").click()
        expect(pupil.get_by_role("main")).to_contain_text(f"Hej {name}!")
        for rank in (1, 2, 3):
            pupil.get_by_label(f"Val {rank}", exact=False).first.select_option(index=first + rank)
        pupil.get_by_role("button", name="Spara mina val").click()
        expect(messages(pupil)).to_contain_text("Dina val är sparade.")
        expect(pupil.get_by_role("heading", name="Dina val")).to_be_visible()


def test_coordinator_runs_an_allocation_and_exports_the_result(chromium, demo_site):
    title = unique("PRAO år 8")
    start = _monday_in(9)
    with person(chromium, demo_site, email=COORDINATOR) as page:
        page.goto(demo_site.url + "/praktik/skola/")
        page.get_by_role("link", name="Öppna en valomgång").click()
        page.get_by_label("Namn").fill(title)
        page.get_by_label("PRAO").check()
        page.get_by_label("Praktikperiodens första dag").fill(start.isoformat())
        page.get_by_label("Praktikperiodens sista dag").fill(
            (start + timedelta(days=4)).isoformat()
        )
        page.get_by_label("Sista dag för elevernas val").fill(_monday_in(4).isoformat())
        page.get_by_label("Längsta avstånd från skolan (km)").fill("80")
        page.get_by_role("button", name="Öppna valomgången").click()
        expect(messages(page)).to_contain_text("Valomgången är öppnad. Lägg till eleverna.")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        round_url = page.url

        page.get_by_label("Elever", exact=False).last.fill(
            "\n".join(f"{name}; 8C" for name in PUPILS)
        )
        page.get_by_role("button", name="Lägg till och visa koder").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Koder till eleverna")
        codes = {
            slip.locator("strong").first.inner_text(): slip.locator(".code").inner_text()
            for slip in page.locator(".code-slip").all()
        }
        assert sorted(codes) == sorted(PUPILS)

    for number, name in enumerate(PUPILS):
        _pupil_chooses(chromium, demo_site, code=codes[name], name=name, first=number)

    with person(chromium, demo_site, email=COORDINATOR) as page:
        page.goto(round_url)
        expect(page.get_by_role("main")).to_contain_text("3 elever, 3 har valt")
        page.get_by_role("button", name="Stäng för val").click()
        expect(messages(page)).to_contain_text("Valomgången är nu")
        page.get_by_label("Slumpfrö (valfritt)").fill("2026")
        page.get_by_role("button", name="Kör fördelningen").click()
        expect(messages(page)).to_contain_text("Fördelningen är klar: 3 av 3 elever fick en plats")
        expect(messages(page)).to_contain_text("slumpfrö 2026")

        result = page.get_by_role("table", name="Antal elever per val")
        expect(result.get_by_role("row").filter(has_text="Ingen plats")).to_contain_text("0")
        pupils = page.get_by_role("table", name="Elever, deras val och tilldelad plats")
        placed = {}
        for name in PUPILS:
            row = pupils.get_by_role("row").filter(
                has=page.get_by_role("rowheader", name=name, exact=True)
            )
            expect(row).to_contain_text(re.compile(r"val [123]"))
            placed[name] = row.locator("td").nth(2).inner_text()

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Exportera CSV").click()
        text = download_info.value.path().read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        assert rows[0][:3] == ["Klass", "Elev", "Praktikplats"]
        exported = {row[1]: row for row in rows[1:]}
        assert sorted(exported) == sorted(PUPILS)
        for name in PUPILS:
            place, company = exported[name][2], exported[name][3]
            assert placed[name].startswith(f"{place}, {company}"), (placed[name], exported[name])
            assert exported[name][7] in {"1", "2", "3"}

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Exportera Excel").click()
        workbook = load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
        sheet_rows = list(workbook.active.iter_rows(values_only=True))
        assert sorted(row[1] for row in sheet_rows[1:]) == sorted(PUPILS)
