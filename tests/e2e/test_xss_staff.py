"""The XSS corpus through what trusted staff type or upload in the Wagtail admin.

Guidance plans: a municipality editor creates a plan from the model plan and types the payloads into its plain
text fields (title, summary, adopted by, and the goal, responsibility and activity blocks); once
published, the plan page, the municipality's list, the activity bank and the comparison must show
the text inert. REKAS: an administrator uploads admission statistics whose school names are the
payloads (after a file whose rejected value is one: the error report quotes it), and the
municipality's statistics show them inert. The admin is only for trusted staff; what matters is
that their text cannot run in a visitor's browser. Tripwires: xss_support.py.
"""

from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.xss_support import (
    FIGURES,
    PAYLOADS,
    check,
    marked,
    print_figures,
    rotating,
    set_up_tripwires,
    shell_json,
    with_long,
)

# The XSS modules share their accounts (xss_setup.py) and rename them: one worker runs them all.
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.xdist_group("xss")]

EDITOR = "redaktor.goteborg@syv-demo.se"
ADMIN_TIMEOUT = 60_000  # Wagtail's page editor is heavy on a busy 2-core machine
SHORT = ["goals-0-value-goal", "activities-0-value-title", "activities-0-value-timing"]
LONG = ["summary", "responsibilities-0-value-description", "activities-0-value-description"]


def test_plan_fields_typed_in_the_editor_are_inert_for_visitors(demo_site, browser_page):
    site, page = demo_site.url, browser_page
    page.set_default_timeout(ADMIN_TIMEOUT)
    console = set_up_tripwires(page)
    login_in_browser(page, demo_site, email=EDITOR, password=DEMO_PASSWORD)

    title_markers, title = rotating(["title"], 1)
    page.get_by_role("main").get_by_role("link", name="Skapa plan från modellplanen").click()
    page.get_by_label("Planens titel").fill(title["title"])
    page.get_by_label("Giltig från").fill("2031-08-01")
    page.get_by_label("Giltig till").fill("2033-07-31")
    page.get_by_role("button", name="Skapa utkast").click()
    page.wait_for_selector("[name='summary']")
    edit_url = page.url

    short_markers, short = rotating(SHORT + ["adopted_by"], 0)
    long_markers, long = with_long(LONG)
    for name, value in {**short, **long}.items():
        page.fill(f"[name='{name}']", value)
    with page.expect_navigation():
        page.get_by_role("button", name="Spara utkast").click()
    assert "kunde inte" not in page.locator(".messages").inner_text()
    FIGURES["submissions"] += 2
    FIGURES["payloads_sent"] += len(title_markers + short_markers + long_markers)
    problems = [f"{edit_url}: {e}" for e in page.locator(".error-message").all_inner_texts()]

    plan = shell_json(demo_site, PUBLISH.format(edit_url=edit_url))
    plan_url = f"{site}{plan['url']}"
    every = title_markers + short_markers + long_markers
    problems += check(page, console, plan_url, every)
    problems += check(page, console, f"{site}/vagledningsplaner/goteborg/", title_markers)
    query = urllib.parse.urlencode({"q": short_markers[1]})
    problems += check(page, console, f"{site}/vagledningsplaner/aktiviteter/?{query}", [])
    activity_page = page.inner_text("main")
    if short_markers[1] not in activity_page:
        problems.append(f"aktivitetsbanken visar inte {short_markers[1]}")
    compare = urllib.parse.urlencode({"a": plan["pk"], "b": plan["other"]})
    # The comparison sets the sections side by side (goals, responsibilities, activities).
    sections = short_markers[:3] + long_markers[len(long_markers) // len(LONG) :]
    problems += check(page, console, f"{site}/vagledningsplaner/jamfor/?{compare}", sections)
    print_figures("vägledningsplan")
    assert not problems, "\n".join(problems)


def _admissions_csv(rows: list[list[str]]) -> dict:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["ar", "antagningsomgang", "kommunkod", "skola", "programkod", "platser"]
                    + ["forstahandssokande", "antagna"])  # fmt: skip
    writer.writerows(rows)
    return {"name": "antagning.csv", "mimeType": "text/csv", "buffer": buffer.getvalue().encode()}


def _upload(page, site: str, rows: list[list[str]]) -> None:
    page.goto(f"{site}/admin/rekas/import/")
    page.select_option("[name='kind']", "admissions")
    page.set_input_files("[name='file']", _admissions_csv(rows))
    with page.expect_navigation():
        page.get_by_role("button", name="Kontrollera filen").click()
    FIGURES["submissions"] += 1


def _admin_problems(page, markers: list[str]) -> list[str]:
    """The admin's own pages: nothing ran, and the text is shown."""
    problems = ["window.__xss sattes"] if page.evaluate("() => window.__xss !== undefined") else []
    problems += [f"dialog: {text}" for text in page.dialogs]
    text = page.inner_text("body")
    problems += [f"syns inte: {marker}" for marker in markers if marker not in text]
    return [f"{page.url}: {problem}" for problem in problems]


def test_rekas_school_names_uploaded_by_staff_are_inert(demo_site, browser_page):
    site, page = demo_site.url, browser_page
    console = set_up_tripwires(page)
    login_in_browser(page, demo_site, email="admin@syv-demo.se", password=DEMO_PASSWORD)
    # Ale, a year before the demo data: the other tests' statistics stay as they were.
    rejected_marker, rejected = marked(PAYLOADS[3])
    _upload(page, site, [["2015", "slutlig", "1440", "Aleskolan", "NA", rejected, "20", "20"]])
    problems = _admin_problems(page, [rejected_marker])
    assert page.get_by_role("button", name="Spara importen").count() == 0

    schools = [marked(payload) for payload in PAYLOADS]
    rows = [["2015", "slutlig", "1440", text, "NA", "30", "25", "28"] for _, text in schools]
    _upload(page, site, rows)
    problems += _admin_problems(page, [])
    with page.expect_navigation():
        page.get_by_role("button", name="Spara importen").click()
    FIGURES["fields"].add("rekas: skola")
    FIGURES["payloads_sent"] += len(schools) + 1
    markers = [marker for marker, _ in schools]
    problems += check(page, console, f"{site}/rekas/kommun/1440/?year=2015", markers)
    print_figures("REKAS-import")
    assert not problems, "\n".join(problems)


def test_unknown_names_in_the_review_queue_are_inert(demo_site, browser_page, tmp_path):
    """A regional list whose programme and school names are payloads: REKAS cannot place them,
    so they wait in "Okända namn att koppla"; the queue and the message after mapping a name
    show them as text."""
    site, page = demo_site.url, browser_page
    console = set_up_tripwires(page)
    programmes = [marked(payload) for payload in PAYLOADS]
    places = [marked(payload) for payload in PAYLOADS]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["Skola", "Kommun", "Program", "Platser", "Antagna", "Lägsta meritvärde"])
    writer.writerows(
        [place, "", programme, "10", "9", "150,5"]
        for (_, place), (_, programme) in zip(places, programmes, strict=True)
    )
    source = tmp_path / "okanda_namn.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    imported = demo_site.manage(
        "rekas_import", "admissions", str(source), "--year", "2014", "--round", "slutlig"
    )
    assert f"Att granska: {len(PAYLOADS)}." in imported.stdout, imported.stdout
    FIGURES["fields"] |= {"rekas: okänt programnamn", "rekas: okänd skola"}
    FIGURES["payloads_sent"] += 2 * len(PAYLOADS)
    try:
        login_in_browser(page, demo_site, email="admin@syv-demo.se", password=DEMO_PASSWORD)
        queue = f"{site}/admin/rekas/okanda-namn/"
        programme_markers = [marker for marker, _ in programmes]
        # The admin's own pages (its own scripts): nothing ran and every name is shown.
        page.goto(f"{queue}?typ=place")
        problems = _admin_problems(page, [marker for marker, _ in places])
        page.goto(f"{queue}?typ=programme")
        problems += _admin_problems(page, programme_markers)
        FIGURES["pages_checked"] += 2
        # Map the first name: the success message quotes it.
        form = page.locator("form", has_text=programme_markers[0]).first
        form.locator("select[name='programme']").select_option(index=1)
        with page.expect_navigation():
            form.get_by_role("button").click()
        FIGURES["submissions"] += 1
        problems += _admin_problems(page, [programme_markers[0]])
        problems += [f"konsol: {line}" for line in console if "xss" in line.lower()]
        print_figures("REKAS okända namn")
        assert not problems, "\n".join(problems)
    finally:
        shell_json(demo_site, FORGET_2014)


# The test's rows are removed again, so the queue and REKAS pages stay as the demo has them.
FORGET_2014 = """
import json
from rekas import aggregates
from rekas.models import AdmissionStatistic, ImportBatch, PendingAdmission
batches = ImportBatch.objects.filter(file_name="okanda_namn.csv")
PendingAdmission.objects.filter(batch__in=batches).delete()
AdmissionStatistic.objects.filter(year=2014).delete()
aggregates.refresh(slices=[(2014, "final"), (2014, "preliminary")])
print(json.dumps({"batches": batches.delete()[0]}))
"""


PUBLISH = """
import json, re
from guidance_plans.models import GuidancePlanPage
pk = int(re.search(r"/pages/(\\d+)/", "{edit_url}").group(1))
plan = GuidancePlanPage.objects.get(pk=pk)
plan.get_latest_revision().publish()
plan.refresh_from_db()
other = GuidancePlanPage.objects.live().exclude(pk=pk).first()
print(json.dumps({{"pk": pk, "url": plan.url, "other": other.pk}}))
"""
