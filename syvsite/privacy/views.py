"""The audit log of access to pupils' personal data, searchable by administrators.

There is no way to change or delete an entry from the site: this page only reads, and the
model refuses updates. Entries leave only through the retention rule for the log.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from syvsite.accounts.roles import Role, has_role

from . import conf
from .forms import AccessLogSearchForm
from .selectors import search_access_log


def can_read_access_log(user) -> bool:
    return has_role(user, Role.ADMIN)


@login_required
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    if not can_read_access_log(request.user):
        message = _("Åtkomstloggen är bara för administratörer (dataskyddsombudet).")
        return render(request, "privacy/refusal.html", {"message": message}, status=403)
    form = AccessLogSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = search_access_log(**filters) if not form.errors else search_access_log().none()
    page_obj = Paginator(entries, conf.get("ACCESS_LOG_PER_PAGE")).get_page(request.GET.get("page"))
    return render(
        request,
        "privacy/access_log.html",
        {
            "form": form,
            "page_obj": page_obj,
            "count": page_obj.paginator.count,
            "retention_days": conf.get("ACCESS_LOG_DAYS"),
        },
        status=400 if form.errors else 200,
    )
