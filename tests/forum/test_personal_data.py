"""Downloading one's own data, deleting the account (posts stay, by "borttagen användare"),
and purging post IP addresses after the documented 90 days."""

import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum.models import Post, Report, Subscription
from forum.services.moderation import report_post
from forum.services.subscriptions import follow_category
from syvsite.core.seed import standard_page
from tests.factories import DEFAULT_PASSWORD, make_member

from .factories import make_post, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(public_category):
    person = make_member(first_name="Vera", last_name="Vägledare", email="vera@exempel.se")
    thread = make_thread(category=public_category, author=person, title="Min tråd")
    make_post(thread=thread, author=person, body="Mitt svar", ip_address="192.0.2.10")
    follow_category(user=person, category=public_category)
    other = make_thread(category=public_category, title="Annans tråd").posts.get()
    report_post(reporter=person, post=other, reason="spam", message="Reklam")
    return person


def test_download_contains_profile_posts_subscriptions_and_reports(client, author):
    client.force_login(author)
    response = client.get(reverse("accounts:personal_data"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="syv-portalen-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == "vera@exempel.se"
    assert data["profile"]["roles"] == ["Vägledare"]
    forum = data["forum"]
    assert [t["title"] for t in forum["threads"]] == ["Min tråd"]
    assert {p["text_markdown"] for p in forum["posts"]} == {
        "Vi börjar i åk 8 med studiebesök.",
        "Mitt svar",
    }
    assert {p["ip_address"] for p in forum["posts"]} == {None, "192.0.2.10"}
    assert forum["subscriptions"][0]["category"] == "Gymnasievalet"
    assert forum["reports"][0]["message"] == "Reklam"


def test_download_requires_login(client):
    response = client.get(reverse("accounts:personal_data"))
    assert response.status_code == 302


def test_delete_account_keeps_posts_as_deleted_user(client, author, public_category):
    client.force_login(author)
    url = reverse("accounts:delete_account")
    wrong = client.post(url, {"password": "fel", "confirm": "on"})
    assert wrong.status_code == 400 and "Lösenordet stämmer inte." in wrong.content.decode()
    unconfirmed = client.post(url, {"password": DEFAULT_PASSWORD})
    assert "Kryssa i rutan" in unconfirmed.content.decode()
    assert get_user_model().objects.filter(pk=author.pk).exists()

    response = client.post(url, {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert not get_user_model().objects.filter(email="vera@exempel.se").exists()
    posts = Post.objects.filter(body_markdown="Mitt svar")
    assert posts.count() == 1 and posts.get().author is None and posts.get().ip_address is None
    assert not Subscription.objects.exists()
    assert Report.objects.get().reporter is None

    page = Client().get(posts.get().thread.get_absolute_url()).content.decode()
    assert "borttagen användare" in page and "Mitt svar" in page
    assert "Vera Vägledare" not in page and "vera@exempel.se" not in page
    # Logged out, and the session no longer works.
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_administrators_cannot_delete_themselves_here(client):
    admin = make_member(is_superuser=True)
    client.force_login(admin)
    response = client.post(
        reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(pk=admin.pk).exists()


def test_ip_addresses_are_purged_after_90_days(public_category):
    thread = make_thread(category=public_category)
    old = make_post(thread=thread, ip_address="192.0.2.1")
    recent = make_post(thread=thread, ip_address="192.0.2.2")
    Post.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    Post.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=89))
    call_command("forum_purge_ips", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None and recent.ip_address == "192.0.2.2"


def test_privacy_page_promises_the_same_retention():
    """The page shows the rules `gallra` runs (a block rendered from them), with the forum's."""
    from syvsite.privacy.retention import retention_rules

    assert {"retention_rules": ""} in standard_page("integritet")["body"]
    [rule] = [rule for rule in retention_rules() if rule.key == "forum-ip"]
    assert rule.days() == 90 and "foruminlägg" in str(rule.label)


def test_gallra_removes_forum_ips_like_forum_purge_ips(public_category):
    thread = make_thread(category=public_category)
    old = make_post(thread=thread, ip_address="192.0.2.1")
    Post.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    call_command("gallra", "--only", "forum-ip", stdout=io.StringIO(), stderr=io.StringIO())
    old.refresh_from_db()
    assert old.ip_address is None
