"""Following threads and categories, and the signed unsubscribe links in notification mail."""

from django.core import signing
from django.db import IntegrityError, transaction

from ..models import Category, Subscription, Thread

UNSUBSCRIBE_SALT = "forum.unsubscribe"


def follow_thread(*, user, thread: Thread) -> Subscription:
    return _follow(user=user, thread=thread)


def follow_category(*, user, category: Category) -> Subscription:
    return _follow(user=user, category=category)


def _follow(*, user, **target) -> Subscription:
    existing = Subscription.objects.filter(user=user, **target).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Subscription.objects.create(user=user, **target)
    except IntegrityError:  # a double click raced us; the other request created it
        return Subscription.objects.get(user=user, **target)


def unfollow(*, user, thread: Thread | None = None, category: Category | None = None) -> bool:
    target = {"thread": thread} if thread is not None else {"category": category}
    deleted, _ = Subscription.objects.filter(user=user, **target).delete()
    return deleted > 0


def is_following(*, user, thread: Thread | None = None, category: Category | None = None) -> bool:
    if not user.is_authenticated:
        return False
    target = {"thread": thread} if thread is not None else {"category": category}
    return Subscription.objects.filter(user=user, **target).exists()


def unsubscribe_token(*, user, thread: Thread | None = None, category: Category | None = None):
    """A link that works without logging in and never expires (mail may be read much later)."""
    kind, target_id = ("thread", thread.pk) if thread is not None else ("category", category.pk)
    return signing.dumps({"u": user.pk, "k": kind, "t": target_id}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("k") not in ("thread", "category"):
        return None
    return payload
