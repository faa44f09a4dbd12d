"""Booking places: requests, capacity, the company's answer, cancelling, and e-mail to both sides."""

import pytest
from django.core import mail
from django.urls import reverse

from internships.exceptions import CapacityError, PlacementError
from internships.models import Booking, Listing
from internships.selectors.listings import places_left
from internships.services.bookings import cancel_booking, decide_booking, request_booking

from .factories import BookingFactory, PeriodFactory, in_days

pytestmark = pytest.mark.django_db


def book_url(period) -> str:
    return reverse("internships:book", args=[period.listing_id, period.pk])


def test_school_books_company_accepts_both_get_mail(
    client, period, school, staff, rep, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            book_url(period),
            {
                "school": school.pk,
                "pupils": "Ali Hassan\nBritt Berg\n",
                "message": "Två elever i år 8.",
            },
        )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("internships:school_booking", args=[school.pk, booking.pk])
    assert booking.places == 2 and booking.status == Booking.Status.PENDING
    assert places_left(period=period) == 1  # pending requests hold their places
    assert rep.email in {m.to[0] for m in mail.outbox}
    assert "vill boka 2 praktikplatser" in mail.outbox[0].subject

    client.force_login(rep)
    page = client.get(
        reverse("internships:company_booking", args=[period.listing.company_id, booking.pk])
    )
    # Before accepting, the company sees first names only (minimisation).
    assert "<li>Ali</li>" in page.text and "Ali Hassan" not in page.text
    assert "Två elever i år 8." in page.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "internships:company_booking_decide", args=[period.listing.company_id, booking.pk]
            ),
            {"decision": "accept", "message": "Välkomna 07.30!"},
        )
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACCEPTED
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "accepterad" in mail.outbox[0].subject and "Välkomna 07.30!" in mail.outbox[0].body
    page = client.get(
        reverse("internships:company_booking", args=[period.listing.company_id, booking.pk])
    )
    assert "<li>Ali Hassan</li>" in page.text

    client.force_login(staff)
    page = client.get(reverse("internships:school_booking", args=[school.pk, booking.pk])).text
    assert "Accepterad" in page and "Välkomna 07.30!" in page


def test_declining_and_cancelling_release_places(period, school, staff, rep):
    booking = request_booking(
        period_id=period.pk, school=school, requested_by=staff, pupil_names=["A", "B", "C"]
    )
    assert places_left(period=period) == 0
    decide_booking(booking=booking, accept=False, decided_by=rep)
    assert places_left(period=period) == 3
    again = request_booking(
        period_id=period.pk, school=school, requested_by=staff, pupil_names=["A"]
    )
    decide_booking(booking=again, accept=True, decided_by=rep)
    with pytest.raises(PlacementError, match="redan besvarad"):
        decide_booking(booking=again, accept=False, decided_by=rep)
    cancel_booking(booking=again, cancelled_by=staff)
    assert places_left(period=period) == 3
    with pytest.raises(PlacementError, match="redan avböjd eller avbokad"):
        cancel_booking(booking=again, cancelled_by=staff)


def test_asking_for_more_than_is_left_names_the_numbers(client, period, school, staff):
    BookingFactory(period=period, places=2, status=Booking.Status.ACCEPTED)
    client.force_login(staff)
    response = client.post(book_url(period), {"school": school.pk, "pupils": "Ett\nTvå"})
    assert response.status_code == 200
    assert "Det finns bara 1 ledig plats kvar i perioden, men du bad om 2." in response.text
    assert Booking.objects.count() == 1
    client.post(book_url(period), {"school": school.pk, "pupils": "Ett"})
    response = client.post(book_url(period), {"school": school.pk, "pupils": "Tre"})
    assert "Perioden är fullbokad" in response.text
    assert Booking.objects.count() == 2


@pytest.mark.parametrize(
    ("pupils", "message"),
    [
        ("", "Skriv namnet på minst en elev"),
        ("   \n  ", "Skriv namnet på minst en elev"),
        ("Ada\nada", "står med två gånger"),
        ("x" * 151, "för långt"),
    ],
)
def test_bad_pupil_lists_are_refused_in_swedish(client, period, school, staff, pupils, message):
    client.force_login(staff)
    response = client.post(book_url(period), {"school": school.pk, "pupils": pupils})
    assert response.status_code == 200
    assert message in response.text
    assert not Booking.objects.exists()


def test_periods_that_started_and_unpublished_listings_cannot_be_booked(
    period, school, staff, listing
):
    started = PeriodFactory(listing=listing, start_date=in_days(-1), end_date=in_days(3))
    with pytest.raises(PlacementError, match="redan börjat"):
        request_booking(period_id=started.pk, school=school, requested_by=staff, pupil_names=["A"])
    listing.status = Listing.Status.WITHDRAWN
    listing.save()
    with pytest.raises(PlacementError, match="inte publicerad"):
        request_booking(period_id=period.pk, school=school, requested_by=staff, pupil_names=["A"])
    assert not Booking.objects.exists()


def test_unapproved_companys_listing_cannot_be_booked(period, school, staff, company):
    company.is_approved = False
    company.save()
    with pytest.raises(PlacementError):
        request_booking(period_id=period.pk, school=school, requested_by=staff, pupil_names=["A"])


def test_capacity_error_is_a_placement_error_with_the_field(period, school, staff):
    with pytest.raises(CapacityError) as caught:
        request_booking(
            period_id=period.pk, school=school, requested_by=staff, pupil_names=list("ABCD")
        )
    assert caught.value.field == "pupils"


def test_company_lists_and_filters_its_bookings(client, period, rep):
    BookingFactory(period=period, places=1, status=Booking.Status.PENDING)
    BookingFactory(period=period, places=1, status=Booking.Status.DECLINED)
    client.force_login(rep)
    url = reverse("internships:company_bookings", args=[period.listing.company_id])
    assert client.get(url).text.count("<tr>") == 3  # header + 2
    assert client.get(url + "?status=declined").text.count("<tr>") == 2
    # The dashboard panel counts what waits for an answer.
    assert "1 förfrågan väntar på svar" in client.get(reverse("accounts:dashboard")).text
