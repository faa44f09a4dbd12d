"""Helpers for the browser journeys: one browser context per person, and what they would notice.

Each person in a journey gets their own context (own cookies), so a company representative and a
coordinator can act in turn without logging each other out. Every response the browser receives
is watched: a server error (5xx) anywhere in a journey fails it, even when the page looks fine.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from email.header import decode_header, make_header

from playwright.sync_api import expect

from syvsite.organisations.validators import luhn_is_valid
from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD

PASSWORD = "Praktik-och-Vagledning-2026"  # noqa: S105 - accounts the journeys create

# The Wagtail editor and the first request to each page are slow on a busy 2-core CI machine:
# wait longer than Playwright's 5 s before calling something missing.
expect.set_options(timeout=15_000)


def unique(label: str) -> str:
    """A name no other test (or earlier run on the same site) has used."""
    return f"{label} {uuid.uuid4().hex[:6]}"


@contextmanager
def person(chromium, site, *, email: str | None = None, password: str = DEMO_PASSWORD) -> Iterator:
    """A page in a fresh browser context, logged in as `email` (anonymous without one)."""
    context = chromium.new_context(
        locale="sv-SE", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.server_errors = []
    page.dialogs = []
    page.on(
        "response",
        lambda response: (
            response.status >= 500
            and page.server_errors.append(f"{response.status} {response.url}")
        ),
    )
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        if email:
            login_in_browser(page, site, email=email, password=password)
        yield page
        assert page.server_errors == [], f"Serverfel under resan: {page.server_errors}"
    finally:
        context.close()


def mail_to(site, address: str, *, subject: str) -> str:
    """The plain-text body of the newest mail to `address` whose subject contains `subject`."""
    for message in reversed(site.mails()):
        if address in message["To"] and subject in str(
            make_header(decode_header(message["Subject"]))
        ):
            part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError(f"Inget mejl till {address} med ämnet {subject!r}")


def link_in(text: str, site) -> str:
    match = re.search(re.escape(site.url) + r"/\S+", text)
    assert match, f"Ingen länk till webbplatsen i mejlet:\n{text}"
    return match.group(0)


def register_and_verify(
    page, site, *, email: str, first_name: str, municipality: str, company: tuple | None = None
) -> None:
    """Sign up through the public form and activate the account with the e-mailed link."""
    page.goto(site.url + "/")
    page.get_by_role("navigation", name="Konto").get_by_role("link", name="Bli medlem").click()
    if company:
        page.get_by_label("Företag som vill erbjuda praktikplatser").check()
    page.get_by_label("Förnamn").fill(first_name)
    page.get_by_label("Efternamn").fill("Testsson")
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label("Kommun").select_option(label=municipality)
    if company:
        page.get_by_label("Företagets namn").fill(company[0])
        page.get_by_label("Organisationsnummer").fill(company[1])
    page.get_by_label(re.compile("^Lösenord")).fill(PASSWORD)
    page.get_by_label("Upprepa lösenordet").fill(PASSWORD)
    page.get_by_label("Jag har läst hur SYV-portalen behandlar personuppgifter.").check()
    page.get_by_role("button", name="Skapa konto").click()
    expect(page.get_by_role("main")).to_contain_text(email)
    link = link_in(mail_to(site, email, subject="Aktivera ditt konto"), site)
    page.goto(link)
    expect(page.locator(".messages")).to_contain_text("Din e-postadress är bekräftad")


def org_number() -> str:
    """A fresh organisationsnummer with a valid Luhn check digit (third digit 2+, as for companies)."""
    nine = f"55{uuid.uuid4().int % 10**7:07d}"
    for check in range(10):
        if luhn_is_valid(nine + str(check)):
            return f"{nine[:6]}-{nine[6:]}{check}"
    raise AssertionError("unreachable")


def path_of(page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url)


def messages(page):
    """The messages shown after a redirect (Django's messages framework, role=status)."""
    return page.locator(".messages")
