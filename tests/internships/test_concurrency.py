"""No period is ever overbooked, even when many schools ask for the last places at once.

Runs on PostgreSQL (row locks); fails in CI and is skipped locally on SQLite (require_postgres).
Each thread is its own browser session with its own database connection.
"""

import threading
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from internships.models import RESERVING_STATUSES, Booking

from .factories import (
    BookingFactory,
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    school_staff,
)

REQUESTS = 50


def fire_concurrently(clients: list[Client], url: str) -> list:
    barrier = threading.Barrier(len(clients))
    results: list = [None] * len(clients)

    def worker(index: int, client: Client) -> None:
        try:
            barrier.wait(timeout=60)
            response = client.post(url, {"school": client.school_id, "pupils": f"Elev {index}"})
            results[index] = (response.status_code, response.content.decode())
        except Exception as error:  # noqa: BLE001 - recorded and asserted on below
            results[index] = ("exception", repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_requests_for_the_last_places(require_postgres):
    listing = ListingFactory()
    period = PeriodFactory(listing=listing, places=5)
    BookingFactory(period=period, places=2, status=Booking.Status.ACCEPTED)  # 3 places left
    clients = []
    for _index in range(REQUESTS):
        school = SchoolFactory()
        client = Client()
        client.force_login(school_staff(school))
        client.school_id = school.pk
        clients.append(client)
    url = reverse("internships:book", args=[listing.pk, period.pk])

    results = fire_concurrently(clients, url)

    outcomes = Counter(status for status, _body in results)
    assert outcomes == {302: 3, 200: REQUESTS - 3}, outcomes
    refusals = [body for status, body in results if status == 200]
    assert all("Perioden är fullbokad" in body or "ledig plats kvar" in body for body in refusals)
    held = Booking.objects.filter(period=period, status__in=RESERVING_STATUSES).aggregate(
        total=Sum("places")
    )["total"]
    assert held == period.places == 5
    assert Booking.objects.filter(period=period).count() == 1 + 3
