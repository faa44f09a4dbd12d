"""Geo filtering and indexing on the real search engine (OpenSearch at SEARCH_URL)."""

import pytest
from django.urls import reverse

from internships.models import Booking, Listing
from internships.services.bookings import request_booking
from search import indices

from .factories import in_days

pytestmark = [pytest.mark.django_db, pytest.mark.search]


@pytest.fixture
def indexed(search_engine, places):
    search_engine.drain()
    return places


def titles(response) -> list[str]:
    return [listing.title for listing in response.context["results"].listings]


def test_geo_distance_filter_and_sort_run_in_the_engine(client, indexed, search_engine):
    assert search_engine.count("internship") == 3
    response = client.get(reverse("internships:listings"), {"nara": "1480", "km": "25"})
    assert response.context["results"].engine == "engine"
    assert titles(response) == ["Vårdpraktik Göteborg"]

    response = client.get(
        reverse("internships:listings"), {"nara": "1480", "km": "100", "sort": "distance"}
    )
    assert titles(response) == ["Vårdpraktik Göteborg", "Byggpraktik Borås"]
    distances = [listing.distance for listing in response.context["results"].listings]
    assert distances[0] < 5 < 40 < distances[1] < 80  # from the engine's _geo_distance sort

    response = client.get(reverse("internships:listings"), {"nara": "0180", "sort": "distance"})
    assert titles(response) == ["LIA Stockholm", "Byggpraktik Borås", "Vårdpraktik Göteborg"]


def test_facets_and_period_filter_in_the_engine(client, indexed):
    response = client.get(reverse("internships:listings"), {"typ": "apl", "lan": "14"})
    assert titles(response) == ["Byggpraktik Borås"]
    response = client.get(reverse("internships:listings"), {"program": "VO", "q": "vård"})
    assert titles(response) == ["Vårdpraktik Göteborg"]
    response = client.get(
        reverse("internships:listings"), {"fran": in_days(95), "till": in_days(110)}
    )
    assert titles(response) == ["LIA Stockholm"]


def test_api_uses_the_engine(client, indexed):
    data = client.get(
        "/api/v1/internships/listings", {"near": "1480", "km": 100, "sort": "distance"}
    ).json()
    assert data["engine"] == "engine"
    assert [item["title"] for item in data["results"]] == [
        "Vårdpraktik Göteborg",
        "Byggpraktik Borås",
    ]


def test_changes_reach_the_index(client, indexed, search_engine, school, staff, company):
    goteborg = indexed["goteborg"]
    period = goteborg.periods.get()
    request_booking(period_id=period.pk, school=school, requested_by=staff, pupil_names=["A", "B"])
    search_engine.drain()
    alias = indices.alias_name("internship")
    source = search_engine.engine.request("GET", f"/{alias}/_doc/{goteborg.pk}", timeout=30)[
        "_source"
    ]
    assert source["free_places"] == 1
    assert Booking.objects.count() == 1

    goteborg.status = Listing.Status.WITHDRAWN
    goteborg.save()
    search_engine.drain()
    assert str(goteborg.pk) not in search_engine.ids("internship")

    company.is_approved = False
    company.save()
    search_engine.drain()
    assert search_engine.ids("internship") == set()
