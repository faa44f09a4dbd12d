"""A small world for the permission matrix: every role, and objects owned by each of them.

Two companies (A and B) and two schools (A in Göteborg, B in Malmö), each with a listing, a
booking, a certificate and a choice round with one pupil; a counsellor of school A with a method contribution
and a forum post of their own; Göteborg's guidance plan and its editor; Malmö's editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.test import Client, TestCase

from forum.models import Category, Visibility
from guidance_plans.services.sections import add_editor, ensure_plan_index
from guidance_plans.services.workflow import ensure_plan_workflow
from internships.models import Booking, Certificate, ChoiceRound
from internships.services.rounds import add_participants
from methods.models import MethodSubmission
from omvarld.models import Feed, FeedItem
from syvsite.accounts.roles import Role
from tests.factories import UserFactory, make_member, municipality
from tests.facts.factories import make_fact
from tests.forum.factories import make_thread
from tests.guidance_plans.factories import GuidancePlanPageFactory
from tests.internships.factories import (
    BookingFactory,
    CompanyFactory,
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    company_rep,
    round_data,
    school_staff,
)
from tests.methods.conftest import submission_data

ROLES = [
    "anonymous",
    "counsellor",
    "editor",
    "other_editor",
    "rep_a",
    "rep_b",
    "coordinator",
    "school_coordinator",
    "moderator",
    "admin",
]


@dataclass
class World:
    users: dict
    ids: dict
    secrets: dict  # names that must never show on a refused page


def _school_side(school, company_listing, tag: str) -> dict:
    period = PeriodFactory(listing=company_listing)
    booking = BookingFactory(
        period=period, school=school, status=Booking.Status.ACCEPTED, pupils=[f"Elev {tag}"]
    )
    pupil = booking.pupils.first()
    certificate = Certificate.objects.create(
        pupil=pupil, completed_at="2026-01-01T10:00Z", days_planned=5, days_attended=5
    )
    choice_round = ChoiceRound.objects.create(
        school=school, **round_data(title=f"PRAO-omgång {tag}")
    )
    # The same pupil in the school's choice round, with a one-time code.
    participant = add_participants(choice_round=choice_round, rows=[(f"Elev {tag}", "9A")])[0]
    return {
        "period": period.pk,
        "booking": booking.pk,
        "pupil": pupil.pk,
        "certificate": certificate.pk,
        "round": choice_round.pk,
        "participant": participant.participant.pk,
    }


def build_world() -> World:
    companies = {
        "a": CompanyFactory(name="Alfa Bygg AB"),
        "b": CompanyFactory(name="Beta Vård AB"),
    }
    schools = {
        "a": SchoolFactory(name="Alfaskolan", municipality=municipality("1480")),
        "b": SchoolFactory(name="Betaskolan", municipality=municipality("1280")),
    }
    listings = {
        key: ListingFactory(company=company, title=f"Annons hos {company.name}")
        for key, company in companies.items()
    }
    ids: dict = {
        "company_a": companies["a"].pk,
        "company_b": companies["b"].pk,
        "school_a": schools["a"].pk,
        "listing_a": listings["a"].pk,
        "workplace_a": listings["a"].workplace_id,
        **{f"{k}_a": v for k, v in _school_side(schools["a"], listings["a"], "Ada").items()},
        **{f"{k}_b": v for k, v in _school_side(schools["b"], listings["b"], "Bo").items()},
    }
    ids["certificates"] = [ids["certificate_a"], ids["certificate_b"]]
    plan_index = ensure_plan_index()
    ensure_plan_workflow(index_page=plan_index)
    plan = GuidancePlanPageFactory(municipality_code="1480", title="Göteborgs plan")
    ids["plan"] = plan.pk
    ids["section"] = plan.get_parent().pk

    editor = UserFactory(roles=[Role.MUNICIPALITY_EDITOR])
    add_editor(user=editor, municipality=municipality("1480"))
    other_editor = UserFactory(roles=[Role.MUNICIPALITY_EDITOR])
    add_editor(user=other_editor, municipality=municipality("1280"))
    counsellor = school_staff(schools["a"])
    users = {
        "anonymous": None,
        "counsellor": counsellor,
        "editor": editor,
        "other_editor": other_editor,
        "rep_a": company_rep(companies["a"]),
        "rep_b": company_rep(companies["b"]),
        "coordinator": make_member(role=Role.PLACEMENT_COORDINATOR),
        # School A's own coordinator: answers for its pupils (register extracts, erasure).
        "school_coordinator": make_member(
            role=Role.PLACEMENT_COORDINATOR, organisation=schools["a"]
        ),
        "moderator": make_member(role=Role.MODERATOR),
        "admin": make_member(role=Role.ADMIN),
    }

    # The counsellor's own contribution (through the form, as a member sends it) and forum post.
    client = Client()
    client.force_login(counsellor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/metoder/bidra/", submission_data(title="Alfas hemliga metod"))
    ids["submission"] = MethodSubmission.objects.get(submitter=counsellor).pk
    category, _ = Category.objects.get_or_create(
        slug="matris", defaults={"name": "Matris", "visibility": Visibility.PUBLIC}
    )
    thread = make_thread(category=category, author=counsellor, title="Alfas egen tråd")
    ids["post"] = thread.posts.get(is_opening=True).pk
    ids["thread"] = thread.pk

    # An entry in the facts bank waiting in the editors' review queue.
    ids["fact"] = make_fact(
        title="Granskningsobjekt",
        slug="granskningsobjekt",
        kind="rapport",
        last_reviewed=date(2020, 1, 1),
    ).pk

    # An item fetched by omvärldsbevakningen, waiting for an editor to make news of it.
    feed = Feed.objects.create(
        name="Testflöde",
        slug="testflode",
        agency="Myndigheten",
        url="https://myndighet.example/rss",
        source_page="https://myndighet.example/",
    )
    ids["feed_item"] = FeedItem.objects.create(feed=feed, key="p1", title="Myndighetens nyhet").pk

    secrets = {
        "company_a": ["Alfa Bygg AB"],
        "school_a": ["Alfaskolan", "Elev Ada"],
        "counsellor": ["Alfas hemliga metod"],
    }
    return World(users=users, ids=ids, secrets=secrets)
