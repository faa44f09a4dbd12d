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
