"""E-mail about new replies, batched: one mail per user and thread per interval.

A published post records one NotificationEvent per follower (of the thread or its category).
`manage.py forum_send_notifications`, run from cron every few minutes, mails the unsent ones.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from syvsite.accounts.services import absolute_url

from .. import conf
from ..models import NotificationEvent, Post, Status, Subscription
from ..permissions import can_view_thread

logger = logging.getLogger(__name__)


def record_new_post(*, post: Post) -> int:
    thread = post.thread
    follower_ids = set(
        Subscription.objects.filter(Q(thread=thread) | Q(category_id=thread.category_id))
        .exclude(user_id=post.author_id)
        .values_list("user_id", flat=True)
    )
    NotificationEvent.objects.bulk_create(
        [NotificationEvent(user_id=uid, thread=thread, post=post) for uid in follower_ids],
        ignore_conflicts=True,
    )
    return len(follower_ids)


def pending_groups() -> list[tuple[int, int]]:
    """(user id, thread id) pairs with unsent events, oldest first."""
    rows = (
        NotificationEvent.objects.filter(sent_at__isnull=True)
        .values_list("user_id", "thread_id")
        .order_by("user_id", "thread_id")
        .distinct()
    )
    return list(rows)


def send_pending(*, groups: Iterable[tuple[int, int]] | None = None, now=None) -> dict:
    """Send what is due. Returns counts: mails sent, groups waiting for the interval, dropped."""
    now = now or timezone.now()
    counts = {"sent": 0, "waiting": 0, "dropped": 0, "failed": 0}
    for user_id, thread_id in groups if groups is not None else pending_groups():
        counts[_send_group(user_id=user_id, thread_id=thread_id, now=now)] += 1
    return counts


@transaction.atomic
def _send_group(*, user_id: int, thread_id: int, now) -> str:
    # skip_locked: a second cron run at the same time leaves this group to the first one.
    events = list(
        NotificationEvent.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(user_id=user_id, thread_id=thread_id, sent_at__isnull=True)
        .select_related("user", "thread__category", "post__author")
        .order_by("post__created_at")
    )
    if not events:
        return "waiting"
    last_sent = NotificationEvent.objects.filter(
        user_id=user_id, thread_id=thread_id, sent_at__isnull=False
    ).aggregate(last=Max("sent_at"))["last"]
    if last_sent and now - last_sent < conf.get("NOTIFICATION_INTERVAL"):
        return "waiting"
    user, thread = events[0].user, events[0].thread
    posts = [event.post for event in events if event.post.status == Status.PUBLISHED]
    ids = [event.pk for event in events]
    if not posts or not _still_wants_mail(user=user, thread=thread):
        NotificationEvent.objects.filter(pk__in=ids).update(sent_at=now)
        return "dropped"
    try:
        _mail(user=user, thread=thread, posts=posts)
    except Exception:  # noqa: BLE001 - a mail server hiccup; the next run retries
        logger.exception("Forumavisering kunde inte skickas till användare %s", user_id)
        return "failed"
    NotificationEvent.objects.filter(pk__in=ids).update(sent_at=now)
    return "sent"


def _still_wants_mail(*, user, thread) -> bool:
    following = Subscription.objects.filter(
        Q(thread=thread) | Q(category_id=thread.category_id), user=user
    ).exists()
    return user.is_active and following and can_view_thread(user, thread)


def _mail(*, user, thread, posts: list[Post]) -> None:
    from .subscriptions import unsubscribe_token

    links = []
    if Subscription.objects.filter(user=user, thread=thread).exists():
        token = unsubscribe_token(user=user, thread=thread)
        links.append(("tråden", absolute_url(reverse("forum:unsubscribe", args=[token]))))
    if Subscription.objects.filter(user=user, category_id=thread.category_id).exists():
        token = unsubscribe_token(user=user, category=thread.category)
        links.append(("kategorin", absolute_url(reverse("forum:unsubscribe", args=[token]))))
    context = {
        "user": user,
        "thread": thread,
        "posts": posts,
        "first_url": absolute_url(posts[0].get_absolute_url()),
        "unsubscribe_links": links,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMessage(
        subject=render_to_string("forum/email/new_posts_subject.txt", context).strip(),
        body=render_to_string("forum/email/new_posts_body.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{links[0][1]}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
