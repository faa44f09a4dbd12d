"""Moderator actions. Each one checks the permission, changes state and writes the log."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import conf
from ..documents import threads_changed
from ..exceptions import ForumError, NotAllowed
from ..models import (
    Category,
    ModerationAction,
    ModerationLogEntry,
    Post,
    Report,
    Status,
    Suspension,
    Thread,
)
from ..permissions import can_moderate, can_report
from .notifications import record_new_post
from .posting import refresh_thread
from .ratelimit import check_rate


def _require_moderator(user) -> None:
    if not can_moderate(user):
        raise NotAllowed(_("Bara moderatorer kan göra det här."))


def _log(*, moderator, action: str, reason: str = "", details: str = "", **targets):
    return ModerationLogEntry.objects.create(
        moderator=moderator, action=action, reason=reason.strip(), details=details, **targets
    )


def _log_post(*, moderator, action: str, post: Post, reason: str = "", details: str = ""):
    """Logs an action on a post, with the post's thread and author as its targets too."""
    return _log(
        moderator=moderator,
        action=action,
        reason=reason,
        details=details,
        post=post,
        thread=post.thread,
        target_user=post.author,
    )


def _resolve_reports(*, moderator, post: Post) -> int:
    return post.reports.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


def _set_post_status(*, post: Post, status: str) -> None:
    post.status = status
    if status == Status.PUBLISHED and post.approved_at is None:
        post.approved_at = timezone.now()
    post.save(update_fields=["status", "approved_at"])
    if post.is_opening and post.thread.status not in (Status.DELETED, status):
        post.thread.status = status
        post.thread.save(update_fields=["status"])
        threads_changed(thread_ids=[post.thread_id])
    refresh_thread(thread=post.thread)


@transaction.atomic
def approve_post(*, moderator, post: Post, reason: str = "") -> Post:
    _require_moderator(moderator)
    if post.status != Status.PENDING:
        raise ForumError(_("Inlägget väntar inte på granskning."))
    _set_post_status(post=post, status=Status.PUBLISHED)
    record_new_post(post=post)
    _log_post(moderator=moderator, action=ModerationAction.APPROVE, reason=reason, post=post)
    return post


@transaction.atomic
def reject_post(*, moderator, post: Post, reason: str) -> Post:
    _require_moderator(moderator)
    if post.status != Status.PENDING:
        raise ForumError(_("Inlägget väntar inte på granskning."))
    _set_post_status(post=post, status=Status.HIDDEN)
    _log_post(moderator=moderator, action=ModerationAction.REJECT, reason=reason, post=post)
    if post.author is not None:
        _mail_user(user=post.author, template="rejected", context={"post": post, "reason": reason})
    return post


@transaction.atomic
def hide_post(*, moderator, post: Post, reason: str) -> Post:
    _require_moderator(moderator)
    if post.status not in (Status.PUBLISHED, Status.PENDING):
        raise ForumError(_("Inlägget är redan dolt eller borttaget."))
    _set_post_status(post=post, status=Status.HIDDEN)
    _resolve_reports(moderator=moderator, post=post)
    _log_post(moderator=moderator, action=ModerationAction.HIDE_POST, reason=reason, post=post)
    return post


@transaction.atomic
def restore_post(*, moderator, post: Post, reason: str = "") -> Post:
    _require_moderator(moderator)
    if post.status != Status.HIDDEN:
        raise ForumError(_("Inlägget är inte dolt."))
    _set_post_status(post=post, status=Status.PUBLISHED)
    _log_post(moderator=moderator, action=ModerationAction.RESTORE_POST, reason=reason, post=post)
    return post


@transaction.atomic
def dismiss_reports(*, moderator, post: Post, reason: str = "") -> int:
    _require_moderator(moderator)
    resolved = _resolve_reports(moderator=moderator, post=post)
    _log_post(
        moderator=moderator,
        action=ModerationAction.DISMISS_REPORTS,
        reason=reason,
        post=post,
        details=f"{resolved} anmälningar",
    )
    return resolved


THREAD_FLAGS = {
    ModerationAction.LOCK: ("is_locked", True),
    ModerationAction.UNLOCK: ("is_locked", False),
    ModerationAction.PIN: ("is_pinned", True),
    ModerationAction.UNPIN: ("is_pinned", False),
}


@transaction.atomic
def set_thread_flag(*, moderator, thread: Thread, action: str, reason: str = "") -> Thread:
    _require_moderator(moderator)
    field, value = THREAD_FLAGS[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    _log(moderator=moderator, action=action, reason=reason, thread=thread)
    return thread


@transaction.atomic
def set_thread_hidden(*, moderator, thread: Thread, hidden: bool, reason: str) -> Thread:
    _require_moderator(moderator)
    if thread.status == Status.DELETED:
        raise ForumError(_("Tråden är borttagen av skribenten."))
    thread.status = Status.HIDDEN if hidden else Status.PUBLISHED
    thread.save(update_fields=["status"])
    opening = thread.posts.filter(is_opening=True).first()
    if opening is not None and opening.status in (Status.PUBLISHED, Status.HIDDEN, Status.PENDING):
        opening.status = thread.status
        opening.approved_at = opening.approved_at or (None if hidden else timezone.now())
        opening.save(update_fields=["status", "approved_at"])
    refresh_thread(thread=thread)
    threads_changed(thread_ids=[thread.pk])
    action = ModerationAction.HIDE_THREAD if hidden else ModerationAction.RESTORE_THREAD
    _log(
        moderator=moderator, action=action, reason=reason, thread=thread, target_user=thread.author
    )
    return thread


@transaction.atomic
def move_thread(*, moderator, thread: Thread, category: Category, reason: str = "") -> Thread:
    _require_moderator(moderator)
    if category.pk == thread.category_id:
        raise ForumError(_("Tråden ligger redan i den kategorin."))
    old = thread.category
    thread.category = category
    thread.save(update_fields=["category"])
    threads_changed(thread_ids=[thread.pk])  # visibility and category of every reply
    _log(
        moderator=moderator,
        action=ModerationAction.MOVE,
        reason=reason,
        thread=thread,
        details=f"{old.name} → {category.name}",
    )
    return thread


@transaction.atomic
def suspend_user(*, moderator, user, days: int, reason: str) -> Suspension:
    _require_moderator(moderator)
    if can_moderate(user):
        raise ForumError(_("Moderatorer och administratörer kan inte stängas av från forumet."))
    if not reason.strip():
        raise ForumError(_("Skriv en anledning. Den visas för användaren."))
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=user,
        starts_at=now,
        ends_at=now + timedelta(days=days),
        reason=reason.strip(),
        created_by=moderator,
    )
    _log(
        moderator=moderator,
        action=ModerationAction.SUSPEND,
        reason=reason,
        target_user=user,
        details=_("%(days)s dagar") % {"days": days},
    )
    _mail_user(user=user, template="suspended", context={"suspension": suspension})
    return suspension


@transaction.atomic
def lift_suspension(*, moderator, suspension: Suspension, reason: str = "") -> Suspension:
    _require_moderator(moderator)
    suspension.lifted_at = timezone.now()
    suspension.save(update_fields=["lifted_at"])
    _log(
        moderator=moderator,
        action=ModerationAction.LIFT_SUSPENSION,
        reason=reason,
        target_user=suspension.user,
    )
    return suspension


@transaction.atomic
def report_post(*, reporter, post: Post, reason: str, message: str = "") -> tuple[Report, bool]:
    """Returns (report, created); a second report of the same post updates the first."""
    if not can_report(reporter, post):
        raise NotAllowed(_("Du kan inte anmäla det här inlägget."))
    existing = post.reports.filter(reporter=reporter, resolved_at__isnull=True).first()
    if existing is not None:
        existing.reason, existing.message = reason, message.strip()
        existing.save(update_fields=["reason", "message"])
        return existing, False
    check_rate(
        recent=Report.objects.filter(reporter=reporter),
        limits=conf.get("REPORT_RATE_LIMITS"),
        what=_("anmälningar"),
    )
    report = Report.objects.create(
        post=post, reporter=reporter, reason=reason, message=message.strip()
    )
    return report, True


def _mail_user(*, user, template: str, context: dict) -> None:
    context = {**context, "user": user, "site_name": settings.WAGTAIL_SITE_NAME}
    subject = render_to_string(f"forum/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"forum/email/{template}_body.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email], fail_silently=True))
