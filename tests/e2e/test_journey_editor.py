"""A municipality editor drafts a guidance plan, a moderator approves it, and the public sees it.

Editors have no publish permission: their way to publish is the review workflow
"Granskning av vägledningsplaner", approved by a member of the Moderator group
(guidance_plans/README.md).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import path_of, person, unique

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

EDITOR = "redaktor.goteborg@syv-demo.se"
MODERATOR = "moderator@syv-demo.se"
# Wagtail's page editor is a heavy page (StreamFields, many scripts): on a busy CI machine it
# can take well over the usual 20 s to become usable.
ADMIN_TIMEOUT = 60_000


def test_editor_drafts_a_plan_that_a_moderator_approves_and_the_public_sees(chromium, demo_site):
    # Valid from a date far ahead: an upcoming plan ("Kommande"), so Göteborg's current plan
    # stays the one other tests see on the overview.
    title = unique("Plan för studie- och yrkesvägledning 2030–2032")
    summary = "Alla elever i årskurs 7–9 får minst tre vägledningssamtal."
    with person(chromium, demo_site, email=EDITOR) as page:
        page.set_default_timeout(ADMIN_TIMEOUT)
        dashboard = page.get_by_role("main")
        expect(dashboard.get_by_role("heading", name="Mina vägledningsplaner")).to_be_visible()
        dashboard.get_by_role("link", name="Skapa plan från modellplanen").click()
        expect(page.get_by_label("Kommun")).to_contain_text("Göteborg")
        page.get_by_label("Planens titel").fill(title)
        page.get_by_label("Giltig från").fill("2030-08-01")
        page.get_by_label("Giltig till").fill("2032-07-31")
        page.get_by_role("button", name="Skapa utkast").click()

        # The new draft opens in the editor with the model plan's sections filled in.
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Redigerar Vägledningsplan: {title}", timeout=ADMIN_TIMEOUT
        )
        edit_path = path_of(page)
        page.get_by_role("textbox", name="Sammanfattning", exact=True).fill(summary)
        page.get_by_role("button", name="Fler åtgärder").click()
        page.get_by_role("button", name="Lämna in till Granskning av vägledningsplaner").click()
        expect(page.locator(".messages")).to_contain_text(
            f"Sida '{title}' har blivit inlämnad för moderering.", timeout=ADMIN_TIMEOUT
        )

    # Not public until approved.
    with person(chromium, demo_site) as visitor:
        visitor.goto(demo_site.url + "/vagledningsplaner/goteborg/")
        expect(visitor.get_by_role("heading", level=1)).to_have_text(
            "Vägledningsplaner för Göteborg"
        )
        expect(visitor.get_by_role("link", name=title)).to_have_count(0)

    with person(chromium, demo_site, email=MODERATOR) as moderator:
        moderator.set_default_timeout(ADMIN_TIMEOUT)
        moderator.goto(demo_site.url + "/admin/")
        review = moderator.get_by_role("region", name="Inväntar din granskning")
        row = review.get_by_role("row").filter(has_text=title)
        expect(row.get_by_role("link", name=title)).to_have_attribute("href", edit_path)
        row.get_by_role("button", name="Handlingar").click()
        row.get_by_role("button", name="Godkänn", exact=True).click()
        expect(review.get_by_role("row").filter(has_text=title)).to_have_count(
            0, timeout=ADMIN_TIMEOUT
        )

    with person(chromium, demo_site) as visitor:
        visitor.goto(demo_site.url + "/")
        visitor.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Vägledningsplaner"
        ).click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Vägledningsplaner")
        # The overview links each municipality's current plan; its breadcrumbs lead to all plans.
        goteborg = visitor.get_by_role("row").filter(
            has=visitor.get_by_role("rowheader", name="Göteborg", exact=True)
        )
        expect(goteborg).to_contain_text("Gällande plan")
        # Dates as Swedish is written: "1 jan 2025", not "1 Jan 2025".
        expect(goteborg).to_contain_text(re.compile(r"\b\d{1,2} [a-zåäö]{3} \d{4} – "))
        goteborg.get_by_role("link").click()
        visitor.get_by_role("navigation", name="Brödsmulor").get_by_role(
            "link", name="Göteborg", exact=True
        ).click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text(
            "Vägledningsplaner för Göteborg"
        )
        card = visitor.locator("li.card").filter(has=visitor.get_by_role("link", name=title))
        expect(card).to_contain_text("Kommande")
        expect(card).to_contain_text("1 augusti 2030 – 31 juli 2032")
        card.get_by_role("link", name=title).click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
        expect(visitor.get_by_role("main")).to_contain_text(summary)
