"""The permission matrix: every role against every view that touches an object someone owns.

Columns are the roles in `world.ROLES`; each row is one view with the answer each role must get:

    OK     200 – the owner (or the role the page is for) works there
    LOGIN  302 to the login page – anonymous visitors are asked to log in
    NF     404 – someone else's object: it does not exist as far as they can tell
    DENY   403 – a role-gated page (moderation, review) told "not for you" in Swedish
    ADMIN  refused by Wagtail's admin: 403, or a redirect to the admin dashboard with a message

A refused answer (NF/DENY/ADMIN) never contains the names of the owner's things. Mutating views
are checked by POST in a second table: a refused POST changes nothing.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from facts.models import FactPage
from forum.models import Post
from internships.models import Booking, Certificate, Listing, Participant
from omvarld.models import FeedItem

from .world import ROLES, build_world

pytestmark = pytest.mark.django_db

OK, LOGIN, NF, DENY, ADMIN = "OK", "LOGIN", "NF", "DENY", "ADMIN"


def row(default: str, **overrides: str) -> dict[str, str]:
    expected = dict.fromkeys(ROLES, default)
    expected["anonymous"] = LOGIN
    expected.update(overrides)
    return expected


# Owned by company A (its representative rep_a); everyone else gets 404.
COMPANY_A = row(NF, rep_a=OK)
# Owned by school A (its counsellor).
SCHOOL_A = row(NF, counsellor=OK, school_coordinator=OK)
# One of school A's pupils: its placement coordinator only (extract, erasure).
PUPIL_A = row(NF, school_coordinator=OK)
# The counsellor's own method contribution. Company representatives are not members of the
# community at all, so the method bank's member pages tell them so (403) before any lookup.
OWN_SUBMISSION = row(NF, counsellor=OK, rep_a=DENY, rep_b=DENY)
COORDINATORS = row(NF, coordinator=OK, school_coordinator=OK)
# Göteborg's plan in the Wagtail admin: its editor only (admins and moderators review through
# the workflow, not by editing); non-staff never reach the admin.
PLAN = row(ADMIN, editor=OK)
STAFF_ONLY = {"counsellor": LOGIN, "rep_a": LOGIN, "rep_b": LOGIN}  # Wagtail's own login page

# (name, url template, expected per role). Ids come from the world (see world.py).
VIEWS: list[tuple[str, str, dict[str, str]]] = [
    # Internships: company pages.
    ("company home", "/praktik/foretag/{company_a}/", COMPANY_A),
    ("company profile", "/praktik/foretag/{company_a}/profil/", COMPANY_A),
    ("company bookings", "/praktik/foretag/{company_a}/bokningar/", COMPANY_A),
    ("company booking", "/praktik/foretag/{company_a}/bokningar/{booking_a}/", COMPANY_A),
    ("workplace edit", "/praktik/foretag/{company_a}/arbetsplatser/{workplace_a}/", COMPANY_A),
    ("listing (company)", "/praktik/foretag/{company_a}/annonser/{listing_a}/", COMPANY_A),
    ("listing edit", "/praktik/foretag/{company_a}/annonser/{listing_a}/andra/", COMPANY_A),
    ("listing new", "/praktik/foretag/{company_a}/annonser/ny/", COMPANY_A),
    (
        "period edit",
        "/praktik/foretag/{company_a}/annonser/{listing_a}/perioder/{period_a}/",
        COMPANY_A,
    ),
    # Company B's booking through company A's own URL: 404 for A too.
    ("other company's booking", "/praktik/foretag/{company_a}/bokningar/{booking_b}/", row(NF)),
    # Internships: school pages, certificates, choice rounds.
    ("school home", "/praktik/skola/{school_a}/", SCHOOL_A),
    ("school booking", "/praktik/skola/{school_a}/bokningar/{booking_a}/", SCHOOL_A),
    ("certificate", "/praktik/skola/{school_a}/intyg/{certificate_a}/", SCHOOL_A),
    ("certificate pdf", "/praktik/skola/{school_a}/intyg/{certificate_a}/pdf/", SCHOOL_A),
    ("choice round", "/praktik/skola/{school_a}/valomgangar/{round_a}/", SCHOOL_A),
    ("choice round new", "/praktik/skola/{school_a}/valomgangar/ny/", SCHOOL_A),
    ("other school's certificate", "/praktik/skola/{school_a}/intyg/{certificate_b}/", row(NF)),
    ("other school's round", "/praktik/skola/{school_a}/valomgangar/{round_b}/", row(NF)),
    ("pupil extract", "/praktik/skola/{school_a}/elever/bokning/{pupil_a}/", PUPIL_A),
    (
        "pupil extract json",
        "/praktik/skola/{school_a}/elever/bokning/{pupil_a}/utdrag.json",
        PUPIL_A,
    ),
    ("pupil erase", "/praktik/skola/{school_a}/elever/bokning/{pupil_a}/radera/", PUPIL_A),
    ("other school's pupil", "/praktik/skola/{school_a}/elever/bokning/{pupil_b}/", row(NF)),
    # The same pages for a pupil found through the school's choice round.
    (
        "round pupil extract",
        "/praktik/skola/{school_a}/elever/valomgang/{participant_a}/",
        PUPIL_A,
    ),
    (
        "round pupil extract json",
        "/praktik/skola/{school_a}/elever/valomgang/{participant_a}/utdrag.json",
        PUPIL_A,
    ),
    (
        "round pupil erase",
        "/praktik/skola/{school_a}/elever/valomgang/{participant_a}/radera/",
        PUPIL_A,
    ),
    (
        "other school's round pupil",
        "/praktik/skola/{school_a}/elever/valomgang/{participant_b}/",
        row(NF),
    ),
    # Internships: the coordinators' review queue.
    ("coordination queue", "/praktik/samordning/", COORDINATORS),
    ("review company", "/praktik/samordning/foretag/{company_a}/", COORDINATORS),
    ("review listing", "/praktik/samordning/annonser/{listing_a}/", COORDINATORS),
    # Method bank: own contribution, moderators' comment queue.
    ("method contribution edit", "/metoder/bidra/{submission}/", OWN_SUBMISSION),
    ("method contribution preview", "/metoder/bidra/{submission}/forhandsvisning/", OWN_SUBMISSION),
    ("method comment queue", "/metoder/kommentarer/granska/", row(DENY, moderator=OK, admin=OK)),
    # Forum: own post, moderation.
    ("forum post edit", "/forum/inlagg/{post}/redigera/", row(DENY, counsellor=OK)),
    ("forum post delete", "/forum/inlagg/{post}/ta-bort/", row(DENY, counsellor=OK)),
    ("forum moderation", "/forum/moderering/", row(DENY, moderator=OK, admin=OK)),
    ("forum moderation log", "/forum/moderering/logg/", row(DENY, moderator=OK, admin=OK)),
    ("forum thread tools", "/forum/moderering/trad/{thread}/", row(DENY, moderator=OK, admin=OK)),
    # Guidance plans: Wagtail admin.
    ("plan edit (admin)", "/admin/pages/{plan}/edit/", {**PLAN, **STAFF_ONLY}),
    (
        "plan add (admin)",
        "/admin/pages/add/guidance_plans/guidanceplanpage/{section}/",
        {**PLAN, **STAFF_ONLY},
    ),
    # Facts bank: members suggest entries (company representatives are not members); the
    # review queue is the editors'.
    ("fact suggestion", "/fakta/foresla/", row(OK, rep_a=DENY, rep_b=DENY)),
    ("fact review queue", "/fakta/granska/", row(DENY, moderator=OK, admin=OK)),
    # Omvärldsbevakning: the stream and the feeds' health are public.
    ("omvärld stream", "/omvarld/", row(OK, anonymous=OK)),
    ("omvärld feed health", "/omvarld/kallor/", row(OK, anonymous=OK)),
    # Mina sidor and the account's own data: every logged-in user, their own only.
    ("Mina sidor", "/mina-sidor/", row(OK)),
    ("profile", "/mina-sidor/uppgifter/", row(OK)),
    ("personal data download", "/mina-sidor/mina-uppgifter.json", row(OK)),
    ("delete account", "/mina-sidor/radera-konto/", row(OK)),
    ("my forum", "/forum/mitt-forum/", row(OK)),
    # The audit log of access to pupils' data: administrators only, read only.
    ("access log", "/personuppgifter/atkomstlogg/", row(DENY, admin=OK)),
    # REKAS import in the admin: administrators only.
    ("REKAS import (admin)", "/admin/rekas/import/", {**row(ADMIN, admin=OK), **STAFF_ONLY}),
    # The editors' search tools in the admin: administrators (and the Sökredaktör group).
    ("search statistics (admin)", "/admin/sok/", {**row(ADMIN, admin=OK), **STAFF_ONLY}),
    (
        "search promoted results (admin)",
        "/admin/sok/rekommenderade/",
        {**row(ADMIN, admin=OK), **STAFF_ONLY},
    ),
    ("search synonyms (admin)", "/admin/sok/synonymer/", {**row(ADMIN, admin=OK), **STAFF_ONLY}),
    (
        "REKAS unknown names (admin)",
        "/admin/rekas/okanda-namn/",
        {**row(ADMIN, admin=OK), **STAFF_ONLY},
    ),
]


@pytest.fixture
def world():
    return build_world()


def outcome(response) -> str:
    status = response.status_code
    location = response.get("Location", "")
    if status == 200:
        return OK
    if status == 302 and "logga-in" in location or "/admin/login/" in location:
        return LOGIN
    if status == 302 and location.rstrip("/") == reverse("wagtailadmin_home").rstrip("/"):
        return ADMIN
    if status == 404:
        return NF
    if status == 403:
        return DENY
    return f"{status} {location}".strip()


def matches(expected: str, actual: str) -> bool:
    return actual == expected or (expected == ADMIN and actual == DENY)


def test_permission_matrix(world):
    clients = {}
    for role, user in world.users.items():
        clients[role] = Client()
        if user is not None:
            clients[role].force_login(user)
    wrong, leaks = [], []
    for name, template, expected in VIEWS:
        url = template.format(**world.ids)
        for role in ROLES:
            response = clients[role].get(url)
            actual = outcome(response)
            if not matches(expected[role], actual):
                wrong.append(f"{name:32} {role:12} väntat {expected[role]:5} fick {actual}")
            if actual in (NF, DENY, ADMIN) and response.get("Content-Type", "").startswith(
                "text/html"
            ):
                body = response.content.decode(errors="replace")
                leaks += [
                    f"{name} ({role}): {secret}"
                    for secrets in world.secrets.values()
                    for secret in secrets
                    if secret in body
                ]
    cells = len(VIEWS) * len(ROLES)
    assert not wrong, f"{len(wrong)} av {cells} celler fel:\n" + "\n".join(wrong)
    assert not leaks, "Nekade sidor visar andras uppgifter:\n" + "\n".join(leaks)


# Mutations by someone who does not own the object: refused, and nothing changes.
POSTS = [
    (
        "withdraw company A's listing",
        "/praktik/foretag/{company_a}/annonser/{listing_a}/status/",
        {"to": "withdrawn"},
        ["rep_b", "counsellor", "coordinator", "admin"],
    ),
    (
        "decline company A's booking",
        "/praktik/foretag/{company_a}/bokningar/{booking_a}/svar/",
        {"decision": "decline"},
        ["rep_b", "counsellor", "coordinator", "admin"],
    ),
    (
        "cancel school A's booking",
        "/praktik/skola/{school_a}/bokningar/{booking_a}/avboka/",
        {},
        ["rep_a", "editor", "coordinator", "admin"],
    ),
    (
        "request a certificate for school A's pupil",
        "/praktik/skola/{school_a}/bokningar/{booking_a}/elever/{pupil_a}/intyg/",
        {},
        ["rep_a", "editor", "coordinator", "admin"],
    ),
    (
        "add pupils to school A's choice round",
        "/praktik/skola/{school_a}/valomgangar/{round_a}/elever/",
        {"rows": "Smyg Smygsson, 9A"},
        ["rep_a", "editor", "coordinator", "admin"],
    ),
    (
        "new one-time code for a pupil in school A's round",
        "/praktik/skola/{school_a}/valomgangar/{round_a}/elever/{participant_a}/kod/",
        {},
        ["rep_a", "editor", "coordinator", "admin"],
    ),
    (
        "erase a pupil in school A's round",
        "/praktik/skola/{school_a}/elever/valomgang/{participant_a}/radera/",
        {"confirm": "on"},
        ["counsellor", "rep_a", "editor", "coordinator", "admin"],
    ),
    (
        "mark a fact as reviewed",
        "/fakta/granska/",
        {"fact": "{fact}"},
        ["counsellor", "rep_a", "editor", "coordinator"],
    ),
    (
        "make news of a feed item",
        "/omvarld/{feed_item}/gor-nyhet/",
        {},
        ["counsellor", "rep_a", "editor", "coordinator"],
    ),
    (
        "delete the counsellor's forum post",
        "/forum/inlagg/{post}/ta-bort/",
        {},
        ["rep_a", "editor", "moderator", "admin"],
    ),
]


@pytest.mark.parametrize(("name", "template", "data", "roles"), POSTS, ids=[p[0] for p in POSTS])
def test_refused_changes_change_nothing(world, name, template, data, roles):
    url = template.format(**world.ids)
    pupil_before = Participant.objects.values("name", "code_hash").get(
        pk=world.ids["participant_a"]
    )
    data = {key: str(value).format(**world.ids) for key, value in data.items()}
    for role in ["anonymous", *roles]:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        actual = outcome(client.post(url, data))
        assert actual in (LOGIN, NF, DENY), (name, role, actual)
    assert Listing.objects.get(pk=world.ids["listing_a"]).status == Listing.Status.PUBLISHED
    assert Booking.objects.get(pk=world.ids["booking_a"]).status == Booking.Status.ACCEPTED
    assert Post.objects.get(pk=world.ids["post"]).status == "published"
    assert not Certificate.objects.exclude(pk__in=world.ids["certificates"]).exists()
    assert not Participant.objects.filter(name__startswith="Smyg").exists()
    pupil_after = Participant.objects.values("name", "code_hash").get(pk=world.ids["participant_a"])
    assert pupil_after == pupil_before  # no new code, not erased
    assert FactPage.objects.get(pk=world.ids["fact"]).last_reviewed == date(2020, 1, 1)
    assert FeedItem.objects.get(pk=world.ids["feed_item"]).news_page_id is None
