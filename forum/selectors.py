"""Reads shared by views, the API and panels. Visibility is applied here, never in templates."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404

from . import conf
from .models import Category, Post, ReadMarker, Report, Status, Subscription, Thread, Visibility
from .permissions import (
    can_view_category,
    can_view_thread,
    post_visibility_q,
    thread_visibility_q,
    visible_categories,
)


def categories_with_stats(user) -> QuerySet[Category]:
    published = Q(threads__status=Status.PUBLISHED)
    return visible_categories(user).annotate(
        thread_count=Count("threads", filter=published),
        last_activity=Max("threads__last_post_at", filter=published),
    )


def category_for(user, slug: str) -> Category:
    category = Category.objects.filter(slug=slug).first()
    if category is None or not can_view_category(user, category):
        raise Http404
    return category


def threads_in(user, category: Category) -> QuerySet[Thread]:
    return (
        category.threads.filter(thread_visibility_q(user))
        .select_related("author", "last_post__author")
        .order_by("-is_pinned", "-last_post_at", "-pk")
    )


def thread_for(user, pk: int) -> Thread:
    thread = Thread.objects.select_related("category", "author").filter(pk=pk).first()
    if thread is None or not can_view_thread(user, thread):
        raise Http404
    return thread


def posts_in(user, thread: Thread) -> QuerySet[Post]:
    return (
        thread.posts.filter(post_visibility_q(user))
        .select_related("author")
        .order_by("created_at", "pk")
    )


def attach_role_names(users) -> None:
    """Fill has_role()'s per-user cache for many users with one query (no N+1 per post)."""
    users = [user for user in users if user is not None]
    names: dict[int, set[str]] = {user.pk: set() for user in users}
    memberships = get_user_model().groups.through.objects.filter(user_id__in=list(names))
    for user_id, group_name in memberships.values_list("user_id", "group__name"):
        names[user_id].add(group_name)
    for user in users:
        user._role_names = names[user.pk]


def post_for(user, pk: int) -> Post:
    post = Post.objects.select_related("thread__category", "author").filter(pk=pk).first()
    if post is None or not can_view_thread(user, post.thread):
        raise Http404
    if not posts_in(user, post.thread).filter(pk=post.pk).exists():
        raise Http404
    return post


def page_of_post(user, post: Post) -> int:
    before = posts_in(user, post.thread).filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    )
    return before.count() // conf.get("POSTS_PER_PAGE") + 1


def read_markers(user, thread_ids) -> dict[int, int]:
    if not user.is_authenticated:
        return {}
    return dict(
        ReadMarker.objects.filter(user=user, thread_id__in=list(thread_ids)).values_list(
            "thread_id", "last_read_post_id"
        )
    )


def annotate_unread(user, threads) -> list[Thread]:
    """Sets `thread.has_unread` (no marker, or a newer last post) for a logged-in user."""
    threads = list(threads)
    markers = read_markers(user, [thread.pk for thread in threads])
    for thread in threads:
        last_read = markers.get(thread.pk, 0)
        thread.has_unread = bool(
            user.is_authenticated and thread.last_post_id and thread.last_post_id > last_read
        )
    return threads


def latest_public_threads(*, limit: int = 5) -> QuerySet[Thread]:
    return (
        Thread.objects.filter(status=Status.PUBLISHED, category__visibility=Visibility.PUBLIC)
        .select_related("category", "last_post__author")
        .order_by("-last_post_at")[:limit]
    )


def threads_by(user) -> QuerySet[Thread]:
    return (
        Thread.objects.filter(author=user)
        .exclude(status=Status.DELETED)
        .select_related("category")
        .order_by("-last_post_at")
    )


def subscriptions_of(user) -> QuerySet[Subscription]:
    return (
        Subscription.objects.filter(user=user)
        .select_related("thread__category", "category")
        .order_by("-created_at")
    )


def open_reports() -> QuerySet[Post]:
    """Reported posts with at least one open report, most reported first."""
    open_q = Q(reports__resolved_at__isnull=True)
    has_open = Exists(Report.objects.filter(post=OuterRef("pk"), resolved_at__isnull=True))
    return (
        Post.objects.filter(has_open)
        .annotate(
            open_reports=Count("reports", filter=open_q), reported_at=Max("reports__created_at")
        )
        .select_related("thread__category", "author")
        .order_by("-open_reports", "reported_at")
    )


def pending_posts() -> QuerySet[Post]:
    return (
        Post.objects.filter(status=Status.PENDING)
        .select_related("thread__category", "author")
        .order_by("created_at")
    )


def report_details(post: Post) -> QuerySet[Report]:
    return post.reports.filter(resolved_at__isnull=True).select_related("reporter")
