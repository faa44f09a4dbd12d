"""A company joins, is approved, posts a listing, and accepts a booking from a school.

The coordinator (samordnare@syv-demo.se, staff at Hvitfeldtska gymnasiet in Göteborg) approves
the company and its listing, then books a place for two pupils as the school; the company
accepts. Everyone acts through the browser; only the activation link is read from the mail.
"""

import re
import uuid
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import (
    PASSWORD,
    mail_to,
    messages,
    org_number,
    person,
    register_and_verify,
)

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

COORDINATOR = "samordnare@syv-demo.se"


def _monday_in(weeks: int) -> date:
    today = date.today()
    return today + timedelta(days=7 * weeks - today.weekday())


def test_company_registers_posts_a_listing_and_accepts_a_booking(chromium, demo_site):
    org = org_number()
    company = f"Testbageriet {org}"
    email = f"karin.{uuid.uuid4().hex[:8]}@example.se"
    listing = f"Bagarlärling hos {company}"
    start = _monday_in(6)

    with person(chromium, demo_site) as page:
        register_and_verify(
            page,
            demo_site,
            email=email,
            first_name="Karin",
            municipality="Göteborg (1480)",
            company=(company, org),
        )
        panel = page.get_by_role("region", name="Praktikplatser för ditt företag")
        expect(panel).to_contain_text("väntar på godkännande")
        panel.get_by_role("link", name=company).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(company)

        page.get_by_role("link", name="Fyll i kontaktperson och beskrivning").click()
        page.get_by_label("Om företaget").fill("Vi bakar surdegsbröd i Majorna sedan 1952.")
        page.get_by_label("Kontaktperson för praktik").fill("Karin Testsson")
        page.get_by_label("Kontaktpersonens e-post").fill(email)
        page.get_by_role("button", name="Spara").click()
        expect(messages(page)).to_contain_text("Företagets uppgifter är sparade.")

        page.get_by_role("link", name="Lägg till minst en arbetsplats").click()
        page.get_by_label("Arbetsplatsens namn").fill("Bageriet i Majorna")
        page.get_by_label("Gatuadress").fill("Allmänna vägen 12")
        page.get_by_label("Postnummer").fill("41460")
        page.get_by_label("Postort").fill("Göteborg")
        page.get_by_label("Kommun").select_option(label="Göteborg (1480)")
        page.get_by_role("button", name="Spara arbetsplatsen").click()
        expect(messages(page)).to_contain_text("Arbetsplatsen är sparad.")
        page.get_by_role("button", name="Skicka in för granskning").click()
        expect(page.get_by_role("main")).to_contain_text("Inskickat för granskning")

    with person(chromium, demo_site, email=COORDINATOR) as coordinator:
        coordinator.goto(demo_site.url + "/praktik/samordning/")
        waiting = coordinator.get_by_role("table", name="Företag som skickat in sin profil")
        expect(waiting.get_by_role("row").filter(has_text=company)).to_contain_text(org)
        waiting.get_by_role("link", name=company).click()
        coordinator.get_by_role("button", name="Godkänn företaget").click()
        expect(messages(coordinator)).to_contain_text(f"{company} är godkänt.")

    with person(chromium, demo_site, email=email, password=PASSWORD) as page:
        page.get_by_role("region", name="Praktikplatser för ditt företag").get_by_role(
            "link", name=company, exact=True
        ).click()
        expect(page.get_by_role("main")).to_contain_text("Företaget är godkänt.")
        page.get_by_role("link", name="Ny annons").click()
        page.get_by_label("Rubrik").fill(listing)
        page.get_by_label("PRAO").check()
        page.get_by_label("Arbetsplats").select_option(label="Bageriet i Majorna, Göteborg")
        page.get_by_label("Beskrivning").fill(
            "Du får baka bröd, väga deg och hjälpa till i butiken en vecka."
        )
        page.get_by_label(re.compile("^Yrke:")).fill("Bagare")
        page.get_by_label(re.compile("^Handledare:")).fill("Karin Testsson")
        page.get_by_label("Handledarens e-post").fill(email)
        page.get_by_role("button", name="Spara annonsen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(listing)

        page.get_by_role("link", name="Lägg till period").click()
        page.get_by_label("Första dag").fill(start.isoformat())
        page.get_by_label("Sista dag").fill((start + timedelta(days=4)).isoformat())
        page.get_by_label("Antal platser").fill("2")
        page.get_by_role("button", name="Spara perioden").click()
        expect(messages(page)).to_contain_text("Perioden är sparad.")
        page.get_by_role("button", name="Skicka för granskning").click()
        expect(page.get_by_role("main")).to_contain_text("Väntar på granskning")

    with person(chromium, demo_site, email=COORDINATOR) as school:
        school.goto(demo_site.url + "/praktik/samordning/")
        school.get_by_role("table", name="Annonser att granska").get_by_role(
            "link", name=listing
        ).click()
        school.get_by_role("button", name="Publicera").click()
        expect(messages(school)).to_contain_text("Annonsen är publicerad.")

        # Now as the school: find the listing among the public ones and book two places.
        school.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Praktikplatser"
        ).click()
        school.get_by_label("Sökord").fill("Testbageriet")
        school.get_by_label("PRAO").check()
        school.get_by_role("button", name="Visa platser").click()
        school.get_by_role("link", name=listing).click()
        expect(school.get_by_role("heading", level=1)).to_have_text(listing)
        school.get_by_role("link", name="Boka").first.click()
        school.get_by_label("Elever").fill("Alva Andersson\nBilal Berg")
        school.get_by_label("Meddelande till företaget (valfritt)").fill("Två nyfikna elever!")
        school.get_by_role("button", name="Skicka förfrågan").click()
        expect(messages(school)).to_contain_text(f"Förfrågan är skickad till {company}.")
        booking_url = school.url

    # The company hears about the request by e-mail, the school about the answer.
    request_mail = mail_to(demo_site, email, subject="Hvitfeldtska gymnasiet vill boka 2")
    assert listing in request_mail

    with person(chromium, demo_site, email=email, password=PASSWORD) as page:
        page.get_by_role("region", name="Praktikplatser för ditt företag").get_by_role(
            "link", name=company, exact=True
        ).click()
        page.get_by_role("region", name="Förfrågningar som väntar på svar").get_by_role(
            "link", name="Hvitfeldtska gymnasiet"
        ).click()
        # First names only until the company accepts (minimisation), then the whole names.
        expect(
            page.get_by_role("main").get_by_role("listitem").filter(has_text="Alva")
        ).to_have_text("Alva")
        expect(page.get_by_role("main")).not_to_contain_text("Alva Andersson")
        page.get_by_role("button", name="Acceptera").click()
        expect(messages(page)).to_contain_text("Bokningen är accepterad.")
        expect(page.get_by_role("main")).to_contain_text("Accepterad")
        expect(page.get_by_role("main")).to_contain_text("Alva Andersson")

    with person(chromium, demo_site, email=COORDINATOR) as school:
        school.goto(booking_url)
        expect(school.get_by_role("main")).to_contain_text("Accepterad")
        expect(school.get_by_role("main")).to_contain_text("Bilal Berg")
    assert mail_to(demo_site, COORDINATOR, subject=f"Bokningen är accepterad: {listing}")
