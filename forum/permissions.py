"""Who may see and do what in the forum: the rules, as plain functions.

A loose module because its job is none of the layers': selectors apply these rules to what a
user reads and services to what they write, views and templates ask them what to offer, so
they sit below all of them (and import only the models).
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils import timezone

from syvsite.accounts.roles import Role, has_role, is_member

from . import conf
from .models import Category, Post, Status, Suspension, Thread, Visibility


def can_moderate(user) -> bool:
    return has_role(user, Role.MODERATOR) or has_role(user, Role.ADMIN)


def visible_categories(user) -> "Category.objects":
    categories = Category.objects.all()
    if not is_member(user):
        categories = categories.filter(visibility=Visibility.PUBLIC)
    return categories


def can_view_category(user, category: Category) -> bool:
    return category.visibility == Visibility.PUBLIC or is_member(user)


def active_suspension(user) -> Suspension | None:
    if not user.is_authenticated:
        return None
    now = timezone.now()
    return (
        Suspension.objects.filter(user=user, lifted_at__isnull=True, starts_at__lte=now)
        .filter(ends_at__gt=now)
        .order_by("-ends_at")
        .first()
    )


def thread_visibility_q(user, prefix: str = "") -> Q:
    """Threads the user may open: published ones, plus their own pending ones; all for moderators."""
    if can_moderate(user):
        return ~Q(**{f"{prefix}status": Status.DELETED})
    visible = Q(**{f"{prefix}status": Status.PUBLISHED})
    if user.is_authenticated:
        visible |= Q(**{f"{prefix}status": Status.PENDING, f"{prefix}author": user})
    return visible


def can_view_thread(user, thread: Thread) -> bool:
    if not can_view_category(user, thread.category):
        return False
    if thread.status == Status.PUBLISHED:
        return True
    if thread.status == Status.DELETED:
        return False
    if can_moderate(user):
        return True
    return thread.status == Status.PENDING and user.is_authenticated and thread.author == user


def post_visibility_q(user) -> Q:
    """Posts shown in a thread: published and (as placeholders) deleted ones, own pending ones."""
    if can_moderate(user):
        return Q()
    visible = Q(status__in=[Status.PUBLISHED, Status.DELETED])
    if user.is_authenticated:
        visible |= Q(status=Status.PENDING, author=user)
    return visible


def can_reply(user, thread: Thread) -> bool:
    if not is_member(user) or active_suspension(user) is not None:
        return False
    if thread.status != Status.PUBLISHED:
        return False
    return not thread.is_locked or can_moderate(user)


def can_edit(user: AnonymousUser, post: Post) -> bool:
    """The author, within the edit window, while the thread is open and they are not suspended."""
    if not user.is_authenticated or post.author_id != user.pk:
        return False
    if post.status not in (Status.PUBLISHED, Status.PENDING):
        return False
    if post.thread.is_locked or active_suspension(user) is not None:
        return False
    return timezone.now() - post.created_at <= conf.get("EDIT_WINDOW")


def can_delete(user, post: Post) -> bool:
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and post.status in (Status.PUBLISHED, Status.PENDING)
    )


def can_report(user, post: Post) -> bool:
    return is_member(user) and post.author_id != user.pk and post.status == Status.PUBLISHED


def needs_approval(user) -> bool:
    """A new member's first posts wait for a moderator; moderators and administrators never do."""
    if can_moderate(user):
        return False
    approved = Post.objects.filter(author=user, approved_at__isnull=False).count()
    return approved < conf.get("APPROVAL_THRESHOLD")
