"""/api/v1/internships/listings under the API's conventions: English parameters, the first
release's Swedish ones kept until version 2 with a Deprecation header, and the one pagination.
(The filters themselves: test_finding.py.)"""

import pytest

from tests.api_checks import check_paging, check_renamed

from .factories import in_days

pytestmark = pytest.mark.django_db

LISTINGS = "/api/v1/internships/listings"


def titles(answer: dict) -> set[str]:
    return {listing["title"] for listing in answer["results"]}


@pytest.mark.parametrize(
    ("renamed", "values", "other", "expected"),
    [
        ({"typ": "type"}, {"type": ["prao", "lia"]}, {}, {"Vårdpraktik Göteborg", "LIA Stockholm"}),
        ({"lan": "county"}, {"county": "14"}, {}, {"Vårdpraktik Göteborg", "Byggpraktik Borås"}),
        ({"kommun": "municipality"}, {"municipality": "1490"}, {}, {"Byggpraktik Borås"}),
        ({"program": "programme"}, {"programme": "VO"}, {}, {"Vårdpraktik Göteborg"}),
        ({"nara": "near"}, {"near": "1480"}, {"km": 25}, {"Vårdpraktik Göteborg"}),
        (
            {"fran": "date_from", "till": "date_to"},
            {"date_from": in_days(55), "date_to": in_days(70)},
            {},
            {"Byggpraktik Borås"},
        ),
    ],
)
def test_old_parameter_names_still_work_and_say_they_are_deprecated(
    client, places, renamed, values, other, expected
):
    answer = check_renamed(client, LISTINGS, renamed, values, **other)
    assert titles(answer) == expected


def test_the_new_name_wins_over_the_old_one(client, places):
    response = client.get(LISTINGS, {"municipality": "0180", "kommun": "1490"})
    assert titles(response.json()) == {"LIA Stockholm"}
    assert "kommun är föråldrat, använd municipality" in response.headers["Warning"]


def test_an_old_name_is_checked_like_the_new_one(client, places):
    response = client.get(LISTINGS, {"kommun": "9999"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Okänd kommunkod: 9999."


def test_one_pagination(client, places):
    check_paging(client, LISTINGS, count=3, page_size=2, extra={"engine"})
    check_paging(client, LISTINGS, count=3, page_size=50, extra={"engine"})
    assert client.get(LISTINGS, {"page_size": 51}).status_code == 422
