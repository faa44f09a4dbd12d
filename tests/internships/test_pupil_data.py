"""A pupil's register extract and erasure on request, by the school's placement coordinator;
and minimisation: companies see surnames only after accepting, certificates only the parts the
school asked for."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from internships.models import Booking, BookingPupil, Certificate, Choice, ChoiceRound
from internships.selectors.statistics import placement_statistics
from internships.services.rounds import add_participants
from syvsite.privacy.models import AccessLogEntry

from .factories import (
    BookingFactory,
    PeriodFactory,
    SchoolFactory,
    company_rep,
    coordinator,
    in_days,
    round_data,
    school_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pupil(school, period):
    """Nora in a choice round, placed, then named in the booking the allocation made, with a
    completed certificate; and Ola, another pupil of the same booking."""
    choice_round = ChoiceRound.objects.create(school=school, **round_data(title="PRAO hösten"))
    [new] = add_participants(choice_round=choice_round, rows=[("Noralie Grävlingsson", "8B")])
    nora = new.participant
    Choice.objects.create(participant=nora, period=period, rank=1)
    nora.assigned_period, nora.assigned_rank = period, 1
    nora.save()
    booking = BookingFactory(
        period=period, school=school, places=2, status=Booking.Status.ACCEPTED,
        pupils=["Noralie Grävlingsson", "Olavius Bäverström"], message="Noralie och Olavius kommer med buss.",
    )  # fmt: skip
    named = booking.pupils.get(name="Noralie Grävlingsson")
    named.participant = nora
    named.save()
    Certificate.objects.create(
        pupil=named, completed_at=timezone.now(), days_planned=5, days_attended=5,
        assessment="Nora var nyfiken.",
    )  # fmt: skip
    return {"participant": nora, "booking": booking, "named": named}


def url(name, school, kind, pupil_id):
    return reverse(f"internships:{name}", args=[school.pk, kind, pupil_id])


def test_coordinator_gets_everything_about_the_pupil_as_a_page_and_json(client, school, pupil):
    boss = coordinator(school)
    client.force_login(boss)
    client.get(reverse("internships:school_booking", args=[school.pk, pupil["booking"].pk]))
    page = client.get(url("pupil_extract", school, "valomgang", pupil["participant"].pk))
    html = page.content.decode()
    assert page.status_code == 200
    for shown in ("Noralie Grävlingsson", "8B", "PRAO hösten", "Nora var nyfiken.", boss.email):
        assert shown in html, shown
    assert "Olavius Bäverström" not in html  # another pupil of the same booking

    response = client.get(url("pupil_extract_json", school, "bokning", pupil["named"].pk))
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith('attachment; filename="registerutdrag-')
    assert data["name"] == "Noralie Grävlingsson"
    assert data["choice_rounds"][0]["choices"][0]["rank"] == 1
    assert data["bookings"][0]["certificate"]["assessment"] == "Nora var nyfiken."
    assert [a["action"] for a in data["accesses"]][:1] == ["Visade"]
    extracts = AccessLogEntry.objects.filter(action="extract", user=boss)
    assert extracts.count() == 2 and "Nora" not in extracts.first().object_label


def test_erasure_on_request_removes_the_pupil_and_keeps_statistics(client, school, pupil):
    boss = coordinator(school)
    client.force_login(boss)
    statistics = placement_statistics()
    erase = url("pupil_erase", school, "valomgang", pupil["participant"].pk)
    refused = client.post(erase, {})
    assert refused.status_code == 400 and "Kryssa i rutan" in refused.content.decode()
    client.post(erase, {"confirm": "on"})

    pupil["participant"].refresh_from_db()
    assert pupil["participant"].name == "(gallrad)" and pupil["participant"].code_hash == ""
    assert BookingPupil.objects.get(pk=pupil["named"].pk).name == "(gallrad)"
    assert Certificate.objects.get(pupil=pupil["named"]).assessment == ""
    assert BookingPupil.objects.filter(name="Olavius Bäverström").exists()
    # The message names Ola too: it stays until Ola is gone as well.
    assert Booking.objects.get(pk=pupil["booking"].pk).message
    assert placement_statistics() == statistics
    assert AccessLogEntry.objects.filter(action="erase", user=boss).count() == 1
    html = client.get(url("pupil_extract", school, "valomgang", pupil["participant"].pk)).text
    assert "Grävlingsson" not in html and "Noralie" not in html


@pytest.mark.parametrize("who", ["counsellor", "other_coordinator", "rep"])
def test_only_the_schools_coordinator_extracts_or_erases(client, school, pupil, who, company):
    user = {
        "counsellor": lambda: school_staff(school),
        "other_coordinator": lambda: coordinator(SchoolFactory()),
        "rep": lambda: company_rep(company),
    }[who]()
    client.force_login(user)
    participant = pupil["participant"].pk
    assert client.get(url("pupil_extract", school, "valomgang", participant)).status_code == 404
    assert (
        client.post(
            url("pupil_erase", school, "valomgang", participant), {"confirm": "on"}
        ).status_code
        == 404
    )
    pupil["participant"].refresh_from_db()
    assert pupil["participant"].name == "Noralie Grävlingsson"
    assert not AccessLogEntry.objects.filter(object_type="elev").exists()


def test_company_sees_surnames_only_after_accepting(client, company, period, school):
    booking = BookingFactory(period=period, school=school, pupils=["Nora Kvarnbäckius"])
    client.force_login(company_rep(company))
    page = reverse("internships:company_booking", args=[company.pk, booking.pk])
    html = client.get(page).content.decode()
    assert "Nora" in html and "Kvarnbäckius" not in html
    client.post(reverse("internships:company_booking_decide", args=[company.pk, booking.pk]),
                {"decision": "accept", "message": ""})  # fmt: skip
    assert "Nora Kvarnbäckius" in client.get(page).content.decode()


def test_certificate_asks_for_and_shows_only_what_the_school_chose(
    client, school, staff, company, django_capture_on_commit_callbacks
):
    period = PeriodFactory(listing__company=company, start_date=in_days(-5), end_date=in_days(-1))
    booking = BookingFactory(period=period, school=school, status=Booking.Status.ACCEPTED,
                             pupils=["Noralie Grävlingsson"], requested_by=staff)  # fmt: skip
    named = booking.pupils.get()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("internships:certificate_request", args=[school.pk, booking.pk, named.pk]),
            {"parts": ["tasks"]},
        )
    link = re.search(r"http://testserver(/praktik/intyg/\S+/)", mail.outbox[-1].body).group(1)
    form = client.get(link).content.decode()
    assert 'name="tasks"' in form
    assert 'name="assessment"' not in form and 'name="punctuality"' not in form
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"days_planned": 5, "days_attended": 5, "tasks": "Bakade bröd.",
                           "assessment": "Smugglat omdöme", "punctuality": 1,
                           "signed_by_name": "Berit Bagare"})  # fmt: skip
    certificate = Certificate.objects.get(pupil=named)
    assert certificate.is_completed and certificate.tasks == "Bakade bröd."
    assert certificate.assessment == "" and certificate.punctuality is None
    client.force_login(staff)
    shown = client.get(reverse("internships:certificate", args=[school.pk, certificate.pk])).text
    assert "Bakade bröd." in shown and "Passar tider" not in shown and "Omdöme" not in shown


def test_xss_corpus_in_what_schools_and_companies_typed_is_inert_in_the_extract(
    client, school, period
):
    """The extract shows text typed by the school (pupils' names, the booking's message) and by
    the company (its answer, the certificate's tasks and assessment): escaped, never markup."""
    from tests.forum.safety import problems_in_page
    from tests.forum.test_xss import CORPUS

    client.force_login(coordinator(school))
    for payload in CORPUS:
        booking = BookingFactory(
            period=period, school=school, status=Booking.Status.ACCEPTED,
            pupils=[payload[:150]], message=payload, response_message=payload,
        )  # fmt: skip
        named = booking.pupils.get()
        Certificate.objects.create(
            pupil=named, completed_at=timezone.now(), days_planned=5, days_attended=5,
            tasks=payload, assessment=payload, signed_by_name=payload[:150],
        )  # fmt: skip
        for view in ("pupil_extract", "pupil_erase"):
            response = client.get(url(view, school, "bokning", named.pk))
            assert response.status_code == 200, (view, payload)
            assert problems_in_page(response.text) == [], (view, payload)
        response = client.get(url("pupil_extract_json", school, "bokning", named.pk))
        assert json.loads(response.content)["bookings"][0]["message_to_company"] == payload
