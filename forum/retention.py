"""The forum's retention rule (gallring): the IP address a post was sent from.

`manage.py gallra` runs it with every other rule; `forum_purge_ips` does the same one job.
"""

from django.utils.translation import gettext_lazy as _

from syvsite.privacy.retention import RetentionRule, register_retention_rule

from . import conf
from .models import Post


def _posts_with_old_ips(cutoff):
    return Post.objects.filter(created_at__lt=cutoff, ip_address__isnull=False)


def _remove_ips(posts) -> int:
    return posts.update(ip_address=None)


def register() -> None:
    register_retention_rule(
        RetentionRule(
            key="forum-ip",
            label=_("IP-adresser i foruminlägg"),
            after=_("efter inlägget"),
            removes=_("IP-adressen"),
            keeps=_("inlägget"),
            days=lambda: conf.get("IP_RETENTION_DAYS"),
            due=_posts_with_old_ips,
            date_field="created_at",
            erase=_remove_ips,
            order=40,
        )
    )
