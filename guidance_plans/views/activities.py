"""`/vagledningsplaner/aktiviteter/`: the activity bank, filterable by stage, role and county."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..forms import ActivityFilterForm
from ..selectors import filter_activities
from .common import plans_crumb

PER_PAGE = 20


def activity_bank(request: HttpRequest) -> HttpResponse:
    form = ActivityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    activities = filter_activities(
        stages=filters.get("stadium"),
        roles=filters.get("roll"),
        county_code=filters.get("lan", ""),
        query=filters.get("q", ""),
        current_only=filters.get("gallande", False),
    )
    page_obj = Paginator(activities, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "guidance_plans/activity_bank.html",
        {
            "form": form,
            "page_obj": page_obj,
            "total": page_obj.paginator.count,
            "plans_crumb": plans_crumb(request),
        },
    )
