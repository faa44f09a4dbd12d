"""Forum threads and replies in the unified search.

Visibility comes from the category: "members" for members-only categories, else "public", so
search.services never shows members-only talk to anonymous visitors. Only published content
is indexed: hidden, deleted and unapproved posts (and everything in such threads) are not.
Changes the signals cannot see (a thread moved or hidden, a category made members-only) are
re-queued by forum.indexing.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from elasticsearch_dsl import Integer, Keyword

from search.documents import VISIBILITY_MEMBERS, VISIBILITY_PUBLIC, BaseDocument
from search.registry import Facet, Related, SearchType, register
from syvsite.core.sanitise import plain_text

THREAD_TYPE = "forum_thread"
POST_TYPE = "forum_post"


class ForumThreadDocument(BaseDocument):
    category = Keyword()
    reply_count = Integer()


class ForumPostDocument(BaseDocument):
    category = Keyword()


def _visibility(category) -> str:
    return VISIBILITY_MEMBERS if category.is_members_only else VISIBILITY_PUBLIC


def _common(*, category) -> dict:
    return {
        "county": [],
        "municipality": [],
        "audience": [],
        "visibility": _visibility(category),
        "location": None,
        "tags": [category.name],
        "category": category.name,
    }


def thread_queryset():
    from .models import Status, Thread

    return Thread.objects.filter(status=Status.PUBLISHED).select_related("category")


def thread_to_document(thread) -> dict:
    opening = thread.posts.filter(is_opening=True).first()
    text = plain_text(opening.body_html) if opening else ""
    return {
        "title": thread.title,
        "summary": Truncator(text).chars(300),
        "body": text,
        "url": thread.get_absolute_url(),
        "date": thread.last_post_at or thread.created_at,
        "reply_count": thread.reply_count,
        **_common(category=thread.category),
    }


def post_queryset():
    from .models import Post, Status

    return Post.objects.filter(
        status=Status.PUBLISHED, is_opening=False, thread__status=Status.PUBLISHED
    ).select_related("thread__category")


def post_to_document(post) -> dict:
    text = plain_text(post.body_html)
    return {
        "title": _("Svar i: %(title)s") % {"title": post.thread.title},
        "summary": Truncator(text).chars(300),
        "body": text,
        "url": post.get_absolute_url(),
        "date": post.created_at,
        **_common(category=post.thread.category),
    }


def _opening_thread_id(post) -> list[int]:
    return [post.thread_id] if post.is_opening else []


# Plain strings: search's API schema wants str, and the labels are Swedish source text anyway.
CATEGORY_FACET = Facet("category", gettext_noop("Forumkategori"))

register(
    SearchType(
        name=THREAD_TYPE,
        label=gettext_noop("Forumtrådar"),
        document=ForumThreadDocument,
        model="forum.Thread",
        get_queryset=thread_queryset,
        to_document=thread_to_document,
        facets=(CATEGORY_FACET,),
        # Editing the opening post changes the thread's summary and body.
        related=(Related("forum.Post", _opening_thread_id),),
        sortable=("reply_count",),
    )
)
register(
    SearchType(
        name=POST_TYPE,
        label=gettext_noop("Foruminlägg"),
        document=ForumPostDocument,
        model="forum.Post",
        get_queryset=post_queryset,
        to_document=post_to_document,
        facets=(CATEGORY_FACET,),
    )
)
