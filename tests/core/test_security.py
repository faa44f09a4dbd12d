import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_forms_refuse_posts_without_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "a@b.se", "password": "x"})
    assert response.status_code == 403


def test_site_is_swedish_even_for_english_browsers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="sv">' in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_visitor_can_switch_language_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "På svenska" in page
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    assert '<html lang="sv">' in client.get("/").content.decode()


def test_set_language_ignores_offsite_next(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_language_link_switches_and_ignores_offsite_next(client):
    response = client.get("/sprak/en/", {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert '<html lang="en">' in client.get("/").content.decode()
    assert client.get("/sprak/xx/", {"next": "/"}).status_code == 404
