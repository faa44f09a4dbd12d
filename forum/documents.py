"""Forum threads and replies in the unified search.

Visibility comes from the category: "members" for members-only categories, else "public", so
search.services never shows members-only talk to anonymous visitors. Only published content
is indexed: hidden, deleted and unapproved posts (and everything in such threads) are not.

A thread's replies carry its title, category and visibility. Re-indexing them on every thread
save would redo a long thread's every reply for each new post, so the services that change
those things call `threads_changed` instead, and a category's visibility or name changed in
the admin re-queues its threads below. Draining the outbox asks the querysets here whether
each object still belongs, so hidden or moved content is removed or updated.
"""

from collections.abc import Iterable

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from elasticsearch_dsl import Integer, Keyword

from search.documents import VISIBILITY_MEMBERS, VISIBILITY_PUBLIC, BaseDocument
from search.outbox import enqueue
from search.registry import Facet, Related, SearchType, register
from syvsite.core.sanitise import plain_text

from .models import Category, Post, Status, Thread

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
    """What threads and replies take from their category; search.indexing.prepare_source
    fills the common fields a forum text has no value for (region, audience, location)."""
    return {
        "visibility": _visibility(category),
        "tags": [category.name],
        "category": category.name,
    }


def thread_queryset():
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


# Changes the search signals cannot see by themselves -------------------------------------


def threads_changed(*, thread_ids: Iterable[int]) -> None:
    """Re-queue these threads and their replies (title, category or visibility changed)."""
    thread_ids = list(thread_ids)
    if not thread_ids:
        return
    enqueue(doc_type=THREAD_TYPE, object_ids=thread_ids)
    post_ids = Post.objects.filter(thread_id__in=thread_ids, is_opening=False)
    enqueue(doc_type=POST_TYPE, object_ids=post_ids.values_list("pk", flat=True))


INDEXED_CATEGORY_FIELDS = ("visibility", "name")


@receiver(pre_save, sender=Category, dispatch_uid="forum-category-remember")
def remember_indexed_values(sender, instance: Category, **kwargs) -> None:
    previous = Category.objects.filter(pk=instance.pk).values(*INDEXED_CATEGORY_FIELDS).first()
    instance._indexed_before = previous


@receiver(post_save, sender=Category, dispatch_uid="forum-category-reindex")
def reindex_when_visibility_changes(sender, instance: Category, created: bool, **kwargs) -> None:
    """Staff changed a category's visibility or name (Wagtail snippet): re-queue its threads."""
    before = getattr(instance, "_indexed_before", None)
    if created or before is None:
        return
    if any(before[field] != getattr(instance, field) for field in INDEXED_CATEGORY_FIELDS):
        threads_changed(thread_ids=instance.threads.values_list("pk", flat=True))
