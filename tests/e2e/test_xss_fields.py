"""An XSS corpus through the everyday user-input fields, checked in the real browser.

Each form is filled and sent in Chromium as its user would; then every page that shows the text
is opened with the tripwires in xss_support.py. Short fields get one payload per round and the
rounds rotate them; long text fields get the whole subset at once. Figures are printed with -s.
The workflows' fields (booking answers, certificates, round pupils, plans) are in
test_xss_workflows.py and test_xss_plans.py.
"""

from __future__ import annotations

import io
import urllib.parse

import pytest
from PIL import Image

from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.xss_support import (
    FIGURES,
    PAYLOAD_COUNT,
    PAYLOADS,
    ROUNDS,
    check,
    marked,
    other_person,
    print_figures,
    rotating,
    send,
    set_up_tripwires,
    shell_json,
    with_long,
)

# The XSS modules share their accounts (xss_setup.py) and rename them: one worker runs them all.
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.xdist_group("xss")]


UPLOAD_TEXTS = ["refs-0-section", "images-0-caption", "files-0-title"]
PDF = {
    "name": "arbetsblad.pdf",
    "mimeType": "application/pdf",
    "buffer": b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
}


def _png() -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 200)).save(buffer, format="PNG")
    return {"name": "bild.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def test_payloads_are_a_spread_of_the_forum_corpus():
    assert len(PAYLOADS) == PAYLOAD_COUNT
    assert any("<script" in p.lower() for p in PAYLOADS)
    assert any("onerror" in p.lower() or "onload" in p.lower() for p in PAYLOADS)


def test_counsellor_fields(demo_site, browser_page, xss_accounts):
    page, site = browser_page, demo_site.url
    console = set_up_tripwires(page)
    login_in_browser(
        page, demo_site, email=xss_accounts["counsellor"], password=xss_accounts["password"]
    )
    problems: list[str] = []

    # Profile: name and job title, shown on Mina sidor and beside forum posts.
    for round_number in range(ROUNDS):
        markers, values = rotating(["first_name", "last_name", "job_title"], round_number)
        send(page, f"{site}/mina-sidor/uppgifter/", values)
        problems += check(page, console, f"{site}/mina-sidor/uppgifter/", [])
        problems += check(page, console, f"{site}/mina-sidor/", markers[:2])
    name_markers = markers[:2]

    # Forum: a new thread (title + body), then a reply; the thread page shows all of it.
    title_markers, title = rotating(["title"], 0)
    body_markers, body = with_long(["body"])
    send(page, f"{site}/forum/metoder-och-verktyg/ny-trad/", {**title, **body})
    thread_url = page.url
    reply_markers, reply = with_long(["body"])
    send(page, thread_url.split("#")[0], reply)  # the reply box under the thread
    thread_markers = title_markers + body_markers + reply_markers + name_markers
    problems += check(page, console, thread_url.split("#")[0], thread_markers)

    # Method contribution: every text field, seen in the preview and on Mina sidor.
    short = ["title", "summary", "time_needed", "steps-0-title"]
    long = ["purpose", "preparation", "materials", "steps-0-instructions"]
    for round_number in range(ROUNDS):
        short_markers, short_values = rotating(short, round_number)
        long_markers, long_values = with_long(long[round_number::ROUNDS])
        # References, an image and an attachment: their texts are shown beside the files.
        extra_markers, extra_values = rotating(UPLOAD_TEXTS, round_number)
        alt_marker, alt_text = marked(PAYLOADS[-1 - round_number])
        values = {**short_values, **long_values, **extra_values, "images-0-alt_text": alt_text}
        values["adaptation_tips"] = "Ingen anpassning."
        if "steps-0-instructions" not in values:
            values["steps-0-instructions"] = "Eleverna arbetar två och två."
        if "purpose" not in values:
            values["purpose"] = "Syftet är att eleverna ska lära känna yrken."

        def choose(page):
            for group in ("target_groups", "formats", "themes", "duration"):
                page.locator(f"main [name='{group}']").first.check()
            page.select_option("main [name='refs-0-document']", index=1)
            page.set_input_files("main [name='images-0-file']", _png())
            page.set_input_files("main [name='files-0-file']", PDF)

        send(page, f"{site}/metoder/bidra/", values, before=choose)
        submission = shell_json(
            demo_site,
            "import json\nfrom methods.models import MethodSubmission\n"
            f"s = MethodSubmission.objects.filter(submitter__email='{xss_accounts['counsellor']}')"
            ".latest('created_at')\nprint(json.dumps({'pk': s.pk}))",
        )
        preview = f"{site}/metoder/bidra/{submission['pk']}/forhandsvisning/"
        problems += check(page, console, preview, short_markers + long_markers + extra_markers)
        if alt_text not in page.locator("main img").evaluate_all("i => i.map(e => e.alt)"):
            problems.append(f"{preview}: bilden saknar sin alternativtext {alt_marker}")
        FIGURES["fields"].add("images-0-alt_text")
        problems += check(page, console, f"{site}/mina-sidor/", short_markers[:1])

    # A comment on a published method (moderated first: shown in the moderators' queue below).
    comment_markers, comment = with_long(["text"])
    send(page, f"{site}/metoder/yrkesintervju/", comment)
    FIGURES["comment_markers"] = comment_markers

    # Search: the query is echoed in the field, the heading and the "no hits" text.
    for payload in PAYLOADS:
        marker, query = marked(payload)
        url = f"{site}/sok/?" + urllib.parse.urlencode({"q": query})
        problems += check(page, console, url, [marker])
        FIGURES["payloads_sent"] += 1
    FIGURES["fields"].add("q")

    # REKAS university search: the query is echoed in the search field only.
    for payload in PAYLOADS:
        _marker, query = marked(payload)
        url = f"{site}/rekas/hogskola/?" + urllib.parse.urlencode({"q": query})
        problems += check(page, console, url, [])
        FIGURES["payloads_sent"] += 1
    FIGURES["fields"].add("rekas: q")

    assert not problems, "\n".join(problems)


def test_moderator_sees_the_comment_inert(demo_site, browser_page, xss_accounts):
    markers = FIGURES.get("comment_markers")
    assert markers, "Kommentaren skickades inte (kör hela filen)"
    page = browser_page
    console = set_up_tripwires(page)
    login_in_browser(page, demo_site, email="moderator@syv-demo.se", password=DEMO_PASSWORD)
    url = f"{demo_site.url}/metoder/kommentarer/granska/"
    problems = check(page, console, url, markers)
    assert not problems, "\n".join(problems)


def test_company_and_booking_fields(demo_site, browser_page, chromium, xss_accounts):
    page, site = browser_page, demo_site.url
    console = set_up_tripwires(page)
    login_in_browser(
        page, demo_site, email=xss_accounts["company"], password=xss_accounts["password"]
    )
    company = f"{site}/praktik/foretag/{xss_accounts['company_id']}"
    problems: list[str] = []

    # Company profile.
    for round_number in range(ROUNDS):
        markers, values = rotating(["name", "phone", "contact_name"], round_number)
        long_markers, long_values = with_long(["description"])
        send(page, f"{company}/profil/", {**values, **long_values})
        problems += check(page, console, f"{company}/", markers[:1])
        problems += check(page, console, f"{company}/profil/", [])
    profile_markers = markers[:1] + long_markers

    # A listing: every text field; seen by the company, then published and seen by everyone.
    short = ["title", "occupation_name", "language_requirements", "supervisor_name"]
    short += ["supervisor_title", "supervisor_phone"]
    long = ["description", "health_and_safety", "safety_information"]
    short_markers, short_values = rotating(short, 0)
    long_markers, long_values = with_long(long)

    def choose(page):
        page.locator("main [name='placement_type']").first.check()
        page.select_option("main [name='workplace']", index=1)
        page.fill("main [name='occupation_ssyk']", "5321")
        page.fill("main [name='supervisor_email']", "handledare@xss-test.se")

    send(page, f"{company}/annonser/ny/", {**short_values, **long_values}, before=choose)
    listing = shell_json(demo_site, PUBLISH_SCRIPT.format(company=xss_accounts["company_id"]))
    # The company's own page shows the title; the public page everything but the supervisor,
    # whose fields come back in the edit form (checked for tripwires).
    own = f"{company}/annonser/{listing['listing']}/"
    problems += check(page, console, own, short_markers[:1])
    problems += check(page, console, f"{own}andra/", [])
    public_markers = short_markers[:3] + long_markers + profile_markers[1:]
    problems += check(page, console, f"{site}/praktik/{listing['listing']}/", public_markers)

    # A booking with a message, sent by the counsellor, read by the company, which answers it.
    counsellor = {"email": xss_accounts["counsellor"], "password": xss_accounts["password"]}
    with other_person(chromium, demo_site, **counsellor) as (school_page, school_console):
        pupil_marker, pupil = marked(PAYLOADS[0])
        message_markers, message = with_long(["message"])
        send(
            school_page,
            f"{site}/praktik/{listing['listing']}/boka/{listing['period']}/",
            {"pupils": pupil, **message},
        )
        FIGURES["fields"].add("pupils")
        booking = shell_json(demo_site, BOOKING_SCRIPT.format(period=listing["period"]))["booking"]
        company_booking = f"{company}/bokningar/{booking}/"
        problems += check(page, console, company_booking, [pupil_marker, *message_markers])
        answer_markers, answer = with_long(["message"])
        accept = page.locator("main button[name=decision][value=accept]")
        send(page, company_booking, answer, button=accept)
        # The school sees its pupils and the company's answer; the message was for the company.
        school_booking = f"{site}/praktik/skola/{xss_accounts['school_id']}/bokningar/{booking}/"
        problems += check(
            school_page, school_console, school_booking, [pupil_marker, *answer_markers]
        )

        # The placement has begun: the school asks the supervisor for the praktikintyg.
        shell_json(demo_site, BEGUN_SCRIPT.format(period=listing["period"]))
        school_page.goto(school_booking)
        with school_page.expect_navigation():
            school_page.get_by_role("button", name="Be företaget fylla i intyget").click()
        token = shell_json(demo_site, TOKEN_SCRIPT.format(booking=booking))["token"]
        problems += _certificate(
            chromium, demo_site, token, school_page, school_console, school_booking
        )
    print_figures("vardagsfälten")
    assert not problems, "\n".join(problems)


def _certificate(chromium, demo_site, token, school_page, school_console, school_booking):
    """The supervisor fills the intyg through the e-mailed link; the school reads it and its PDF."""
    with other_person(chromium, demo_site) as (supervisor, console):
        short_markers, short = rotating(["signed_by_name", "signed_by_title"], 0)
        long_markers, long = with_long(["tasks", "assessment"])

        def grade(page):
            page.fill("main [name='days_planned']", "5")
            page.fill("main [name='days_attended']", "4")
            for name in ("punctuality", "engagement", "cooperation"):
                page.locator(f"main [name='{name}']").first.check()

        form_url = f"{demo_site.url}/praktik/intyg/{token}/"
        send(supervisor, form_url, {**short, **long}, before=grade)
        problems = check(supervisor, console, form_url, [])
    school_page.goto(school_booking)
    school_page.get_by_role("link", name="Visa och skriv ut").click()
    certificate_url = school_page.url
    problems += check(school_page, school_console, certificate_url, short_markers + long_markers)
    pdf = school_page.request.get(certificate_url.rstrip("/") + "/pdf/")
    if pdf.status != 200 or not pdf.body().startswith(b"%PDF"):
        problems.append(f"PDF-intyget: {pdf.status} {pdf.headers.get('content-type')}")
    return problems


PUBLISH_SCRIPT = """
import json
from datetime import timedelta
from django.utils import timezone
from internships.models import Listing, ListingPeriod
listing = Listing.objects.filter(company_id={company}).latest("pk")
listing.status = Listing.Status.PUBLISHED
listing.published_at = timezone.now()
listing.save()
start = timezone.localdate() + timedelta(days=40)
period = ListingPeriod.objects.create(
    listing=listing, start_date=start, end_date=start + timedelta(days=4), places=3
)
print(json.dumps({{"listing": listing.pk, "period": period.pk}}))
"""

BOOKING_SCRIPT = """
import json
from internships.models import Booking
print(json.dumps({{"booking": Booking.objects.filter(period_id={period}).latest("pk").pk}}))
"""


BEGUN_SCRIPT = """
import json
from datetime import timedelta
from django.utils import timezone
from internships.models import ListingPeriod
today = timezone.localdate()
ListingPeriod.objects.filter(pk={period}).update(
    start_date=today - timedelta(days=4), end_date=today
)
print(json.dumps({{}}))
"""

TOKEN_SCRIPT = """
import json
from internships.models import Certificate
from internships.services.certificates import make_token
certificate = Certificate.objects.get(pupil__booking_id={booking})
print(json.dumps({{"token": make_token(certificate)}}))
"""
