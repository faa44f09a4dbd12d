"""A NUL character in the address gets a clear refusal, never a 500 (PostgreSQL cannot store it)."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_parameter_with_nul_answers_422_naming_the_parameter(client):
    response = client.get("/api/v1/rekas/admissions", {"municipality": "14\x0080"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "municipality"]
    assert "otillåtet tecken" in response.json()["detail"][0]["msg"]


def test_search_page_drops_nul_and_searches_the_rest(client):
    response = client.get("/sok/", {"q": "yrkes\x00val"})

    assert response.status_code == 200
    assert 'value="yrkesval"' in response.content.decode()


def test_page_path_with_nul_answers_400_in_swedish(client):
    response = client.get("/metoder/a%00b/")

    page = response.content.decode()
    assert response.status_code == 400
    assert 'lang="sv"' in page and "otillåtet tecken" in page


def test_search_api_and_pages_still_answer_ordinary_queries(client):
    assert client.get("/api/v1/rekas/admissions", {"municipality": "1480"}).status_code == 200
    assert client.get("/sok/", {"q": "yrkesval"}).status_code == 200
