"""Threads, replies, paging, unread markers, quoting, the edit window and soft deletion."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forum.models import Post, ReadMarker, Status, Subscription, Thread
from tests.factories import make_member

from .factories import make_post, make_thread

pytestmark = pytest.mark.django_db


def new_thread(client, category, **data):
    payload = {"title": "Studiebesök på gymnasiemässan", "body": "Hur **planerar** ni dagen?"}
    return client.post(reverse("forum:new_thread", args=[category.slug]), {**payload, **data})


def test_member_starts_a_thread_rendered_from_markdown(member_client, public_category):
    response = new_thread(member_client, public_category)
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    post = thread.posts.get()
    assert post.body_markdown == "Hur **planerar** ni dagen?"
    assert post.body_html.strip() == "<p>Hur <strong>planerar</strong> ni dagen?</p>"
    assert post.ip_address == "127.0.0.1"
    page = member_client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>planerar</strong>" in page
    # Starting a thread follows it.
    assert Subscription.objects.filter(user=member_client.user, thread=thread).exists()


def test_anonymous_is_sent_to_login_and_non_member_is_refused(client, public_category):
    response = new_thread(client, public_category)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(make_member(email_verified_at=None))
    refused = new_thread(client, public_category)
    assert refused.status_code == 403
    assert "Bara verifierade vägledare" in refused.content.decode()
    assert not Thread.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Skriv en rubrik för tråden."),
        ({"title": "   "}, "Skriv en rubrik för tråden."),
        ({"title": "x" * 151}, "Rubriken får vara högst 150 tecken"),
        ({"body": ""}, "Inlägget är tomt. Skriv någon text."),
        ({"body": "![](https://exempel.se/bild.png)"}, "Inlägget är tomt."),
        ({"body": "a" * 1_000_000}, "Inlägget är för långt: 1 000 000 tecken. Högst 20 000"),
        ({"title": "Noll\x00byte"}, "Null-tecken"),
    ],
)
def test_bad_input_is_refused_with_swedish_message_and_text_kept(
    member_client, public_category, data, message
):
    response = new_thread(member_client, public_category, **data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html or message in html.replace("\xa0", " ")
    assert not Thread.objects.exists()
    if data.get("body", "").startswith("!["):
        assert "https://exempel.se/bild.png" in html  # what they wrote is still in the form


def test_reply_quote_and_paging(member_client, public_category, settings):
    settings.FORUM_POSTS_PER_PAGE = 3
    other = make_member(first_name="Omar", last_name="Haddad")
    thread = make_thread(category=public_category, author=other, body="Vi kör **prao** i åk 8.")
    for number in range(3):
        make_post(thread=thread, author=other, body=f"Svar {number}")
    opening = thread.posts.get(is_opening=True)

    page = member_client.get(thread.get_absolute_url(), {"citera": opening.pk}).content.decode()
    assert "&gt; **Omar Haddad skrev:**" in page
    assert "&gt; Vi kör **prao** i åk 8." in page

    response = member_client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "> **Omar Haddad skrev:**\n> Vi kör prao\n\nSamma här!"},
    )
    reply = Post.objects.latest("pk")
    assert response["Location"] == reverse("forum:post", args=[reply.pk])
    assert "<blockquote>" in reply.body_html
    # The permalink leads to the page the post is on (5th post, 3 per page → page 2).
    permalink = member_client.get(reverse("forum:post", args=[reply.pk]))
    assert permalink["Location"] == f"{thread.get_absolute_url()}?page=2#inlagg-{reply.pk}"
    thread.refresh_from_db()
    assert thread.reply_count == 4 and thread.last_post_id == reply.pk
    # Page numbers that are not numbers show the last sensible page, never a 500.
    assert member_client.get(thread.get_absolute_url(), {"page": "abc"}).status_code == 200
    assert member_client.get(thread.get_absolute_url(), {"page": "999"}).status_code == 200


def test_unread_markers_follow_what_the_member_has_seen(member_client, public_category):
    thread = make_thread(category=public_category, title="Nya prognoser")
    listing = member_client.get(public_category.get_absolute_url()).content.decode()
    assert "Nya inlägg" in listing  # never opened

    member_client.get(thread.get_absolute_url())
    marker = ReadMarker.objects.get(user=member_client.user, thread=thread)
    assert marker.last_read_post_id == thread.last_post_id
    assert (
        "Nya inlägg" not in member_client.get(public_category.get_absolute_url()).content.decode()
    )

    newer = make_post(thread=thread, body="Arbetsförmedlingen har publicerat nya siffror.")
    assert "Nya inlägg" in member_client.get(public_category.get_absolute_url()).content.decode()
    page = member_client.get(thread.get_absolute_url()).content.decode()
    assert f'forum-post forum-post--new" id="inlagg-{newer.pk}"' in page


def test_wrong_slug_redirects_to_the_canonical_address(client, public_category):
    thread = make_thread(category=public_category, title="Åk 9 och gymnasievalet")
    response = client.get(reverse("forum:thread", args=[thread.pk, "fel"]))
    assert response.status_code == 301
    assert response["Location"] == f"/forum/trad/{thread.pk}/ak-9-och-gymnasievalet/"


def test_edit_within_window_marks_post_edited(member_client, public_category):
    thread = make_thread(category=public_category, author=member_client.user)
    post = thread.posts.get()
    url = reverse("forum:edit_post", args=[post.pk])
    response = member_client.post(url, {"title": "Ny rubrik", "body": "Rättad text"})
    assert response.status_code == 302
    post.refresh_from_db()
    thread.refresh_from_db()
    assert post.body_html.strip() == "<p>Rättad text</p>" and post.edited_at is not None
    assert thread.title == "Ny rubrik"
    assert "redigerad" in member_client.get(thread.get_absolute_url()).content.decode()


def test_edit_after_window_and_by_others_is_refused(member_client, public_category):
    thread = make_thread(category=public_category, author=member_client.user)
    post = thread.posts.get()
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    response = member_client.post(reverse("forum:edit_post", args=[post.pk]), {"body": "Sent"})
    assert response.status_code == 403
    assert "i 30 minuter" in response.content.decode()
    others = make_thread(category=public_category).posts.get()
    assert member_client.get(reverse("forum:edit_post", args=[others.pk])).status_code == 403
    post.refresh_from_db()
    assert post.body_markdown != "Sent"


def test_soft_deleted_reply_leaves_a_placeholder(member_client, public_category):
    thread = make_thread(category=public_category)
    mine = make_post(thread=thread, author=member_client.user, body="Fel tråd, förlåt")
    response = member_client.post(reverse("forum:delete_post", args=[mine.pk]))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Status.DELETED and mine.body_markdown == "Fel tråd, förlåt"
    page = member_client.get(thread.get_absolute_url()).content.decode()
    assert "Inlägget har tagits bort av skribenten." in page
    assert "Fel tråd, förlåt" not in page
    thread.refresh_from_db()
    assert thread.reply_count == 0


def test_deleting_opening_post_of_unanswered_thread_removes_thread(member_client, public_category):
    thread = make_thread(category=public_category, author=member_client.user)
    member_client.post(reverse("forum:delete_post", args=[thread.posts.get().pk]))
    thread.refresh_from_db()
    assert thread.status == Status.DELETED
    assert member_client.get(thread.get_absolute_url()).status_code == 404


def test_locked_thread_refuses_replies(member_client, public_category):
    thread = make_thread(category=public_category)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Hej"})
    assert response.status_code == 403
    assert "Tråden är låst" in response.content.decode()
    assert thread.posts.count() == 1
    assert "Tråden är låst" in member_client.get(thread.get_absolute_url()).content.decode()


def test_follow_and_unfollow_category(member_client, public_category):
    url = reverse("forum:follow_category", args=[public_category.slug])
    member_client.post(url)
    assert Subscription.objects.filter(category=public_category).count() == 1
    member_client.post(url)  # a double click does not make a second subscription
    assert Subscription.objects.filter(category=public_category).count() == 1
    member_client.post(url, {"follow": "0"})
    assert not Subscription.objects.exists()


def test_page_queries_do_not_grow_with_posts_or_threads(member_client, public_category):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert member_client.get(url).status_code == 200
        return len(captured)

    small = make_thread(category=public_category, title="Liten")
    big = make_thread(category=public_category, title="Stor")
    for _ in range(19):
        make_post(thread=big, author=make_member(), body="Svar från en ny kollega")
    member_client.get(small.get_absolute_url())  # first visit creates the read marker
    member_client.get(big.get_absolute_url())
    assert queries(big.get_absolute_url()) == queries(small.get_absolute_url())
    before = queries(public_category.get_absolute_url())
    for number in range(10):
        make_thread(category=public_category, title=f"Fler {number}")
    assert queries(public_category.get_absolute_url()) == before
