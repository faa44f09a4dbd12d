"""The permission matrix: companies, schools, pupils and coordinators only reach their own things.

Someone else's object answers 404 (never 403), shows nothing of it, and changes nothing.
"""

import pytest
from django.urls import reverse

from internships.models import Booking, Certificate, ChoiceRound, Listing, Participant, Workplace
from internships.services.rounds import add_participants
from syvsite.accounts.roles import Role
from tests.factories import make_member

from .factories import (
    BookingFactory,
    CompanyFactory,
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    company_rep,
    round_data,
    school_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Two companies and two schools, each with a listing/booking/round/certificate of their own."""
    companies = [CompanyFactory(name="Alfa Bygg AB"), CompanyFactory(name="Beta Vård AB")]
    schools = [SchoolFactory(name="Alfaskolan"), SchoolFactory(name="Betaskolan")]
    listings = [ListingFactory(company=c, title=f"Annons hos {c.name}") for c in companies]
    periods = [PeriodFactory(listing=listing) for listing in listings]
    bookings = [
        BookingFactory(period=periods[0], school=schools[0], status=Booking.Status.ACCEPTED),
        BookingFactory(period=periods[1], school=schools[1], status=Booking.Status.ACCEPTED),
    ]
    certificates = [
        Certificate.objects.create(
            pupil=b.pupils.first(),
            completed_at="2026-01-01T10:00Z",
            days_planned=5,
            days_attended=5,
        )
        for b in bookings
    ]
    rounds = [
        ChoiceRound.objects.create(school=s, **round_data(title=f"PRAO {s.name}")) for s in schools
    ]
    return {
        "companies": companies,
        "schools": schools,
        "listings": listings,
        "periods": periods,
        "bookings": bookings,
        "certificates": certificates,
        "rounds": rounds,
        "reps": [company_rep(c) for c in companies],
        "staff": [school_staff(s) for s in schools],
    }


def company_urls(world, mine: int, theirs: int) -> list[str]:
    """URLs a rep of company `mine` might try in order to reach company `theirs`' things."""
    c_mine, c_theirs = world["companies"][mine].pk, world["companies"][theirs].pk
    listing, period = world["listings"][theirs].pk, world["periods"][theirs].pk
    booking = world["bookings"][theirs].pk
    workplace = world["listings"][theirs].workplace_id
    return [
        f"/praktik/foretag/{c_theirs}/",
        f"/praktik/foretag/{c_theirs}/profil/",
        f"/praktik/foretag/{c_theirs}/bokningar/",
        f"/praktik/foretag/{c_mine}/annonser/{listing}/",
        f"/praktik/foretag/{c_mine}/annonser/{listing}/andra/",
        f"/praktik/foretag/{c_mine}/annonser/{listing}/perioder/{period}/",
        f"/praktik/foretag/{c_mine}/bokningar/{booking}/",
        f"/praktik/foretag/{c_mine}/arbetsplatser/{workplace}/",
    ]


def school_urls(world, mine: int, theirs: int) -> list[str]:
    s_mine, s_theirs = world["schools"][mine].pk, world["schools"][theirs].pk
    booking, certificate = world["bookings"][theirs].pk, world["certificates"][theirs].pk
    choice_round = world["rounds"][theirs].pk
    return [
        f"/praktik/skola/{s_theirs}/",
        f"/praktik/skola/{s_mine}/bokningar/{booking}/",
        f"/praktik/skola/{s_mine}/intyg/{certificate}/",
        f"/praktik/skola/{s_mine}/intyg/{certificate}/pdf/",
        f"/praktik/skola/{s_mine}/valomgangar/{choice_round}/",
        f"/praktik/skola/{s_mine}/valomgangar/{choice_round}/export.csv",
    ]


def assert_not_found_and_silent(client, url: str, secrets: list[str]) -> None:
    response = client.get(url)
    assert response.status_code == 404, url
    body = response.content.decode()
    for secret in secrets:
        assert secret not in body, (url, secret)


def test_company_cannot_reach_another_companys_things(client, world):
    client.force_login(world["reps"][0])
    for url in company_urls(world, mine=0, theirs=1):
        assert_not_found_and_silent(client, url, ["Beta Vård AB", "Elev 1", "Betaskolan"])
    # Its own pages work.
    for url in company_urls(world, mine=0, theirs=0):
        assert client.get(url).status_code == 200, url


def test_company_cannot_change_another_companys_things(client, world):
    client.force_login(world["reps"][0])
    mine, theirs = world["companies"][0].pk, world["companies"][1]
    listing, booking = world["listings"][1], world["bookings"][1]
    posts = [
        (f"/praktik/foretag/{mine}/annonser/{listing.pk}/status/", {"to": "withdrawn"}),
        (f"/praktik/foretag/{mine}/bokningar/{booking.pk}/svar/", {"decision": "decline"}),
        (
            f"/praktik/foretag/{mine}/annonser/{listing.pk}/perioder/{world['periods'][1].pk}/ta-bort/",
            {},
        ),
        (f"/praktik/foretag/{theirs.pk}/skicka-in/", {}),
        (f"/praktik/foretag/{mine}/arbetsplatser/{listing.workplace_id}/ta-bort/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    listing.refresh_from_db()
    booking.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert booking.status == Booking.Status.ACCEPTED
    assert world["periods"][1].__class__.objects.filter(pk=world["periods"][1].pk).exists()
    assert Workplace.objects.filter(pk=listing.workplace_id).exists()


def test_tampered_workplace_and_company_fields_are_ignored(client, world):
    """Posting another company's workplace (or a company id) cannot move a listing there."""
    client.force_login(world["reps"][0])
    mine = world["companies"][0]
    foreign_workplace = world["listings"][1].workplace_id
    data = {
        "title": "Smygannons",
        "placement_type": "prao",
        "workplace": foreign_workplace,
        "description": "Test",
        "supervisor_name": "X",
        "supervisor_email": "x@example.se",
        "company": world["companies"][1].pk,
    }
    response = client.post(f"/praktik/foretag/{mine.pk}/annonser/ny/", data)
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.text or "Välj arbetsplats" in response.text
    assert not Listing.objects.filter(title="Smygannons").exists()

    data["workplace"] = world["listings"][0].workplace_id
    client.post(f"/praktik/foretag/{mine.pk}/annonser/ny/", data)
    assert Listing.objects.get(title="Smygannons").company == mine


def test_school_cannot_reach_another_schools_things(client, world):
    client.force_login(world["staff"][0])
    for url in school_urls(world, mine=0, theirs=1):
        assert_not_found_and_silent(client, url, ["Betaskolan", "Elev 1", "PRAO Betaskolan"])
    for url in school_urls(world, mine=0, theirs=0):
        assert client.get(url).status_code in (200, 302), url  # export redirects before allocation
    booking = world["bookings"][1]
    url = f"/praktik/skola/{world['schools'][0].pk}/bokningar/{booking.pk}/avboka/"
    assert client.post(url).status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACCEPTED


def test_booking_for_someone_elses_school_is_refused(client, world):
    client.force_login(world["staff"][0])
    listing, period = world["listings"][1], world["periods"][1]
    url = reverse("internships:book", args=[listing.pk, period.pk])
    response = client.post(url, {"school": world["schools"][1].pk, "pupils": "Smyg Smygsson"})
    assert response.status_code == 200
    assert "Välj en av dina skolor." in response.text
    assert not Booking.objects.filter(pupils__name="Smyg Smygsson").exists()


@pytest.mark.parametrize("who", ["anonymous", "company", "pupil_account", "other_staff"])
def test_roles_without_access_get_nothing(client, world, who):
    if who == "company":
        client.force_login(world["reps"][0])
    elif who == "pupil_account":
        # A member of the school without a staff role (e.g. a pupil's own account).
        client.force_login(make_member(role=Role.MODERATOR, organisation=world["schools"][0]))
    elif who == "other_staff":
        client.force_login(school_staff(SchoolFactory()))
    for url in school_urls(world, mine=0, theirs=0)[1:] + ["/praktik/samordning/"]:
        response = client.get(url)
        expected = 302 if who == "anonymous" else 404
        assert response.status_code == expected, (who, url)
    if who != "anonymous":
        assert client.get(f"/praktik/foretag/{world['companies'][1].pk}/").status_code == 404


def test_school_staff_cannot_use_company_pages_and_vice_versa(client, world):
    client.force_login(world["staff"][0])
    assert client.get(f"/praktik/foretag/{world['companies'][0].pk}/").status_code == 404
    client.force_login(world["reps"][0])
    assert client.get(f"/praktik/skola/{world['schools'][0].pk}/").status_code == 404


def test_pupil_sees_only_own_choices(client, world):
    choice_round = world["rounds"][0]
    ada, bo = add_participants(
        choice_round=choice_round, rows=[("Ada Andersson", "8A"), ("Bo Berg", "8B")]
    )
    response = client.post(reverse("internships:pupil_login"), {"code": ada.code})
    assert response.status_code == 302
    page = client.get(reverse("internships:pupil_round", args=[ada.participant.pk])).text
    assert "Ada Andersson" in page and "Bo Berg" not in page
    assert_not_found_and_silent(
        client, reverse("internships:pupil_round", args=[bo.participant.pk]), ["Bo Berg"]
    )
    # A pupil session is not a login: school pages still send the pupil to the login page.
    assert client.get(f"/praktik/skola/{world['schools'][0].pk}/").status_code == 302
    # Another school's round is unreachable too.
    other = add_participants(choice_round=world["rounds"][1], rows=[("Cia Ceder", "9C")])[0]
    assert_not_found_and_silent(
        client, reverse("internships:pupil_round", args=[other.participant.pk]), ["Cia Ceder"]
    )


def test_one_time_code_works_once(client, world):
    new = add_participants(choice_round=world["rounds"][0], rows=[("Dan Dahl", "8A")])[0]
    assert (
        client.post(reverse("internships:pupil_login"), {"code": new.code.lower()}).status_code
        == 302
    )
    other = client.__class__()
    response = other.post(reverse("internships:pupil_login"), {"code": new.code})
    assert response.status_code == 200
    assert "Koden är redan använd" in response.text
    response = other.post(reverse("internships:pupil_login"), {"code": "ABCD-EFGH"})
    assert "Koden finns inte" in response.text
    assert Participant.objects.get(pk=new.participant.pk).code_used_at is not None


def test_coordination_is_for_placement_coordinators_only(client, world):
    client.force_login(world["staff"][0])
    assert client.get("/praktik/samordning/").status_code == 404
    company = world["companies"][1]
    company.is_approved = False
    company.save()
    assert (
        client.post(
            f"/praktik/samordning/foretag/{company.pk}/", {"decision": "approve"}
        ).status_code
        == 404
    )
    company.refresh_from_db()
    assert not company.is_approved
