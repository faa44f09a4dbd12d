"""The forum's boxes on Mina sidor and on the home page."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from syvsite.core.registry import Panel

from . import selectors
from .models import Status
from .permissions import can_moderate


def dashboard_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not user.is_authenticated:
        return None
    threads = list(selectors.threads_by(user)[:5])
    context = {
        "threads": threads,
        "subscription_count": selectors.subscriptions_of(user).count(),
        "pending_count": user.forum_posts.filter(status=Status.PENDING).count(),
    }
    if can_moderate(user):
        context["queue_count"] = (
            selectors.pending_posts().count() + selectors.open_reports().count()
        )
    return Panel(title=_("Forum"), template="forum/panels/dashboard.html", context=context,
                 order=40)  # fmt: skip


def home_panel(request: HttpRequest) -> Panel | None:
    threads = list(selectors.latest_public_threads(limit=5))
    if not threads:
        return None
    return Panel(title=_("Senast i forumet"), template="forum/panels/home.html",
                 context={"threads": threads}, order=40)  # fmt: skip
