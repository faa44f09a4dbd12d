"""Staff manage categories as a Wagtail snippet; counsellors cannot."""

import pytest

from forum.models import Category, Visibility
from search.models import OutboxEntry
from syvsite.accounts.roles import Role
from tests.factories import make_member

from .factories import make_thread

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/forum/category/add/"


def form(**overrides):
    data = {"name": "Studie- och yrkesvägledning i gymnasiet", "slug": "gymnasiet",
            "description": "", "visibility": "members", "position": 3}  # fmt: skip
    return {**data, **overrides}


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_moderator_and_admin_create_categories(client, role):
    client.force_login(make_member(role=role))
    assert client.get("/admin/snippets/forum/category/").status_code == 200
    response = client.post(ADD_URL, form())
    assert response.status_code == 302
    assert Category.objects.get(slug="gymnasiet").visibility == Visibility.MEMBERS


def test_counsellor_cannot_reach_the_admin(client):
    client.force_login(make_member(role=Role.COUNSELLOR))
    response = client.post(ADD_URL, form())
    assert response.status_code in (302, 403)
    assert not Category.objects.exists()


def test_reserved_slug_is_refused_in_swedish(client, moderator):
    client.force_login(moderator)
    response = client.post(ADD_URL, form(slug="moderering"))
    assert response.status_code == 200
    assert "används redan av forumet" in response.content.decode()
    assert not Category.objects.exists()


def test_changing_visibility_requeues_threads_and_replies(client, moderator, public_category):
    thread = make_thread(category=public_category, replies=2)
    OutboxEntry.objects.all().delete()
    client.force_login(moderator)
    url = f"/admin/snippets/forum/category/edit/{public_category.pk}/"
    data = form(name=public_category.name, slug=public_category.slug, visibility="members")
    assert client.post(url, data).status_code == 302
    queued = set(OutboxEntry.objects.values_list("doc_type", "object_id"))
    replies = thread.posts.filter(is_opening=False)
    assert ("forum_thread", str(thread.pk)) in queued
    assert {("forum_post", str(post.pk)) for post in replies} <= queued
