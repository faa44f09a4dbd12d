"""/api/v1/methods/: the open, documented JSON view of the published methods."""

import pytest
from django.test import Client

from .factories import make_method

pytestmark = pytest.mark.django_db


def test_list_filters_and_details():
    interview = make_method(title="Yrkesintervju", themes=("arbetsmarknadskunskap",))
    make_method(title="Livslinjen", themes=("sjalvkannedom",), target_groups=("vuxenutbildning",))
    make_method(title="Utkast", live=False)
    client = Client()
    answer = client.get(
        "/api/v1/methods/?tema=arbetsmarknadskunskap&malgrupp=grundskola-7-9"
    ).json()
    assert answer["count"] == 1
    assert answer["results"][0]["title"] == "Yrkesintervju"
    assert answer["results"][0]["themes"] == [
        {"slug": "arbetsmarknadskunskap", "name": "Arbetsmarknadskunskap"}
    ]
    assert client.get("/api/v1/methods/").json()["count"] == 2  # no drafts
    detail = client.get(f"/api/v1/methods/{interview.pk}").json()
    assert detail["steps"] == [{"title": "Steg 1", "instructions": "Gör så här.", "minutes": 10}]
    assert detail["url"] == "http://testserver/metoder/yrkesintervju/"


def test_bad_input_is_a_clear_4xx():
    client = Client()
    assert client.get("/api/v1/methods/999999").status_code == 404
    assert client.get("/api/v1/methods/?page_size=5000").status_code == 422
    assert client.get("/api/v1/methods/?sort=nonsense&tid=evig").status_code == 200


def test_openapi_describes_the_method_endpoints():
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/methods/" in schema["paths"]
    assert "MethodOut" in schema["components"]["schemas"]
    vocab = Client().get("/api/v1/methods/vocabularies").json()
    assert len(vocab["target_groups"]) == 7 and len(vocab["durations"]) == 4


def test_a_page_longer_than_one_search_call(monkeypatch):
    # search answers at most MAX_PER_PAGE hits a call, while page_size goes up to 100.
    monkeypatch.setattr("methods.selectors.MAX_PER_PAGE", 2)
    for number in range(5):
        make_method(title=f"Metod {number}", published_days_ago=number)
    client = Client()

    def titles(page: int) -> list[str]:
        answer = client.get(f"/api/v1/methods/?page_size=3&page={page}").json()
        return [method["title"] for method in answer["results"]]

    assert titles(1) == ["Metod 0", "Metod 1", "Metod 2"]
    assert titles(2) == ["Metod 3", "Metod 4"]
    past_the_end = client.get("/api/v1/methods/?page_size=3&page=9").json()
    assert (past_the_end["count"], past_the_end["page"], past_the_end["pages"]) == (5, 2, 2)
    assert len(client.get("/api/v1/methods/?page_size=100").json()["results"]) == 5
