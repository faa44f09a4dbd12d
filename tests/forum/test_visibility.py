"""Members-only categories never reach anonymous visitors or unverified accounts: 404 everywhere."""

import pytest
from django.urls import reverse

from forum.models import Status
from tests.factories import UserFactory

from .factories import make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads(public_category, members_category):
    return {
        "public": make_thread(category=public_category, title="Öppen fråga om antagningen"),
        "members": make_thread(category=members_category, title="Hemlig fråga om en kollega"),
    }


def test_anonymous_sees_public_category_but_not_members_only(client, threads):
    index = client.get(reverse("forum:index")).content.decode()
    assert "Gymnasievalet" in index
    assert "Medlemsrummet" not in index
    assert client.get(reverse("forum:category", args=["gymnasievalet"])).status_code == 200
    assert client.get(reverse("forum:category", args=["medlemsrummet"])).status_code == 404


def test_anonymous_gets_404_for_members_only_thread_post_and_actions(client, threads):
    secret = threads["members"]
    post = secret.posts.get()
    for url in [
        secret.get_absolute_url(),
        reverse("forum:thread_short", args=[secret.pk]),
        reverse("forum:post", args=[post.pk]),
        reverse("forum:report_post", args=[post.pk]),
        reverse("forum:new_thread", args=["medlemsrummet"]),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Hemlig fråga" not in response.content.decode()


def test_public_thread_is_readable_without_login(client, threads):
    response = client.get(threads["public"].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Öppen fråga om antagningen" in html
    assert "Logga in för att svara" in html


def test_unverified_account_is_not_a_member(client, threads):
    unverified = UserFactory(email_verified_at=None)
    client.force_login(unverified)
    assert client.get(threads["members"].get_absolute_url()).status_code == 404
    assert "Medlemsrummet" not in client.get(reverse("forum:index")).content.decode()


def test_member_sees_members_only_category(member_client, threads):
    index = member_client.get(reverse("forum:index")).content.decode()
    assert "Medlemsrummet" in index
    response = member_client.get(threads["members"].get_absolute_url())
    assert response.status_code == 200
    assert "Hemlig fråga om en kollega" in response.content.decode()


def test_latest_threads_on_home_page_are_public_only(client, threads):
    html = client.get("/").content.decode()
    assert "Öppen fråga om antagningen" in html
    assert "Hemlig fråga" not in html


def test_hidden_and_pending_threads_are_not_listed_for_others(client, public_category, member):
    make_thread(category=public_category, title="Dold tråd", status=Status.HIDDEN)
    pending = make_thread(category=public_category, title="Väntande tråd", status=Status.PENDING)
    html = client.get(public_category.get_absolute_url()).content.decode()
    assert "Dold tråd" not in html and "Väntande tråd" not in html
    assert client.get(pending.get_absolute_url()).status_code == 404
    client.force_login(pending.author)
    assert client.get(pending.get_absolute_url()).status_code == 200


class TestApi:
    def test_anonymous_lists_only_public_categories(self, client, threads):
        body = client.get("/api/v1/forum/categories").json()
        assert [c["slug"] for c in body] == ["gymnasievalet"]
        assert body[0]["thread_count"] == 1

    def test_members_only_threads_are_404_for_anonymous(self, client, threads):
        assert client.get("/api/v1/forum/categories/medlemsrummet/threads").status_code == 404
        response = client.get(f"/api/v1/forum/threads/{threads['members'].pk}")
        assert response.status_code == 404
        assert "Hemlig" not in response.content.decode()

    def test_member_session_sees_members_only(self, member_client, threads):
        slugs = {c["slug"] for c in member_client.get("/api/v1/forum/categories").json()}
        assert slugs == {"gymnasievalet", "medlemsrummet"}
        body = member_client.get(f"/api/v1/forum/threads/{threads['members'].pk}").json()
        assert body["title"] == "Hemlig fråga om en kollega"
        assert body["results"][0]["body_html"].strip() == "<p>Vi börjar i åk 8 med studiebesök.</p>"

    def test_thread_listing_is_paged(self, client, public_category):
        for number in range(5):
            make_thread(category=public_category, title=f"Tråd {number}")
        body = client.get(
            "/api/v1/forum/categories/gymnasievalet/threads?page_size=2&page=2"
        ).json()
        assert body["count"] == 5 and body["pages"] == 3 and body["page"] == 2
        assert len(body["results"]) == 2

    def test_openapi_documents_forum_endpoints(self, client):
        paths = client.get("/api/v1/openapi.json").json()["paths"]
        assert "/api/v1/forum/threads/{thread_id}" in paths
