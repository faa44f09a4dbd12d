"""Writing in the forum: threads, replies, edits, soft deletion, read markers."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from syvsite.accounts.roles import is_member
from syvsite.core.sanitise import plain_text, render_markdown

from .. import conf
from ..documents import threads_changed
from ..exceptions import ForumError, NotAllowed
from ..models import Category, Post, ReadMarker, Status, Thread
from ..permissions import (
    active_suspension,
    can_delete,
    can_edit,
    can_moderate,
    can_reply,
    can_view_category,
    needs_approval,
)
from .notifications import record_new_post
from .ratelimit import check_rate
from .subscriptions import follow_thread


def validate_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ForumError(_("Skriv en rubrik för tråden."))
    if len(title) > 150:
        raise ForumError(_("Rubriken får vara högst 150 tecken."))
    return title


def validate_body(body: str) -> str:
    """Refuse empty and over-long posts; returns the Markdown source, trimmed."""
    body = (body or "").strip()
    limit = conf.get("MAX_BODY_LENGTH")
    if len(body) > limit:
        raise ForumError(
            _("Inlägget är för långt: %(length)s tecken. Högst %(limit)s tecken får plats.")
            % {
                "length": f"{len(body):,}".replace(",", " "),
                "limit": f"{limit:,}".replace(",", " "),
            }
        )
    if not plain_text(render_markdown(body)):
        raise ForumError(_("Inlägget är tomt. Skriv någon text."))
    return body


def suspension_message(user) -> str | None:
    suspension = active_suspension(user)
    if suspension is None:
        return None
    ends = timezone.localtime(suspension.ends_at).strftime("%Y-%m-%d %H:%M")
    return _("Du är avstängd från att skriva i forumet till %(ends)s. Anledning: %(reason)s") % {
        "ends": ends,
        "reason": suspension.reason,
    }


def _check_may_post(*, author, category: Category) -> None:
    if not is_member(author):
        raise NotAllowed(_("Bara medlemmar (verifierade vägledare) kan skriva i forumet."))
    if not can_view_category(author, category):
        raise NotAllowed(_("Du kan inte skriva i den här kategorin."))
    message = suspension_message(author)
    if message:
        raise NotAllowed(message)
    # Lock the author's row so two simultaneous posts cannot both slip under the limit.
    get_user_model().objects.select_for_update().filter(pk=author.pk).first()
    if not can_moderate(author):
        check_rate(
            recent=Post.objects.filter(author=author),
            limits=conf.get("POST_RATE_LIMITS"),
            what=_("inlägg"),
        )


def _new_post(*, thread: Thread, author, body: str, ip_address: str | None, opening: bool):
    now = timezone.now()
    status = Status.PENDING if needs_approval(author) else Status.PUBLISHED
    return Post.objects.create(
        thread=thread,
        author=author,
        is_opening=opening,
        body_markdown=body,
        body_html=render_markdown(body),
        status=status,
        approved_at=now if status == Status.PUBLISHED else None,
        ip_address=ip_address or None,
    )


def _after_new_post(*, author, thread: Thread, post: Post) -> None:
    """The thread's counts are updated, the author follows the thread and has read it, and
    followers are told once the post is visible."""
    refresh_thread(thread=thread)
    follow_thread(user=author, thread=thread)
    mark_read(user=author, thread=thread, post_id=post.pk)
    if post.status == Status.PUBLISHED:
        record_new_post(post=post)


@transaction.atomic
def create_thread(
    *, author, category: Category, title: str, body: str, ip_address: str | None = None
) -> Thread:
    title, body = validate_title(title), validate_body(body)
    _check_may_post(author=author, category=category)
    thread = Thread.objects.create(category=category, title=title, author=author)
    post = _new_post(thread=thread, author=author, body=body, ip_address=ip_address, opening=True)
    if post.status == Status.PENDING:
        thread.status = Status.PENDING
        thread.save(update_fields=["status"])
    _after_new_post(author=author, thread=thread, post=post)
    return thread


@transaction.atomic
def create_reply(*, author, thread: Thread, body: str, ip_address: str | None = None) -> Post:
    body = validate_body(body)
    # of=self: lock the thread row only, not its category (that would serialise a whole category).
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("category").get(pk=thread.pk)
    )
    _check_may_post(author=author, category=thread.category)
    if not can_reply(author, thread):
        if thread.is_locked:
            raise NotAllowed(_("Tråden är låst. Det går inte att svara i den längre."))
        raise NotAllowed(_("Det går inte att svara i den här tråden."))
    post = _new_post(thread=thread, author=author, body=body, ip_address=ip_address, opening=False)
    _after_new_post(author=author, thread=thread, post=post)
    return post


@transaction.atomic
def edit_post(*, user, post: Post, body: str, title: str | None = None) -> Post:
    if not can_edit(user, post):
        raise NotAllowed(
            _("Du kan bara ändra dina egna inlägg, och bara inom %(minutes)s minuter.")
            % {"minutes": int(conf.get("EDIT_WINDOW").total_seconds() // 60)}
        )
    body = validate_body(body)
    if title is not None and post.is_opening and validate_title(title) != post.thread.title:
        post.thread.title = validate_title(title)
        post.thread.save(update_fields=["title"])
        threads_changed(thread_ids=[post.thread_id])  # replies carry the title
    if body != post.body_markdown:
        post.body_markdown, post.body_html = body, render_markdown(body)
        post.edited_at = timezone.now()
        post.save(update_fields=["body_markdown", "body_html", "edited_at"])
    return post


@transaction.atomic
def delete_post(*, user, post: Post) -> Post:
    """Soft deletion by the author: the text stays for moderators, others see a placeholder.

    Deleting the opening post of a thread nobody has answered removes the whole thread.
    """
    if not can_delete(user, post):
        raise NotAllowed(_("Du kan bara ta bort dina egna inlägg."))
    post.status, post.deleted_at = Status.DELETED, timezone.now()
    post.save(update_fields=["status", "deleted_at"])
    thread = post.thread
    if post.is_opening and not thread.posts.filter(is_opening=False).exists():
        thread.status = Status.DELETED
        thread.save(update_fields=["status"])
        threads_changed(thread_ids=[thread.pk])
    refresh_thread(thread=thread)
    return post


def refresh_thread(*, thread: Thread) -> None:
    """Recount replies and the latest post from what is published."""
    published = thread.posts.filter(status=Status.PUBLISHED)
    last = published.order_by("-created_at", "-pk").first()
    thread.reply_count = published.filter(is_opening=False).count()
    thread.last_post = last
    thread.last_post_at = last.created_at if last else thread.created_at
    thread.save(update_fields=["reply_count", "last_post", "last_post_at"])


def mark_read(*, user, thread: Thread, post_id: int) -> None:
    if not user.is_authenticated or not post_id:
        return
    marker, created = ReadMarker.objects.get_or_create(
        user=user, thread=thread, defaults={"last_read_post_id": post_id}
    )
    if not created and marker.last_read_post_id < post_id:
        ReadMarker.objects.filter(pk=marker.pk, last_read_post_id__lt=post_id).update(
            last_read_post_id=post_id, updated_at=timezone.now()
        )
