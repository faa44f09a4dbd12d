"""The XSS corpus through the fields of the site's workflows, checked in the real browser.

Forum editing, reports and moderation; a method comment from the moderation queue to the public
page; a company's registration, workplace and the coordinator's rejection reason; a choice round
and its pupils. The tripwires and figures are in xss_support.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.journey_support import org_number
from tests.e2e.xss_support import (
    FIGURES,
    PAYLOADS,
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

MODERATOR = "moderator@syv-demo.se"
COORDINATOR = "samordnare@syv-demo.se"


def _as(page, demo_site, email: str, password: str = DEMO_PASSWORD):
    login_in_browser(page, demo_site, email=email, password=password)
    return page


def test_forum_edits_reports_and_moderation(demo_site, browser_page, chromium, xss_accounts):
    site, page = demo_site.url, browser_page
    counsellor_login = {"email": xss_accounts["counsellor"], "password": xss_accounts["password"]}
    with other_person(chromium, demo_site, **counsellor_login) as (counsellor, console):
        send(
            counsellor,
            f"{site}/forum/metoder-och-verktyg/ny-trad/",
            {"title": "Tråd som ska redigeras", "body": "Första versionen."},
        )
        thread_url = counsellor.url.split("#")[0]
        post = shell_json(demo_site, FIRST_POST.format(email=xss_accounts["counsellor"]))
        title_markers, title = rotating(["title"], 1)
        body_markers, body = with_long(["body"])
        send(counsellor, f"{site}/forum/inlagg/{post['own']}/redigera/", {**title, **body})
        problems = check(counsellor, console, thread_url, title_markers + body_markers)

        # A report on someone else's post: the message is read in the moderators' queue.
        report_markers, report = with_long(["message"])

        def choose_reason(page):
            page.locator("main [name='reason']").first.check()

        send(
            counsellor, f"{site}/forum/inlagg/{post['other']}/anmal/", report, before=choose_reason
        )

    console = set_up_tripwires(page)
    _as(page, demo_site, MODERATOR)
    problems += check(page, console, f"{site}/forum/moderering/", report_markers)
    # Hiding the edited post, then suspending and reinstating its author: every reason is kept
    # in the log and on the member's page.
    hide_markers, hide = with_long(["reason"])
    send(page, f"{site}/forum/moderering/inlagg/{post['own']}/dolj/", hide)
    problems += check(page, console, f"{site}/forum/moderering/logg/", hide_markers[:3])
    member = f"{site}/forum/moderering/anvandare/{post['author']}/"
    suspend_markers, suspend = with_long(["reason"])
    send(page, member, suspend)
    problems += check(page, console, member, suspend_markers + title_markers)
    lift_marker, lift = marked(PAYLOADS[1])
    page.fill("main [name='reason']", lift)
    with page.expect_navigation():
        page.get_by_role("button", name="Häv avstängningen").click()
    problems += check(page, console, f"{site}/forum/moderering/logg/", [lift_marker])
    print_figures("forum")
    assert not problems, "\n".join(problems)


def test_method_comment_from_queue_to_public_page(demo_site, browser_page, chromium, xss_accounts):
    site, page = demo_site.url, browser_page
    comment_markers, comment = with_long(["text"])
    counsellor_login = {"email": xss_accounts["counsellor"], "password": xss_accounts["password"]}
    with other_person(chromium, demo_site, **counsellor_login) as (counsellor, _console):
        send(counsellor, f"{site}/metoder/yrkesintervju/", comment)
    console = set_up_tripwires(page)
    _as(page, demo_site, MODERATOR)
    queue = f"{site}/metoder/kommentarer/granska/"
    problems = check(page, console, queue, comment_markers)
    item = page.locator("main li.card").filter(has_text=comment_markers[0])
    _, note = marked(PAYLOADS[2])
    item.locator("[name='note']").fill(note)
    with page.expect_navigation():
        item.get_by_role("button", name="Publicera").click()
    FIGURES["fields"].add("note")
    problems += check(page, console, f"{site}/metoder/yrkesintervju/", comment_markers)
    print_figures("metodkommentar")
    assert not problems, "\n".join(problems)


def test_company_registration_workplace_and_rejection(demo_site, browser_page, chromium):
    site, page = demo_site.url, browser_page
    names_markers, names = rotating(["first_name", "last_name", "company_name"], 0)
    email = f"xss-{org_number()[-4:]}@xss-test.se"
    with other_person(chromium, demo_site) as (company, console):
        values = {**names, "email": email, "org_number": org_number()}
        values |= {"password1": "Xss-registrering-2026", "password2": "Xss-registrering-2026"}

        def as_company(page):
            page.locator("main [name='account_type'][value='company']").check()
            page.select_option("main [name='municipality']", label="Göteborg (1480)")
            page.locator("main [name='accept_terms']").check()

        send(company, f"{site}/konto/registrera/", values, before=as_company)
        shell_json(demo_site, VERIFY.format(email=email))
        _as(company, demo_site, email, "Xss-registrering-2026")
        problems = check(company, console, f"{site}/mina-sidor/", names_markers)
        company.locator("main a", has_text=names_markers[2]).first.click()
        company_url = company.url.split("#")[0]

        place_markers, place = rotating(["name", "street_address", "city"], 1)
        place["postal_code"] = "411 04"
        send(
            company,
            f"{company_url}arbetsplatser/ny/",
            place,
            before=lambda p: p.select_option("main [name='municipality']", label="Göteborg (1480)"),
        )
        problems += check(company, console, company_url, place_markers[:1])
        shell_json(demo_site, SUBMIT.format(email=email))

        # The coordinator sees the company in the queue and turns it down with a reason.
        _as(page, demo_site, COORDINATOR)
        problems += check(page, console, f"{site}/praktik/samordning/", names_markers[2:])
        page.goto(f"{site}/praktik/samordning/")
        page.locator("main a", has_text=names_markers[2]).first.click()
        reason_markers, reason = with_long(["reason"])
        reject = page.get_by_role("button", name="Avslå med motivering")
        send(page, page.url, reason, button=reject)
        problems += check(company, console, company_url, reason_markers)
    print_figures("företagsregistrering")
    assert not problems, "\n".join(problems)


def test_choice_round_title_and_pupils(demo_site, browser_page):
    site, page = demo_site.url, browser_page
    console = set_up_tripwires(page)
    _as(page, demo_site, COORDINATOR)
    school = shell_json(demo_site, COORDINATOR_SCHOOL.format(email=COORDINATOR))["school"]
    start = date.today() + timedelta(days=60 - date.today().weekday())
    title_markers, title = rotating(["title"], 0)
    values = {
        **title,
        "period_start": start.isoformat(),
        "period_end": (start + timedelta(days=4)).isoformat(),
        "choices_close_at": (start - timedelta(days=14)).isoformat(),
    }

    def prao(page):
        page.locator("main [name='placement_type']").first.check()

    send(page, f"{site}/praktik/skola/{school}/valomgangar/ny/", values, before=prao)
    round_url = page.url.split("#")[0]
    # One pupil per line, "name; class; e-mail": payloads with ";" would be read as columns.
    usable = [payload for payload in PAYLOADS if ";" not in payload]
    pupils = [marked(payload.replace("\n", " ")) for payload in usable]
    send(page, round_url, {"rows": "\n".join(f"{text}; 8B" for _, text in pupils)})
    FIGURES["fields"].add("rows")
    problems = check(page, console, round_url, title_markers + [m for m, _ in pupils])
    print_figures("valomgång")
    assert not problems, "\n".join(problems)


FIRST_POST = """
import json
from forum.models import Post
own = Post.objects.filter(author__email="{email}").latest("created_at")
other = Post.objects.exclude(author__email="{email}").filter(status="published").first()
print(json.dumps({{"own": own.pk, "other": other.pk, "author": own.author_id}}))
"""

VERIFY = """
import json
from django.contrib.auth import get_user_model
from django.utils import timezone
get_user_model().objects.filter(email="{email}").update(
    is_active=True, email_verified_at=timezone.now()
)
print(json.dumps({{}}))
"""

SUBMIT = """
import json
from internships.services.companies import profile_for, submit_for_approval
from syvsite.organisations.models import Organisation
company = Organisation.objects.get(kind="company", memberships__user__email="{email}")
profile = profile_for(company)
profile.contact_name, profile.contact_email = "Kim Kontakt", "{email}"
profile.save()
submit_for_approval(company=company)
print(json.dumps({{}}))
"""

COORDINATOR_SCHOOL = """
import json
from syvsite.organisations.models import Membership
membership = Membership.objects.filter(
    user__email="{email}", organisation__kind="school"
).first()
print(json.dumps({{"school": membership.organisation_id}}))
"""
