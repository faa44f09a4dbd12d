"""The listing status workflow, edits that need a new review, periods, and expiry from cron."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from internships.exceptions import InvalidTransition, PlacementError
from internships.models import Listing, ListingPeriod
from internships.services import listings as services

from .factories import BookingFactory, ListingFactory, PeriodFactory, coordinator, in_days

pytestmark = pytest.mark.django_db
S = Listing.Status


def test_full_lifecycle_with_the_right_actor_at_each_step(company):
    listing = ListingFactory(company=company, status=S.DRAFT, published_at=None)
    with pytest.raises(PlacementError, match="minst en period"):
        services.change_status(listing=listing, to=S.PENDING_REVIEW, actor=services.COMPANY)
    PeriodFactory(listing=listing)
    listing = services.change_status(listing=listing, to=S.PENDING_REVIEW, actor=services.COMPANY)
    with pytest.raises(InvalidTransition):  # a company cannot publish its own listing
        services.change_status(listing=listing, to=S.PUBLISHED, actor=services.COMPANY)
    listing = services.change_status(
        listing=listing, to=S.PUBLISHED, actor=services.COORDINATOR, by=coordinator()
    )
    assert listing.published_at is not None
    listing = services.change_status(listing=listing, to=S.FILLED, actor=services.COMPANY)
    listing = services.change_status(listing=listing, to=S.PUBLISHED, actor=services.COMPANY)
    listing = services.change_status(listing=listing, to=S.WITHDRAWN, actor=services.COMPANY)
    with pytest.raises(InvalidTransition, match="Återkallad"):
        services.change_status(listing=listing, to=S.PUBLISHED, actor=services.COMPANY)
    listing = services.change_status(listing=listing, to=S.DRAFT, actor=services.COMPANY)
    assert listing.status == S.DRAFT


def test_unknown_status_is_refused_in_swedish(client, listing, rep):
    client.force_login(rep)
    url = reverse("internships:listing_status", args=[listing.company_id, listing.pk])
    response = client.post(url, {"to": "bogus"}, follow=True)
    assert "Okänd status." in response.text
    response = client.post(url, {"to": "expired"}, follow=True)  # only the system expires
    assert "kan inte gå från" in response.text
    listing.refresh_from_db()
    assert listing.status == S.PUBLISHED


def test_editing_a_published_listing_sends_it_back_for_review(client, listing, rep):
    PeriodFactory(listing=listing)
    client.force_login(rep)
    url = reverse("internships:listing_edit", args=[listing.company_id, listing.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(title="Ny rubrik", workplace=listing.workplace_id)
    response = client.post(url, data, follow=True)
    assert "granskas på nytt" in response.text
    listing.refresh_from_db()
    assert listing.title == "Ny rubrik" and listing.status == S.PENDING_REVIEW
    assert client.get(reverse("internships:listing", args=[listing.pk])).status_code == 404


def test_expire_listings_command(listing):
    PeriodFactory(listing=listing, start_date=in_days(1), end_date=in_days(5))
    future = ListingFactory(company=listing.company)
    PeriodFactory(listing=future, start_date=in_days(1), end_date=in_days(40))
    draft = ListingFactory(company=listing.company, status=S.DRAFT)
    PeriodFactory(listing=draft, start_date=in_days(1), end_date=in_days(2))

    output = StringIO()
    call_command("expire_listings", "--date", in_days(6).isoformat(), "--dry-run", stdout=output)
    assert "1 annonser skulle gå ut" in output.getvalue()
    listing.refresh_from_db()
    assert listing.status == S.PUBLISHED

    call_command("expire_listings", "--date", in_days(6).isoformat(), stdout=output)
    for item, status in ((listing, S.EXPIRED), (future, S.PUBLISHED), (draft, S.DRAFT)):
        item.refresh_from_db()
        assert item.status == status
    assert "1 annonser har gått ut" in output.getvalue()
    # Running again changes nothing (cron-safe).
    call_command("expire_listings", "--date", in_days(6).isoformat(), stdout=output)
    assert "0 annonser har gått ut" in output.getvalue()


def test_expire_listings_rejects_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Ogiltigt datum"):
        call_command("expire_listings", "--date", "31/12")


def test_listing_without_upcoming_periods_is_not_public(client, listing):
    PeriodFactory(listing=listing, start_date=in_days(-10), end_date=in_days(-5))
    assert client.get(reverse("internships:listing", args=[listing.pk])).status_code == 404


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"start_date": in_days(10), "end_date": in_days(5), "places": 2},
            "end_date",
            "Sista dag kan inte vara före första dag.",
        ),
        (
            {"start_date": in_days(-3), "end_date": in_days(5), "places": 2},
            "start_date",
            "Perioden kan inte börja i det förflutna.",
        ),
        (
            {"start_date": in_days(10), "end_date": in_days(12), "places": 0},
            "places",
            "Antalet platser måste vara minst 1.",
        ),
        (
            {"start_date": in_days(10), "end_date": in_days(12), "places": -4},
            "places",
            "Antalet platser måste vara minst 1.",
        ),
        (
            {"start_date": "12/5", "end_date": in_days(12), "places": 2},
            "start_date",
            "Ange ett datum som ÅÅÅÅ-MM-DD.",
        ),
        (
            {"start_date": in_days(10), "end_date": in_days(12), "places": "många"},
            "places",
            "Ange antalet platser som ett heltal.",
        ),
    ],
)
def test_bad_periods_get_swedish_field_errors_and_nothing_is_written(
    client, listing, rep, data, field, message
):
    client.force_login(rep)
    url = reverse("internships:period_create", args=[listing.company_id, listing.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in response.text
    assert not ListingPeriod.objects.filter(listing=listing).exists()


def test_booked_period_keeps_its_dates_and_at_least_its_booked_places(client, period, rep):
    BookingFactory(period=period, places=2)
    client.force_login(rep)
    url = reverse(
        "internships:period_edit", args=[period.listing.company_id, period.listing_id, period.pk]
    )
    base = {"start_date": period.start_date, "end_date": period.end_date}
    response = client.post(url, {**base, "places": 1})
    assert "2 platser är redan bokade" in response.text
    response = client.post(url, {"start_date": in_days(60), "end_date": in_days(61), "places": 5})
    assert "Perioden har bokningar" in response.text
    assert client.post(url, {**base, "places": 6}).status_code == 302
    period.refresh_from_db()
    assert period.places == 6
    delete = reverse(
        "internships:period_delete", args=[period.listing.company_id, period.listing_id, period.pk]
    )
    assert "kan inte tas bort" in client.post(delete, follow=True).text
