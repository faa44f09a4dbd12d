"""An XSS corpus through every user-input field that is shown again, checked in the real browser.

Payloads come from the forum's corpus (tests/forum/xss_payloads.txt): the ones that would set
`window.__xss` or open a dialog if they ran. Each form is filled and sent in Chromium as its user
would; then every page that shows the text is opened with three tripwires: the window flag,
alert/confirm/prompt (page.dialogs), and the console (a CSP report means markup got through
escaping and only the policy stopped it). The page must also show the submitted text (escaped, or
cleaned by the sanitiser) and contain no event-handler attributes, script URLs or foreign scripts.

Short fields get one payload per round and the rounds rotate them; long text fields get the whole
subset at once. Figures: see `FIGURES` (printed with -s).
"""

from __future__ import annotations

import itertools
import json
import urllib.parse
from pathlib import Path

import pytest

from tests.browser_fixtures import login_in_browser
from tests.forum.safety import problems_in_page

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CORPUS = Path(__file__).resolve().parents[1] / "forum" / "xss_payloads.txt"
PAYLOAD_COUNT = 8  # a representative subset, spread over the corpus
ROUNDS = 2  # short fields see ROUNDS payloads each
FIGURES = {"fields": set(), "submissions": 0, "payloads_sent": 0, "pages_checked": 0}


def _payloads() -> list[str]:
    lines = [
        line.replace("\\n", "\n")
        for line in CORPUS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    # The ones that signal when they run, short enough for a 120-character title with a marker.
    active = [p for p in lines if ("__xss" in p or "alert(" in p) and len(p) <= 100]
    step = max(1, len(active) // PAYLOAD_COUNT)
    return active[::step][:PAYLOAD_COUNT]


PAYLOADS = _payloads()
_markers = itertools.count(1)


def _marked(payload: str) -> tuple[str, str]:
    marker = f"xssmark{next(_markers)}"
    return marker, f"{marker} {payload}"


def _long_text() -> tuple[list[str], str]:
    markers, parts = [], []
    for payload in PAYLOADS:
        marker, text = _marked(payload)
        markers.append(marker)
        parts.append(text)
    return markers, "\n\n".join(parts)


SETUP_SCRIPT = (Path(__file__).parent / "xss_setup.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def accounts(demo_site) -> dict:
    """A counsellor (own school) and a company representative (own approved company)."""
    result = demo_site.manage("shell", "-c", SETUP_SCRIPT)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _set_up_tripwires(page) -> list[str]:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    return console


def _fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f"main [name='{name}']", value)


def _submit(page, field: str) -> None:
    form = page.locator("main form").filter(has=page.locator(f"[name='{field}']")).first
    with page.expect_navigation():
        form.locator("button[type=submit]").last.click()


def _send(page, url: str, values: dict[str, str], *, before=None) -> None:
    page.goto(url)
    if before:
        before(page)
    _fill(page, values)
    _submit(page, next(iter(values)))
    errors = page.locator("main .errorlist, main .form-errors, main [role=alert]")
    assert not errors.count(), f"{url} avvisade formuläret: {errors.all_inner_texts()}"
    FIGURES["submissions"] += 1
    FIGURES["payloads_sent"] += sum(value.count("xssmark") for value in values.values())


def _check(page, console: list[str], url: str, markers: list[str]) -> list[str]:
    """Problems on the page at `url`; empty when nothing ran and every marker is shown."""
    console.clear()
    page.goto(url)
    page.wait_for_load_state("load")
    FIGURES["pages_checked"] += 1
    problems = []
    if page.evaluate("() => window.__xss !== undefined"):
        problems.append("window.__xss sattes")
    problems += [f"dialog: {text}" for text in page.dialogs]
    problems += [f"konsol: {text}" for text in console if "Content Security Policy" in text]
    problems += page.evaluate(LIVE_DOM_CHECK)
    # The page as the server sent it (site.js may add a CSSOM style to a live element).
    problems += problems_in_page(page.request.get(url).text())
    text = page.inner_text("body")
    problems += [f"syns inte: {marker}" for marker in markers if marker not in text]
    page.dialogs.clear()
    return [f"{url}: {problem}" for problem in problems]


def _rotating(fields: list[str], round_number: int) -> tuple[list[str], dict[str, str]]:
    markers, values = [], {}
    for index, field in enumerate(fields):
        payload = PAYLOADS[(round_number * len(fields) + index) % len(PAYLOADS)]
        marker, values[field] = _marked(payload)
        markers.append(marker)
        FIGURES["fields"].add(field)
    return markers, values


def _with_long(fields: list[str]) -> tuple[list[str], dict[str, str]]:
    markers, values = [], {}
    for field in fields:
        field_markers, values[field] = _long_text()
        markers += field_markers
        FIGURES["fields"].add(field)
    return markers, values


def _shell_json(demo_site, script: str) -> dict:
    result = demo_site.manage("shell", "-c", script)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_payloads_are_a_spread_of_the_forum_corpus():
    assert len(PAYLOADS) == PAYLOAD_COUNT
    assert any("<script" in p.lower() for p in PAYLOADS)
    assert any("onerror" in p.lower() or "onload" in p.lower() for p in PAYLOADS)


def test_counsellor_fields(demo_site, browser_page, accounts):
    page, site = browser_page, demo_site.url
    console = _set_up_tripwires(page)
    login_in_browser(page, demo_site, email=accounts["counsellor"], password=accounts["password"])
    problems: list[str] = []

    # Profile: name and job title, shown on Mina sidor and beside forum posts.
    for round_number in range(ROUNDS):
        markers, values = _rotating(["first_name", "last_name", "job_title"], round_number)
        _send(page, f"{site}/mina-sidor/uppgifter/", values)
        problems += _check(page, console, f"{site}/mina-sidor/uppgifter/", [])
        problems += _check(page, console, f"{site}/mina-sidor/", markers[:2])
    name_markers = markers[:2]

    # Forum: a new thread (title + body), then a reply; the thread page shows all of it.
    title_markers, title = _rotating(["title"], 0)
    body_markers, body = _with_long(["body"])
    _send(page, f"{site}/forum/metoder-och-verktyg/ny-trad/", {**title, **body})
    thread_url = page.url
    reply_markers, reply = _with_long(["body"])
    _send(page, thread_url.split("#")[0], reply)  # the reply box under the thread
    thread_markers = title_markers + body_markers + reply_markers + name_markers
    problems += _check(page, console, thread_url.split("#")[0], thread_markers)

    # Method contribution: every text field, seen in the preview and on Mina sidor.
    short = ["title", "summary", "time_needed", "steps-0-title"]
    long = ["purpose", "preparation", "materials", "steps-0-instructions"]
    for round_number in range(ROUNDS):
        short_markers, short_values = _rotating(short, round_number)
        long_markers, long_values = _with_long(long[round_number::ROUNDS])
        values = {**short_values, **long_values, "adaptation_tips": "Ingen anpassning."}
        if "steps-0-instructions" not in values:
            values["steps-0-instructions"] = "Eleverna arbetar två och två."
        if "purpose" not in values:
            values["purpose"] = "Syftet är att eleverna ska lära känna yrken."

        def choose(page):
            for group in ("target_groups", "formats", "themes", "duration"):
                page.locator(f"main [name='{group}']").first.check()

        _send(page, f"{site}/metoder/bidra/", values, before=choose)
        submission = _shell_json(
            demo_site,
            "import json\nfrom methods.models import MethodSubmission\n"
            f"s = MethodSubmission.objects.filter(submitter__email='{accounts['counsellor']}')"
            ".latest('created_at')\nprint(json.dumps({'pk': s.pk}))",
        )
        preview = f"{site}/metoder/bidra/{submission['pk']}/forhandsvisning/"
        problems += _check(page, console, preview, short_markers + long_markers)
        problems += _check(page, console, f"{site}/mina-sidor/", short_markers[:1])

    # A comment on a published method (moderated first: shown in the moderators' queue below).
    comment_markers, comment = _with_long(["text"])
    _send(page, f"{site}/metoder/yrkesintervju/", comment)
    FIGURES["comment_markers"] = comment_markers

    # Search: the query is echoed in the field, the heading and the "no hits" text.
    for payload in PAYLOADS:
        marker, query = _marked(payload)
        url = f"{site}/sok/?" + urllib.parse.urlencode({"q": query})
        problems += _check(page, console, url, [marker])
        FIGURES["payloads_sent"] += 1
    FIGURES["fields"].add("q")

    assert not problems, "\n".join(problems)


def test_moderator_sees_the_comment_inert(demo_site, browser_page, accounts):
    markers = FIGURES.get("comment_markers")
    assert markers, "Kommentaren skickades inte (kör hela filen)"
    page = browser_page
    console = _set_up_tripwires(page)
    login_in_browser(page, demo_site, email="moderator@syv-demo.se", password="Demo-losen-2026")
    url = f"{demo_site.url}/metoder/kommentarer/granska/"
    problems = _check(page, console, url, markers)
    assert not problems, "\n".join(problems)


def test_company_and_booking_fields(demo_site, browser_page, chromium, accounts):
    page, site = browser_page, demo_site.url
    console = _set_up_tripwires(page)
    login_in_browser(page, demo_site, email=accounts["company"], password=accounts["password"])
    company = f"{site}/praktik/foretag/{accounts['company_id']}"
    problems: list[str] = []

    # Company profile.
    for round_number in range(ROUNDS):
        markers, values = _rotating(["name", "phone", "contact_name"], round_number)
        long_markers, long_values = _with_long(["description"])
        _send(page, f"{company}/profil/", {**values, **long_values})
        problems += _check(page, console, f"{company}/", markers[:1])
        problems += _check(page, console, f"{company}/profil/", [])
    profile_markers = markers[:1] + long_markers

    # A listing: every text field; seen by the company, then published and seen by everyone.
    short = ["title", "occupation_name", "language_requirements", "supervisor_name"]
    short += ["supervisor_title", "supervisor_phone"]
    long = ["description", "health_and_safety", "safety_information"]
    short_markers, short_values = _rotating(short, 0)
    long_markers, long_values = _with_long(long)

    def choose(page):
        page.locator("main [name='placement_type']").first.check()
        page.select_option("main [name='workplace']", index=1)
        page.fill("main [name='occupation_ssyk']", "5321")
        page.fill("main [name='supervisor_email']", "handledare@xss-test.se")

    _send(page, f"{company}/annonser/ny/", {**short_values, **long_values}, before=choose)
    listing = _shell_json(demo_site, PUBLISH_SCRIPT.format(company=accounts["company_id"]))
    # The company's own page shows the title; the public page everything but the supervisor,
    # whose fields come back in the edit form (checked for tripwires).
    own = f"{company}/annonser/{listing['listing']}/"
    problems += _check(page, console, own, short_markers[:1])
    problems += _check(page, console, f"{own}andra/", [])
    public_markers = short_markers[:3] + long_markers + profile_markers[1:]
    problems += _check(page, console, f"{site}/praktik/{listing['listing']}/", public_markers)

    # A booking with a message, sent by the counsellor, read by the company.
    school_context = chromium.new_context(locale="sv-SE")
    school_page = school_context.new_page()
    school_page.dialogs = []
    school_page.on("dialog", lambda d: (school_page.dialogs.append(d.message), d.dismiss()))
    school_console = _set_up_tripwires(school_page)
    login_in_browser(
        school_page, demo_site, email=accounts["counsellor"], password=accounts["password"]
    )
    pupil_marker, pupil = _marked(PAYLOADS[0])
    message_markers, message = _with_long(["message"])
    _send(
        school_page,
        f"{site}/praktik/{listing['listing']}/boka/{listing['period']}/",
        {"pupils": pupil, **message},
    )
    FIGURES["fields"].add("pupils")
    booking = _shell_json(demo_site, BOOKING_SCRIPT.format(period=listing["period"]))
    school_url = f"{site}/praktik/skola/{accounts['school_id']}/bokningar/{booking['booking']}/"
    # The school sees its pupils; the message is for the company.
    problems += _check(school_page, school_console, school_url, [pupil_marker])
    school_context.close()
    problems += _check(
        page,
        console,
        f"{company}/bokningar/{booking['booking']}/",
        [pupil_marker, *message_markers],
    )
    print(
        f"\nXSS: {len(FIGURES['fields'])} fält, {len(PAYLOADS)} nyttolaster i korpusurvalet, "
        f"{FIGURES['submissions']} formulär skickade, {FIGURES['payloads_sent']} nyttolaster, "
        f"{FIGURES['pages_checked']} sidvisningar kontrollerade"
    )
    assert not problems, "\n".join(problems)


LIVE_DOM_CHECK = r"""() => {
  const bad = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data"];
  for (const el of document.querySelectorAll("*")) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\x00-\x20]/g, "").toLowerCase();
      if (name.startsWith("on")) bad.push(`<${el.tagName} ${name}>`);
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value))
        bad.push(`<${el.tagName} ${name}=${attribute.value}>`);
    }
    if (el.tagName === "SCRIPT" && !(el.getAttribute("src") || "").startsWith("/static/"))
      bad.push(`script: ${el.outerHTML.slice(0, 80)}`);
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME"].includes(el.tagName)) bad.push(el.tagName);
  }
  return bad;
}"""


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
