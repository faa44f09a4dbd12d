"""What the facts bank shows on "Mina sidor": the member's suggestions, the editors' queue."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from methods.selectors import submission_status
from syvsite.accounts.roles import is_member
from syvsite.core.registry import Panel

from .selectors import review_queue, submissions_for
from .services.review import can_review


def dashboard_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not is_member(user):
        return None
    # Suggestions follow the method bank's workflow, so their status reads the same way.
    rows = [{"submission": s, "status": submission_status(s)} for s in submissions_for(user)[:20]]
    if not rows and not can_review(user):
        return None
    context = {"suggestions": rows}
    if can_review(user):
        context["to_review"] = review_queue().count()
    return Panel(
        title=_("Faktabanken"), template="facts/panels/dashboard.html", context=context, order=110
    )
