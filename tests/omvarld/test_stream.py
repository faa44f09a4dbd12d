"""/omvarld/: the stream with filters, search over items, feed health and "make a news article"."""

import pytest
from django.test import Client

from guidance_plans.models import NewsPage
from omvarld.models import FeedItem
from omvarld.services.feeds import fetch_feed
from syvsite.accounts.roles import Role
from tests.factories import make_member

from .conftest import ATOM, RSS, fixture_bytes, make_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetched(local_server, rules):
    scb = make_feed(
        local_server,
        "/scb.atom",
        slug="scb",
        name="SCB – statistiknyheter",
        body=fixture_bytes("scb_statistiknyheter.atom"),
        content_type=ATOM,
    )
    agency = make_feed(
        local_server,
        "/nyheter.rss",
        slug="myndighet",
        name="Myndighetens nyheter",
        body=fixture_bytes("myndighet_nyheter.rss"),
        content_type=RSS,
    )
    broken = make_feed(local_server, "/trasig", slug="trasig", name="Trasigt flöde", status=503)
    for feed in (scb, agency, broken):
        fetch_feed(feed=feed)
    return {"scb": scb, "agency": agency, "broken": broken}


def _titles(response) -> list[str]:
    return [item.title for item in response.context["items"]]


@pytest.mark.usefixtures("fetched")
def test_stream_filters_by_source_and_theme(client):
    response = client.get("/omvarld/")
    assert response.status_code == 200
    assert len(_titles(response)) == 4
    assert _titles(response)[0].startswith("Nya allmänna råd")  # newest first
    assert "1 källa går inte att hämta just nu" in response.content.decode()
    assert all(
        t.startswith(("Arbetskraft", "Universitet"))
        for t in _titles(client.get("/omvarld/?kalla=scb"))
    )
    assert _titles(client.get("/omvarld/?tema=vidareutbildning")) == [
        "Ansökan till yrkeshögskolan öppnar (testpost utan guid)",
        "Universitet och högskolor: examinerade (testpost)",
    ]
    assert _titles(client.get("/omvarld/?kalla=scb&tema=vagledning")) == []
    assert (
        len(_titles(client.get("/omvarld/?kalla=finns-inte"))) == 4
    )  # unknown filters are ignored


@pytest.mark.usefixtures("fetched")
def test_items_are_searchable(client):
    assert _titles(client.get("/omvarld/?q=yrkeshögskola")) == [
        "Ansökan till yrkeshögskolan öppnar (testpost utan guid)"
    ]


@pytest.mark.usefixtures("fetched")
def test_feed_health_is_shown(client):
    page = client.get("/omvarld/kallor/").content.decode()
    assert "Trasigt flöde" in page and "Servern svarade HTTP 503." in page
    assert "Fungerar" in page and "Fel" in page


@pytest.mark.usefixtures("fetched")
def test_editor_turns_an_item_into_a_draft_news_article():
    item = FeedItem.objects.get(key="nyhet-1001")
    editor = Client()
    editor.force_login(make_member(role=Role.MODERATOR))
    assert "Gör en nyhet av posten" in editor.get("/omvarld/").content.decode()
    response = editor.post(f"/omvarld/{item.pk}/gor-nyhet/")
    item.refresh_from_db()
    page = NewsPage.objects.get(pk=item.news_page_id)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live  # the editor reads it through and publishes it
    assert page.title == item.title
    assert page.source_url == "https://myndighet.example/nyheter/allmanna-rad/"
    assert page.source_name == "Myndighet myndighet"
    assert [theme.slug for theme in page.themes.all()] == ["vagledning"]
    assert "vägledning" in page.body[0].value.source
    # A second click leads to the same draft, not a copy.
    editor.post(f"/omvarld/{item.pk}/gor-nyhet/")
    assert NewsPage.objects.filter(title=item.title).count() == 1


@pytest.mark.usefixtures("fetched")
def test_only_editors_make_news(client):
    item = FeedItem.objects.first()
    assert client.post(f"/omvarld/{item.pk}/gor-nyhet/").status_code == 302  # to log in
    client.force_login(make_member())
    assert "Gör en nyhet av posten" not in client.get("/omvarld/").content.decode()
    assert client.post(f"/omvarld/{item.pk}/gor-nyhet/").status_code == 403
    assert client.get(f"/omvarld/{item.pk}/gor-nyhet/").status_code == 405
    assert not NewsPage.objects.exists()
