"""A counsellor finds a method, prints it, and starts a discussion in the forum."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import messages, person, register_and_verify, unique

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

COUNSELLOR = "vagledare@syv-demo.se"
MODERATOR = "moderator@syv-demo.se"
WAITING = "Som ny medlem granskas dina första inlägg av en moderator"


def test_counsellor_finds_a_method_and_prints_it(chromium, demo_site):
    with person(chromium, demo_site, email=COUNSELLOR) as page:
        # Mina sidor offers each account action once (the forum panel used to repeat them).
        expect(page.get_by_role("link", name="Radera mitt konto")).to_have_count(1)
        expect(page.get_by_role("link", name="Ladda ner mina uppgifter (JSON)")).to_have_count(1)
        page.goto(demo_site.url + "/metoder/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Metodbank")
        total = page.locator("#results-title").inner_text()

        filters = page.get_by_role("form", name="Filtrera")
        filters.get_by_role("group", name="Arbetsform").get_by_label(
            re.compile("^Individuellt")
        ).check()
        filters.get_by_role("button", name="Visa metoder").click()
        expect(page).to_have_url(re.compile(r"/metoder/\?.*individuellt"))
        expect(page.get_by_role("list", name="Valda filter")).to_contain_text("Individuellt")
        assert page.locator("#results-title").inner_text() != total
        results = page.locator(".result-list")
        expect(results.get_by_role("link", name="Yrkesintervju")).to_be_visible()
        expect(results.get_by_role("link", name="Drömyrkets vägar")).to_have_count(0)

        # The unified search finds the same method among every kind of content.
        header_search = page.get_by_role("banner").get_by_role("search")
        header_search.get_by_label("Sök på SYV-portalen").fill("yrkesintervju")
        header_search.get_by_role("button", name="Sök").click()
        expect(page).to_have_url(re.compile(r"/sok/\?q=yrkesintervju"))
        page.get_by_role("main").get_by_role("link", name="Yrkesintervju").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Yrkesintervju")
        expect(page.get_by_role("heading", name="Genomförande")).to_be_visible()

        # "Skriv ut" opens the browser's print dialogue; on paper only the method remains.
        page.evaluate(
            "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
        )
        page.get_by_role("button", name="Skriv ut").click()
        assert page.evaluate("window.__printed") == 1
        page.emulate_media(media="print")
        expect(page.get_by_role("heading", name="Genomförande")).to_be_visible()
        expect(page.locator(".method-print-source")).to_be_visible()
        expect(page.locator(".method-print-source")).to_contain_text("/metoder/yrkesintervju/")
        for hidden in (".method-feedback", ".method-comments", ".method__actions", ".breadcrumbs"):
            expect(page.locator(hidden).first).to_be_hidden()
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
        page.emulate_media(media="screen")
        expect(page.locator(".method__actions")).to_be_visible()


def test_counsellor_starts_a_thread_and_a_new_members_reply_is_approved(chromium, demo_site):
    title = unique("Hur förbereder ni PRAO-veckan?")
    question = "Vi testar en ny planering i år. Hur brukar ni förbereda eleverna inför PRAO?"
    answer = f"Vi låter eleverna intervjua en vuxen först ({unique('svar')})."
    with person(chromium, demo_site, email=COUNSELLOR) as page:
        page.goto(demo_site.url + "/forum/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Forum")
        page.get_by_role("main").get_by_role("link", name="Gymnasievalet").first.click()
        page.get_by_role("link", name="Ny tråd").click()
        page.get_by_label("Rubrik").fill(title)
        page.get_by_label("Text").fill(question)
        page.get_by_role("button", name="Publicera tråden").click()
        # The demo counsellor has had posts approved before, so the thread is public at once.
        expect(messages(page)).to_contain_text("Ditt inlägg är publicerat.")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        thread_url = page.url

    # A counsellor who just joined answers; their first posts wait for a moderator.
    newcomer = f"ny.vagledare.{uuid.uuid4().hex[:8]}@example.se"
    with person(chromium, demo_site) as page:
        register_and_verify(
            page, demo_site, email=newcomer, first_name="Nora", municipality="Göteborg (1480)"
        )
        page.goto(thread_url)
        page.get_by_label("Ditt svar").fill(answer)
        page.get_by_role("button", name="Skicka svar").click()
        expect(messages(page)).to_contain_text(WAITING)
        expect(page.locator("article", has_text=answer)).to_contain_text("Väntar på granskning")

    with person(chromium, demo_site, email=COUNSELLOR) as page:
        page.goto(thread_url)
        expect(page.get_by_role("main")).not_to_contain_text(answer)

    with person(chromium, demo_site, email=MODERATOR) as moderator:
        moderator.goto(demo_site.url + "/forum/moderering/")
        pending = moderator.locator("article", has_text=answer)
        expect(pending).to_contain_text(title)
        pending.get_by_role("button", name="Godkänn").click()
        expect(moderator.locator("article", has_text=answer)).to_have_count(0)

    with person(chromium, demo_site, email=COUNSELLOR) as page:
        page.goto(thread_url)
        expect(page.locator("article", has_text=answer)).to_contain_text("Nora Testsson")
        expect(page.locator("article", has_text=answer)).not_to_contain_text("Väntar på granskning")
