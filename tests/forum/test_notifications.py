"""Followers get one mail per thread per interval, listing every new post, with unsubscribe."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum.models import NotificationEvent, Status, Subscription
from forum.services.posting import create_reply
from forum.services.subscriptions import follow_category, follow_thread
from tests.factories import make_member

from .factories import make_thread

pytestmark = pytest.mark.django_db


def send(now=None):
    from forum.services.notifications import send_pending

    return send_pending(now=now)


@pytest.fixture
def thread(public_category):
    return make_thread(category=public_category, title="Sommarjobb för 16-åringar")


@pytest.fixture
def follower(thread):
    person = make_member(first_name="Vera")
    follow_thread(user=person, thread=thread)
    return person


def test_three_replies_make_one_mail(thread, follower):
    writers = [make_member(first_name=name) for name in ("Omar", "Rut", "Sam")]
    for writer in writers:
        create_reply(author=writer, thread=thread, body=f"{writer.first_name} tipsar om kommunen.")
    call_command("forum_send_notifications", stdout=io.StringIO())
    to_follower = [m for m in mail.outbox if m.to == [follower.email]]
    assert len(to_follower) == 1
    message = to_follower[0]
    assert message.subject == "3 nya inlägg i ”Sommarjobb för 16-åringar”"
    for writer in writers:
        assert f"{writer.first_name} tipsar om kommunen." in message.body
    assert "/forum/avsluta-prenumeration/" in message.extra_headers["List-Unsubscribe"]
    assert not NotificationEvent.objects.filter(sent_at__isnull=True).exists()


def test_mail_is_plain_text_not_html_escaped(public_category):
    thread = make_thread(category=public_category, title="PRAO & APL <åk 8>")
    reader = make_member()
    follow_thread(user=reader, thread=thread)
    create_reply(author=make_member(), thread=thread, body="Tips & <tricks> för **APL**")
    send()
    assert mail.outbox[0].subject == "Nytt inlägg i ”PRAO & APL <åk 8>”"
    assert "Tips & <tricks> för APL" in mail.outbox[0].body


def test_authors_follow_their_threads_and_are_not_mailed_about_own_posts(thread, follower):
    writer = make_member()
    create_reply(author=writer, thread=thread, body="Jag svarar.")
    assert Subscription.objects.filter(user=writer, thread=thread).exists()
    send()
    assert [m.to for m in mail.outbox] == [[follower.email]]
    create_reply(author=follower, thread=thread, body="Tack!")
    send(now=timezone.now() + timedelta(minutes=16))
    assert [m.to for m in mail.outbox][-1] == [writer.email]


def test_second_batch_waits_for_the_interval(thread, follower):
    writer = make_member()
    create_reply(author=writer, thread=thread, body="Första.")
    start = timezone.now()
    assert send(now=start)["sent"] == 1
    create_reply(author=writer, thread=thread, body="Andra.")
    create_reply(author=writer, thread=thread, body="Tredje.")
    assert send(now=start + timedelta(minutes=5)) == {
        "sent": 0, "waiting": 1, "dropped": 0, "failed": 0,
    }  # fmt: skip
    assert len(mail.outbox) == 1
    assert send(now=start + timedelta(minutes=15))["sent"] == 1
    assert len(mail.outbox) == 2
    assert "Andra." in mail.outbox[1].body and "Tredje." in mail.outbox[1].body


def test_category_followers_hear_about_new_threads(public_category):
    person = make_member()
    follow_category(user=person, category=public_category)
    from forum.services.posting import create_thread

    create_thread(author=make_member(), category=public_category, title="Ny", body="Hej")
    send()
    assert mail.outbox[0].to == [person.email]
    assert "Sluta följa kategorin" in mail.outbox[0].body


def test_hidden_posts_and_lost_access_send_nothing(members_category, thread, follower):
    writer = make_member()
    post = create_reply(author=writer, thread=thread, body="Snart dold.")
    post.status = Status.HIDDEN
    post.save()
    assert send()["dropped"] == 1
    secret = make_thread(category=members_category)
    leaver = make_member()
    follow_thread(user=leaver, thread=secret)
    create_reply(author=writer, thread=secret, body="Internt.")
    leaver.email_verified_at = None  # no longer a member: may not read members-only threads
    leaver.save()
    send()
    assert mail.outbox == []


def test_pending_posts_notify_only_when_approved(settings, thread, follower, moderator):
    settings.FORUM_APPROVAL_THRESHOLD = 1
    post = create_reply(author=make_member(), thread=thread, body="Nybörjarfråga")
    assert post.status == Status.PENDING
    send()
    assert mail.outbox == []
    from forum.services.moderation import approve_post

    approve_post(moderator=moderator, post=post)
    send()
    assert "Nybörjarfråga" in mail.outbox[0].body


def test_unsubscribe_link_works_without_login(thread, follower):
    create_reply(author=make_member(), thread=thread, body="Svar")
    send()
    link = re.search(r"http://testserver(/forum/avsluta-prenumeration/\S+/)", mail.outbox[0].body)
    anonymous = Client()
    page = anonymous.get(link.group(1))
    assert page.status_code == 200 and "Sommarjobb för 16-åringar" in page.content.decode()
    assert Subscription.objects.filter(user=follower, thread=thread).exists()  # GET changes nothing
    done = anonymous.post(link.group(1))
    assert "Du får inte längre mejl" in done.content.decode()
    assert not Subscription.objects.filter(user=follower, thread=thread).exists()


def test_tampered_unsubscribe_link_is_refused(client):
    response = client.get(reverse("forum:unsubscribe", args=["eyJ1IjoxfQ:fel:signatur"]))
    assert response.status_code == 400
    assert "Länken är ogiltig" in response.content.decode()
