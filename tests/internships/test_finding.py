"""Finding places: /praktik/ filters and the open API (without an engine: the search app's
database copy answers)."""

import pytest
from django.urls import reverse

from internships.models import Listing

from .factories import ListingFactory, PeriodFactory, in_days

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [listing.title for listing in response.context["results"].listings]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Vårdpraktik Göteborg", "Byggpraktik Borås", "LIA Stockholm"}),
        ({"typ": ["prao", "lia"]}, {"Vårdpraktik Göteborg", "LIA Stockholm"}),
        ({"lan": "14"}, {"Vårdpraktik Göteborg", "Byggpraktik Borås"}),
        ({"kommun": "1490"}, {"Byggpraktik Borås"}),
        ({"program": "VO"}, {"Vårdpraktik Göteborg"}),
        ({"q": "bygg"}, {"Byggpraktik Borås"}),
        ({"nara": "1480", "km": "25"}, {"Vårdpraktik Göteborg"}),
        ({"nara": "1480", "km": "100"}, {"Vårdpraktik Göteborg", "Byggpraktik Borås"}),
    ],
)
def test_filters(client, places, params, expected):
    response = client.get(reverse("internships:listings"), params)
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_period_filter(client, places):
    response = client.get(
        reverse("internships:listings"), {"fran": in_days(55), "till": in_days(70)}
    )
    assert titles(response) == ["Byggpraktik Borås"]
    response = client.get(
        reverse("internships:listings"), {"fran": in_days(1), "till": in_days(300)}
    )
    assert len(titles(response)) == 3  # a long range is filtered by months


def test_distance_from_my_school_sorts_nearest_first(client, places, staff, school):
    client.force_login(staff)
    response = client.get(reverse("internships:listings"), {"skola": school.pk, "sort": "distance"})
    assert titles(response) == ["Vårdpraktik Göteborg", "Byggpraktik Borås", "LIA Stockholm"]
    distances = [listing.distance for listing in response.context["results"].listings]
    assert distances[0] < 5 and 40 < distances[1] < 80 and distances[2] > 350
    assert "km bort" in response.text


def test_distance_is_shown_when_sorted_by_date(client, places):
    response = client.get(reverse("internships:listings"), {"nara": "1480", "sort": "date"})
    distances = {item.title: item.distance for item in response.context["results"].listings}
    assert distances["Vårdpraktik Göteborg"] < 5 and distances["LIA Stockholm"] > 350


def test_without_the_engine_the_page_and_the_api_say_so(client, places):
    response = client.get(reverse("internships:listings"), {"q": "bygg"})
    assert titles(response) == ["Byggpraktik Borås"]
    assert response.context["results"].engine == "mirror"
    assert "direkt mot databasen" in response.text
    assert client.get("/api/v1/internships/listings").json()["engine"] == "mirror"


def test_bad_filter_values_do_not_break_the_page(client, places):
    response = client.get(
        reverse("internships:listings"),
        {"kommun": "9999", "km": "abc", "fran": "igår", "typ": "okänd", "page": "x"},
    )
    assert response.status_code == 200
    assert "Okänd kommunkod" in response.text
    assert len(titles(response)) == 3


def test_only_live_listings_are_found(client, places, company):
    places["boras"].status = Listing.Status.WITHDRAWN
    places["boras"].save()
    draft = ListingFactory(company=company, status=Listing.Status.DRAFT, title="Hemligt utkast")
    PeriodFactory(listing=draft)
    found = set(titles(client.get(reverse("internships:listings"))))
    assert found == {"Vårdpraktik Göteborg", "LIA Stockholm"}
    company.is_approved = False
    company.save()
    assert titles(client.get(reverse("internships:listings"))) == []


def test_api_lists_filters_and_hides_private_details(client, places):
    response = client.get(
        "/api/v1/internships/listings", {"near": "1480", "km": 100, "sort": "distance"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["title"] for item in data["results"]] == [
        "Vårdpraktik Göteborg",
        "Byggpraktik Borås",
    ]
    first = data["results"][0]
    assert (
        first["place"]["municipality_code"] == "1480" and first["place"]["exact_position"] is False
    )
    assert first["distance_km"] < 5
    detail = client.get(f"/api/v1/internships/listings/{first['id']}").json()
    assert detail["periods"][0]["free_places"] == 3
    body = response.content.decode() + str(detail)
    assert "handledare" not in body and "supervisor" not in body


def test_api_bad_input_is_a_swedish_400(client, places):
    for params, message in [
        ({"municipality": "9999"}, "Okänd kommunkod: 9999."),
        ({"type": "sommarjobb"}, "Okänd typ av praktik"),
        ({"sort": "pris"}, "Okänd sortering"),
        ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "kan inte vara före"),
    ]:
        response = client.get("/api/v1/internships/listings", params)
        assert response.status_code == 400, params
        assert message in response.json()["detail"]
    assert client.get("/api/v1/internships/listings", {"page_size": 500}).status_code == 422
    assert client.get("/api/v1/internships/listings/999999").status_code == 404


def test_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/internships/listings" in paths
    assert "/api/v1/internships/listings/{listing_id}" in paths
