"""Demo content for `manage.py seed_demo`: categories and discussions among the demo users.

The content itself is in data/demo/categories.yaml and threads.yaml, where an editor can change
it without reading Python. Idempotent: categories are updated by slug; a thread that already
exists (same category and title) is left as it is, so running twice neither duplicates posts
nor moves dates.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from syvsite.core.sanitise import render_markdown
from syvsite.core.seed import demo_data

from .models import Category, Post, Report, Status, Thread, Visibility
from .services.posting import refresh_thread
from .services.subscriptions import follow_category, follow_thread


def _users() -> dict:
    User = get_user_model()
    return {user.email: user for user in User.objects.filter(email__endswith="@syv-demo.se")}


def _create_thread(*, category: Category, spec: dict, users: dict) -> Thread | None:
    posts = [(users.get(post["author"]), post["text"], post["hours"]) for post in spec["posts"]]
    if any(author is None for author, _, _ in posts):
        return None  # demo users missing (run seed_users first)
    now = timezone.now()
    started = now - timedelta(days=spec["days_ago"])
    thread = Thread.objects.create(
        category=category,
        title=spec["title"],
        author=posts[0][0],
        is_pinned=spec.get("pinned", False),
        is_locked=spec.get("locked", False),
    )
    Thread.objects.filter(pk=thread.pk).update(created_at=started)
    for index, (author, body, hours) in enumerate(posts):
        when = min(started + timedelta(hours=hours), now)
        post = Post.objects.create(
            thread=thread,
            author=author,
            is_opening=index == 0,
            body_markdown=body,
            body_html=render_markdown(body),
            status=Status.PUBLISHED,
            approved_at=when,
        )
        Post.objects.filter(pk=post.pk).update(created_at=when)
        follow_thread(user=author, thread=thread)
    thread.refresh_from_db()
    refresh_thread(thread=thread)
    return thread


def _report(*, thread: Thread, spec: dict, users: dict) -> None:
    report = spec.get("report")
    reporter = users.get(report["by"]) if report else None
    if reporter is None:
        return
    post = thread.posts.order_by("created_at")[report["post"]]
    Report.objects.get_or_create(
        post=post,
        reporter=reporter,
        defaults={"reason": report["reason"], "message": report["message"]},
    )


@transaction.atomic
def run(*, stdout) -> None:
    users = _users()
    categories, specs = {}, demo_data("forum", "categories")
    for position, spec in enumerate(specs):
        categories[spec["slug"]], _ = Category.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "position": position,
                "visibility": Visibility.MEMBERS if spec["members_only"] else Visibility.PUBLIC,
            },
        )
    created = 0
    for spec in demo_data("forum", "threads"):
        category = categories[spec["category"]]
        if Thread.objects.filter(category=category, title=spec["title"]).exists():
            continue
        thread = _create_thread(category=category, spec=spec, users=users)
        if thread is not None:
            _report(thread=thread, spec=spec, users=users)
            created += 1
    for spec in specs:
        for email in spec.get("followed_by", ()):
            if (follower := users.get(email)) is not None:
                follow_category(user=follower, category=categories[spec["slug"]])
    stdout.write(f"  {len(categories)} forumkategorier, {created} nya trådar")
