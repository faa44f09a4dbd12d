"""Forum content in the unified search (real engine): members-only never reaches anonymous users."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from forum.documents import POST_TYPE, THREAD_TYPE
from forum.models import Visibility
from forum.services.moderation import hide_post, move_thread
from forum.services.posting import create_reply
from search.services import search
from tests.factories import make_member

from .factories import make_post, make_thread

pytestmark = [pytest.mark.django_db, pytest.mark.search]
TYPES = [THREAD_TYPE, POST_TYPE]


def titles(user, query: str) -> set[str]:
    result = search(query=query, types=TYPES, user=user)
    assert result.engine_used, result.notice
    return {hit.title for hit in result.hits}


@pytest.fixture
def content(search_engine, public_category, members_category):
    public = make_thread(
        category=public_category,
        title="Praoveckan i åk 8",
        body="Hur ordnar ni prao för alla elever i åk 8?",
    )
    make_post(thread=public, body="Vi samarbetar med näringslivsrådet om prao.")
    secret = make_thread(
        category=members_category,
        title="Konflikt med rektorn om praon",
        body="Rektorn vill stryka praon i år.",
    )
    search_engine.drain()
    return {"public": public, "secret": secret}


def test_anonymous_finds_public_threads_and_replies_only(content):
    found = titles(AnonymousUser(), "prao")
    assert "Praoveckan i åk 8" in found
    assert "Svar i: Praoveckan i åk 8" in found
    assert not any("rektorn" in title.lower() for title in found)


def test_member_also_finds_members_only_threads(content):
    found = titles(make_member(), "prao")
    assert {"Praoveckan i åk 8", "Konflikt med rektorn om praon"} <= found


def test_search_page_and_api_respect_visibility(content):
    anonymous = Client()
    page = anonymous.get("/sok/", {"q": "rektorn prao"}).content.decode()
    assert "Konflikt med rektorn" not in page
    api = anonymous.get("/api/v1/search/", {"q": "rektorn"}).content.decode()
    assert "Konflikt med rektorn" not in api and "Rektorn vill stryka" not in api
    suggestions = anonymous.get("/api/v1/search/suggest", {"q": "Konf"}).json()
    assert "Konflikt med rektorn om praon" not in str(suggestions)

    member = Client()
    member.force_login(make_member())
    assert (
        "Konflikt med rektorn" in member.get("/api/v1/search/", {"q": "rektorn"}).content.decode()
    )


def test_hidden_pending_and_deleted_posts_are_not_indexed(settings, search_engine, content,
                                                          moderator):  # fmt: skip
    thread = content["public"]
    reply = thread.posts.get(is_opening=False)
    assert str(reply.pk) in search_engine.ids(POST_TYPE)
    hide_post(moderator=moderator, post=reply, reason="Test")
    settings.FORUM_APPROVAL_THRESHOLD = 1
    pending = create_reply(author=make_member(), thread=thread, body="Väntande om prao")
    search_engine.drain()
    ids = search_engine.ids(POST_TYPE)
    assert str(reply.pk) not in ids and str(pending.pk) not in ids


def test_category_made_members_only_disappears_for_anonymous(search_engine, content):
    category = content["public"].category
    category.visibility = Visibility.MEMBERS
    category.save()  # what the Wagtail snippet form does
    search_engine.drain()
    assert titles(AnonymousUser(), "prao") == set()
    assert "Svar i: Praoveckan i åk 8" in titles(make_member(), "prao")


def test_moved_thread_takes_its_replies_along(search_engine, content, members_category,
                                              moderator):  # fmt: skip
    move_thread(moderator=moderator, thread=content["public"], category=members_category)
    search_engine.drain()
    assert titles(AnonymousUser(), "prao") == set()


def test_edited_title_reaches_the_replies(search_engine, content):
    thread = content["public"]
    opening = thread.posts.get(is_opening=True)
    from forum.services.posting import edit_post

    edit_post(user=thread.author, post=opening, body="Ny text om studiebesök", title="Studiebesök")
    search_engine.drain()
    assert "Svar i: Studiebesök" in titles(AnonymousUser(), "näringslivsrådet")
    assert "Studiebesök" in titles(AnonymousUser(), "studiebesök")
