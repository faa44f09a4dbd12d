"""Posting and reporting limits: refused with 429, a Swedish message and the text kept."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forum.models import Post, Report
from tests.factories import make_member

from .factories import make_post, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.FORUM_POST_RATE_LIMITS = ((60, 2), (3600, 4))


def reply(client, thread, body):
    return client.post(reverse("forum:reply", args=[thread.pk]), {"body": body})


def test_third_post_within_a_minute_is_refused(limits, member_client, public_category):
    thread = make_thread(category=public_category)
    assert reply(member_client, thread, "Ett").status_code == 302
    assert reply(member_client, thread, "Två").status_code == 302
    refused = reply(member_client, thread, "Tre, med viktig text")
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Du har skickat många inlägg på kort tid" in html
    assert "sekunder" in html
    assert "Tre, med viktig text" in html
    assert 1 <= int(refused["Retry-After"]) <= 61
    assert Post.objects.filter(author=member_client.user).count() == 2


def test_hourly_limit_applies_when_the_minute_has_passed(limits, member_client, public_category):
    thread = make_thread(category=public_category)
    for minutes in (50, 40, 30, 20):
        post = make_post(thread=thread, author=member_client.user)
        Post.objects.filter(pk=post.pk).update(
            created_at=timezone.now() - timedelta(minutes=minutes)
        )
    refused = reply(member_client, thread, "Femte")
    assert refused.status_code == 429
    assert "minuter" in refused.content.decode()
    # The oldest of the four leaves the hour window in about ten minutes.
    assert 9 * 60 <= int(refused["Retry-After"]) <= 10 * 60 + 1


def test_limits_are_per_user(limits, member_client, client, public_category):
    thread = make_thread(category=public_category)
    reply(member_client, thread, "Ett")
    reply(member_client, thread, "Två")
    client.force_login(make_member())
    assert reply(client, thread, "Någon annan").status_code == 302


def test_new_threads_count_too(limits, member_client, public_category):
    url = reverse("forum:new_thread", args=[public_category.slug])
    for number in range(2):
        member_client.post(url, {"title": f"Tråd {number}", "body": "Text"})
    refused = member_client.post(url, {"title": "Tråd 3", "body": "Text"})
    assert refused.status_code == 429 and "Tråd 3" in refused.content.decode()


def test_moderators_are_not_limited(limits, client, moderator, public_category):
    thread = make_thread(category=public_category)
    client.force_login(moderator)
    assert all(reply(client, thread, f"Info {n}").status_code == 302 for n in range(5))


def test_reports_are_limited(settings, member_client, public_category):
    settings.FORUM_REPORT_RATE_LIMITS = ((3600, 2),)
    posts = [make_thread(category=public_category).posts.get() for _ in range(3)]
    for post in posts[:2]:
        member_client.post(reverse("forum:report_post", args=[post.pk]), {"reason": "spam"})
    refused = member_client.post(
        reverse("forum:report_post", args=[posts[2].pk]), {"reason": "spam"}
    )
    assert refused.status_code == 429
    assert "anmälningar" in refused.content.decode()
    assert Report.objects.count() == 2
