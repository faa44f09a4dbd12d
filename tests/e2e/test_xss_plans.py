"""The XSS corpus through a guidance plan's fields in the Wagtail editor, checked on public pages.

A municipality editor creates a plan from the model plan and types the payloads into its plain
text fields (title, summary, adopted by, and the goal, responsibility and activity blocks); once
published, the plan page, the municipality's list, the activity bank and the comparison must show
the text inert. The Wagtail admin itself is only for trusted staff; what matters is that their
text cannot run in a visitor's browser. Tripwires: xss_support.py.
"""

from __future__ import annotations

import urllib.parse

import pytest

from tests.browser_fixtures import login_in_browser
from tests.e2e.xss_support import (
    FIGURES,
    check,
    print_figures,
    rotating,
    set_up_tripwires,
    shell_json,
    with_long,
)

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

EDITOR = "redaktor.goteborg@syv-demo.se"
ADMIN_TIMEOUT = 60_000  # Wagtail's page editor is heavy on a busy 2-core machine
SHORT = ["goals-0-value-goal", "activities-0-value-title", "activities-0-value-timing"]
LONG = ["summary", "responsibilities-0-value-description", "activities-0-value-description"]


def test_plan_fields_typed_in_the_editor_are_inert_for_visitors(demo_site, browser_page):
    site, page = demo_site.url, browser_page
    page.set_default_timeout(ADMIN_TIMEOUT)
    console = set_up_tripwires(page)
    login_in_browser(page, demo_site, email=EDITOR, password="Demo-losen-2026")

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
