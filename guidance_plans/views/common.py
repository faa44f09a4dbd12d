"""What the plain views under `/vagledningsplaner/` share."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from ..selectors import plan_index


def plans_crumb(request: HttpRequest) -> list[dict]:
    """The breadcrumb to the plans' overview page (none while that page is not published)."""
    index = plan_index()
    if index is None:
        return []
    return [{"url": index.get_url(request), "label": _("Vägledningsplaner")}]
