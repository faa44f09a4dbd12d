"""E-mail about new replies, batched: one mail per user and thread per interval.

A published post records one NotificationEvent per follower (of the thread or its category).
`manage.py forum_send_notifications`, run from cron every few minutes, mails the unsent ones.
"""

import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from syvsite.accounts.services import absolute_url
from syvsite.core.sanitise import plain_text

from .. import conf
from ..models import NotificationEvent, Post, Status, Subscription
from ..permissions import can_view_thread

logger = logging.getLogger(__name__)
CHUNK = 200  # (user, thread) groups per transaction


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
    """(user id, thread id) pairs with unsent events."""
    rows = (
        NotificationEvent.objects.filter(sent_at__isnull=True)
        .values_list("user_id", "thread_id")
        .order_by("user_id", "thread_id")
        .distinct()
    )
    return list(rows)


def send_pending(*, now=None, progress: Callable[[int], object] | None = None) -> dict:
    """Send what is due. Returns counts: mails sent, groups waiting for the interval, dropped
    (nothing left to tell, or the reader lost access), failed (mail server; retried next run)."""
    now = now or timezone.now()
    counts = Counter({"sent": 0, "waiting": 0, "dropped": 0, "failed": 0})
    groups = pending_groups()
    for start in range(0, len(groups), CHUNK):
        chunk = groups[start : start + CHUNK]
        counts.update(_send_chunk(groups=chunk, now=now))
        if progress is not None:
            progress(len(chunk))
    return dict(counts)


@transaction.atomic
def _send_chunk(*, groups: list[tuple[int, int]], now) -> Counter:
    """One transaction per chunk: a few queries for up to CHUNK mails, not a few per mail."""
    wanted = set(groups)
    user_ids, thread_ids = {u for u, _ in groups}, {t for _, t in groups}
    # skip_locked: a second cron run at the same time leaves these events to the first one.
    events = [
        event
        for event in NotificationEvent.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(sent_at__isnull=True, user_id__in=user_ids, thread_id__in=thread_ids)
        .select_related("user", "thread__category", "post__author")
        .order_by("post__created_at", "post_id")
        if (event.user_id, event.thread_id) in wanted
    ]
    by_group: dict[tuple[int, int], list[NotificationEvent]] = defaultdict(list)
    for event in events:
        by_group[(event.user_id, event.thread_id)].append(event)
    context = _ChunkContext.load(user_ids=user_ids, thread_ids=thread_ids, events=events)
    counts: Counter = Counter()
    done: list[int] = []
    for group in by_group.values():
        outcome = _send_group(group=group, context=context, now=now)
        counts[outcome] += 1
        if outcome in ("sent", "dropped"):
            done += [event.pk for event in group]
    NotificationEvent.objects.filter(pk__in=done).update(sent_at=now)
    return counts


@dataclass
class _ChunkContext:
    last_sent: dict[tuple[int, int], datetime]
    thread_follows: set[tuple[int, int]]
    category_follows: set[tuple[int, int]]

    @classmethod
    def load(cls, *, user_ids, thread_ids, events) -> "_ChunkContext":
        from ..selectors import attach_role_names

        attach_role_names(event.user for event in events)  # can_view_thread without queries
        last_sent = (
            NotificationEvent.objects.filter(
                user_id__in=user_ids, thread_id__in=thread_ids, sent_at__isnull=False
            )
            .values_list("user_id", "thread_id")
            .annotate(last=Max("sent_at"))
        )
        follows = Subscription.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "thread_id", "category_id"
        )
        return cls(
            last_sent={(u, t): last for u, t, last in last_sent},
            thread_follows={(u, t) for u, t, _ in follows if t},
            category_follows={(u, c) for u, _, c in follows if c},
        )


def _send_group(*, group: list[NotificationEvent], context: _ChunkContext, now) -> str:
    user, thread = group[0].user, group[0].thread
    last_sent = context.last_sent.get((user.pk, thread.pk))
    if last_sent and now - last_sent < conf.get("NOTIFICATION_INTERVAL"):
        return "waiting"
    posts = [event.post for event in group if event.post.status == Status.PUBLISHED]
    follows_thread = (user.pk, thread.pk) in context.thread_follows
    follows_category = (user.pk, thread.category_id) in context.category_follows
    still_wanted = user.is_active and (follows_thread or follows_category)
    if not posts or not still_wanted or not can_view_thread(user, thread):
        return "dropped"
    try:
        _mail(user=user, thread=thread, posts=posts, thread_link=follows_thread,
              category_link=follows_category)  # fmt: skip
    except Exception:  # noqa: BLE001 - a mail server hiccup; the next run retries
        logger.exception("Forumavisering kunde inte skickas till användare %s", user.pk)
        return "failed"
    return "sent"


def _mail(*, user, thread, posts: list[Post], thread_link: bool, category_link: bool) -> None:
    from .subscriptions import unsubscribe_token

    links = []
    if thread_link:
        token = unsubscribe_token(user=user, thread=thread)
        links.append(("tråden", absolute_url(reverse("forum:unsubscribe", args=[token]))))
    if category_link:
        token = unsubscribe_token(user=user, category=thread.category)
        links.append(("kategorin", absolute_url(reverse("forum:unsubscribe", args=[token]))))
    context = {
        "user": user,
        "thread": thread,
        "posts": posts,
        "excerpts": [(post, Truncator(plain_text(post.body_html)).words(40)) for post in posts],
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
