"""Praktikintyg: the signed e-mailed link (valid, expired, tampered, replaced) and the school's copy."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from internships.exceptions import PlacementError
from internships.models import Booking, Certificate
from internships.services.certificates import send_certificate_link

from .factories import BookingFactory, PeriodFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(listing, school, staff):
    """An accepted booking for last week, Monday to Friday."""
    monday = in_days(-7) - timedelta(days=in_days(-7).weekday())
    period = PeriodFactory(listing=listing, start_date=monday, end_date=monday + timedelta(days=4))
    return BookingFactory(
        period=period,
        school=school,
        status=Booking.Status.ACCEPTED,
        pupils=["Nora Nilsson"],
        requested_by=staff,
    )


def request_link(client, staff, placement, capture) -> str:
    client.force_login(staff)
    pupil = placement.pupils.get()
    with capture(execute=True):
        client.post(
            reverse(
                "internships:certificate_request",
                args=[placement.school_id, placement.pk, pupil.pk],
            ),
            {"parts": ["ratings", "tasks", "assessment"]},
        )
    client.logout()
    return re.search(r"http://testserver(/praktik/intyg/\S+/)", mail.outbox[-1].body).group(1)


FILLED = {
    "days_planned": 5,
    "days_attended": 4,
    "punctuality": 3,
    "engagement": 2,
    "cooperation": 3,
    "tasks": "Bakade bröd, diskade.",
    "assessment": "Nora var nyfiken och ställde bra frågor.",
    "signed_by_name": "Berit Bagare",
    "signed_by_title": "Bagarmästare",
}


def test_supervisor_fills_certificate_and_school_prints_it(
    client, staff, placement, django_capture_on_commit_callbacks
):
    link = request_link(client, staff, placement, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == [placement.period.listing.supervisor_email]
    form = client.get(link)
    assert form.status_code == 200 and "Praktikintyg för Nora Nilsson" in form.text
    assert form.context["form"].initial["days_planned"] == 5  # weekdays of the period

    too_many = client.post(link, {**FILLED, "days_attended": 6})
    assert "Närvarande dagar kan inte vara fler än planerade dagar." in too_many.text
    assert not Certificate.objects.get().is_completed

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link, FILLED, follow=True)
    assert "Praktikintyget är inskickat" in done.text
    certificate = Certificate.objects.get()
    assert certificate.is_completed and certificate.days_attended == 4
    assert mail.outbox[-1].to == [staff.email]
    # The link cannot change a submitted certificate.
    client.post(link, {**FILLED, "assessment": "Ändrat i efterhand"})
    certificate.refresh_from_db()
    assert certificate.assessment == FILLED["assessment"]

    client.force_login(staff)
    printable = client.get(
        reverse("internships:certificate", args=[placement.school_id, certificate.pk])
    )
    assert "Nora var nyfiken" in printable.text and "Närvarande 4 av 5" in printable.text
    pdf = client.get(
        reverse("internships:certificate_pdf", args=[placement.school_id, certificate.pk])
    )
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "praktikintyg-nora-nilsson.pdf" in pdf["Content-Disposition"]


def test_expired_link_refuses_with_a_swedish_page(
    client, staff, placement, settings, django_capture_on_commit_callbacks
):
    link = request_link(client, staff, placement, django_capture_on_commit_callbacks)
    settings.INTERNSHIPS_CERTIFICATE_LINK_DAYS = 0  # every link is now older than allowed
    import time

    time.sleep(1.1)
    response = client.get(link)
    assert response.status_code == 410
    assert "Länken till praktikintyget har gått ut" in response.text
    assert client.post(link, FILLED).status_code == 410
    assert not Certificate.objects.get().is_completed


def test_tampered_link_is_refused(client, staff, placement, django_capture_on_commit_callbacks):
    link = request_link(client, staff, placement, django_capture_on_commit_callbacks)
    token = link.split("/")[-2]
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    response = client.get(f"/praktik/intyg/{forged}/")
    assert response.status_code == 400
    assert "Länken är felaktig" in response.text
    assert client.get("/praktik/intyg/inte-en-token/").status_code == 400


def test_a_new_link_replaces_the_old_one(
    client, staff, placement, django_capture_on_commit_callbacks
):
    first = request_link(client, staff, placement, django_capture_on_commit_callbacks)
    second = request_link(client, staff, placement, django_capture_on_commit_callbacks)
    assert client.get(first).status_code == 410
    assert "nyare länk" in client.get(first).text
    assert client.get(second).status_code == 200


def test_certificates_only_for_accepted_bookings_that_have_started(listing, school, staff):
    future = PeriodFactory(listing=listing, start_date=in_days(10), end_date=in_days(12))
    accepted_future = BookingFactory(period=future, school=school, status=Booking.Status.ACCEPTED)
    with pytest.raises(PlacementError, match="inte börjat"):
        send_certificate_link(pupil=accepted_future.pupils.get(), sent_by=staff)
    pending = BookingFactory(period=future, school=school)
    with pytest.raises(PlacementError, match="accepterade"):
        send_certificate_link(pupil=pending.pupils.get(), sent_by=staff)
    assert not Certificate.objects.exists()


def test_unfinished_certificate_is_not_downloadable(client, staff, placement):
    certificate = Certificate.objects.create(pupil=placement.pupils.get())
    client.force_login(staff)
    assert (
        client.get(
            reverse("internships:certificate", args=[placement.school_id, certificate.pk])
        ).status_code
        == 404
    )


def test_pdf_handles_names_outside_latin1(client, staff, placement):
    pupil = placement.pupils.get()
    pupil.name = "Željko Đorđević محمد"
    pupil.save()
    certificate = Certificate.objects.create(
        pupil=pupil,
        days_planned=5,
        days_attended=5,
        completed_at=placement.created_at + timedelta(days=1),
    )
    client.force_login(staff)
    pdf = client.get(
        reverse("internships:certificate_pdf", args=[placement.school_id, certificate.pk])
    )
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
