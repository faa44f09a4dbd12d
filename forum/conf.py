"""Forum settings with defaults; each can be overridden in Django settings (FORUM_<NAME>)."""

from datetime import timedelta

from django.conf import settings

DEFAULTS = {
    # Authors may edit a post this long after writing it; later edits are refused.
    "EDIT_WINDOW": timedelta(minutes=30),
    # A new member's first posts wait for a moderator until this many have been approved.
    "APPROVAL_THRESHOLD": 3,
    # (seconds, max posts) per user; the first limit reached refuses the post with 429.
    "POST_RATE_LIMITS": ((60, 3), (60 * 60, 20)),
    "REPORT_RATE_LIMITS": ((60 * 60, 10),),
    "MAX_BODY_LENGTH": 20_000,
    "THREADS_PER_PAGE": 25,
    "POSTS_PER_PAGE": 20,
    # At most one notification mail per user and thread within this interval.
    "NOTIFICATION_INTERVAL": timedelta(minutes=15),
    "IP_RETENTION_DAYS": 90,
}


def get(name: str):
    return getattr(settings, f"FORUM_{name}", DEFAULTS[name])
