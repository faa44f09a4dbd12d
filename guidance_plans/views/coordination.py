"""`/vagledningsplaner/samverkan/`: who coordinates guidance in each region, and whom to call."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from syvsite.regions.models import Municipality

from ..forms import CoordinationFilterForm
from ..models import CoordinationBody
from .common import plans_crumb


def coordination_directory(request: HttpRequest) -> HttpResponse:
    form = CoordinationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    bodies = CoordinationBody.objects.select_related("county").prefetch_related(
        "contacts", Prefetch("members", queryset=Municipality.objects.order_by("name"))
    )
    if filters.get("lan"):
        bodies = bodies.filter(county__code=filters["lan"])
    if filters.get("kommun"):
        bodies = bodies.filter(members=filters["kommun"])
    bodies = list(bodies.distinct())
    counties: dict = {}
    for body in bodies:
        counties.setdefault(body.county, []).append(body)
    return render(
        request,
        "guidance_plans/coordination.html",
        {
            "form": form,
            "counties": list(counties.items()),
            "total": len(bodies),
            "chosen_municipality": filters.get("kommun"),
            "plans_crumb": plans_crumb(request),
        },
    )
