"""The administrators' box on "Mina sidor": the audit log and the retention rules."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from syvsite.core.registry import Panel

from .retention import retention_rules
from .views import can_read_access_log


def privacy_panel(request: HttpRequest) -> Panel | None:
    if not can_read_access_log(request.user):
        return None
    return Panel(
        title=_("Personuppgifter"),
        template="privacy/panel.html",
        context={"rules": len(retention_rules())},
        order=90,
    )
