"""The forum's part of a member's data download and of deleting an account."""

from ..models import Post, Report, Subscription, Suspension, Thread


def collect(sender, *, user, **kwargs) -> tuple[str, dict]:
    posts = Post.objects.filter(author=user).select_related("thread").order_by("created_at")
    return "forum", {
        "threads": [
            {"id": t.pk, "title": t.title, "category": t.category.name, "created_at": t.created_at,
             "status": t.status}
            for t in Thread.objects.filter(author=user).select_related("category")
        ],
        "posts": [
            {"id": p.pk, "thread_id": p.thread_id, "thread": p.thread.title,
             "created_at": p.created_at, "edited_at": p.edited_at, "status": p.status,
             "text_markdown": p.body_markdown, "ip_address": p.ip_address}
            for p in posts
        ],
        "subscriptions": [
            {"thread": s.thread.title if s.thread else None,
             "category": s.category.name if s.category else None, "since": s.created_at}
            for s in Subscription.objects.filter(user=user).select_related("thread", "category")
        ],
        "reports": [
            {"post_id": r.post_id, "reason": r.get_reason_display(), "message": r.message,
             "created_at": r.created_at, "resolved_at": r.resolved_at}
            for r in Report.objects.filter(reporter=user)
        ],
        "suspensions": [
            {"starts_at": s.starts_at, "ends_at": s.ends_at, "reason": s.reason,
             "lifted_at": s.lifted_at}
            for s in Suspension.objects.filter(user=user)
        ],
    }  # fmt: skip


def anonymise(sender, *, user, **kwargs) -> None:
    """Posts and threads stay, authorless (shown as "borttagen användare"); their IPs go now.

    The foreign keys do the rest: authors and reporters are SET_NULL, subscriptions, read
    markers, notification events and suspensions are deleted with the user.
    """
    Post.objects.filter(author=user).update(ip_address=None)
