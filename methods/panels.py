"""What the method bank shows on the home page and on "Mina sidor"."""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from syvsite.accounts.roles import is_member
from syvsite.core.registry import Panel

from .models import MethodComment, MethodPage
from .selectors import (
    best_rated_methods,
    live_methods,
    newest_methods,
    submission_status,
    submissions_for,
)
from .services.feedback import can_moderate_comments


def home_panel(request: HttpRequest) -> Panel | None:
    newest = list(newest_methods(3))
    if not newest:
        return None
    return Panel(
        title=_("Ur metodbanken"),
        template="methods/panels/home.html",
        context={
            "newest": newest,
            "best_rated": list(best_rated_methods(3)),
            "total": live_methods().count(),
        },
        order=10,
    )


def dashboard_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not is_member(user):
        return None
    submissions = [
        {"submission": submission, "status": submission_status(submission)}
        for submission in submissions_for(user)[:20]
    ]
    context = {"submissions": submissions}
    if can_moderate_comments(user):
        context["pending_comments"] = MethodComment.objects.filter(
            status=MethodComment.Status.PENDING
        ).count()
        context["pending_reviews"] = TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__content_type=ContentType.objects.get_for_model(MethodPage),
        ).count()
    return Panel(
        title=_("Mina metodbidrag"), template="methods/panels/dashboard.html", context=context
    )
