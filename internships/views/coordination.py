"""The placement coordinators' queue: approve companies and review listings (front end, not admin)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from syvsite.organisations.models import Organisation

from ..exceptions import PlacementError
from ..forms import apply_service_error
from ..forms.companies import ReasonForm
from ..models import Listing
from ..selectors.listings import listings_awaiting_review
from ..selectors.organisations import companies_awaiting_approval
from ..selectors.rekas import programme_names
from ..services import companies as company_services
from ..services import listings as listing_services
from .access import coordinator_required


@coordinator_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "internships/coordination/queue.html",
        {
            "companies": companies_awaiting_approval(),
            "listings": listings_awaiting_review(),
            "unsubmitted": Organisation.objects.filter(
                kind=Organisation.Kind.COMPANY, is_approved=False
            )
            .exclude(pk__in=companies_awaiting_approval().values("pk"))
            .count(),
        },
    )


@coordinator_required
@require_http_methods(["GET", "POST"])
def review_company(request: HttpRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(
        Organisation.objects.select_related("municipality"),
        pk=company_id,
        kind=Organisation.Kind.COMPANY,
    )
    profile = company_services.profile_for(company)
    form = ReasonForm(request.POST or None)
    decision = request.POST.get("decision")
    if request.method == "POST" and decision == "approve":
        company_services.approve_company(company=company, approved_by=request.user)
        messages.success(request, _("%(name)s är godkänt.") % {"name": company.name})
        return redirect("internships:coordination")
    if request.method == "POST" and decision == "reject" and form.is_valid():
        try:
            company_services.reject_company(
                company=company, rejected_by=request.user, reason=form.cleaned_data["reason"]
            )
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Företaget har fått besked om avslaget."))
            return redirect("internships:coordination")
    return render(
        request,
        "internships/coordination/company.html",
        {
            "company": company,
            "profile": profile,
            "form": form,
            "workplaces": company.workplaces.select_related("municipality"),
            "members": company.memberships.select_related("user"),
        },
    )


@coordinator_required
@require_http_methods(["GET", "POST"])
def review_listing(request: HttpRequest, listing_id: int) -> HttpResponse:
    listing = get_object_or_404(
        Listing.objects.select_related("company", "workplace__municipality__county"), pk=listing_id
    )
    form = ReasonForm(request.POST or None)
    decision = request.POST.get("decision")
    try:
        if request.method == "POST" and decision == "publish":
            listing_services.change_status(
                listing=listing,
                to=Listing.Status.PUBLISHED,
                actor=listing_services.COORDINATOR,
                by=request.user,
            )
            messages.success(request, _("Annonsen är publicerad."))
            return redirect("internships:coordination")
        if request.method == "POST" and decision == "return" and form.is_valid():
            listing_services.return_for_changes(
                listing=listing, by=request.user, note=form.cleaned_data["reason"]
            )
            messages.success(request, _("Annonsen är skickad tillbaka till företaget."))
            return redirect("internships:coordination")
    except PlacementError as error:
        messages.error(request, error.message)
    return render(
        request,
        "internships/coordination/listing.html",
        {
            "listing": listing,
            "form": form,
            "periods": listing.periods.all(),
            "programmes": programme_names(listing.programmes.values_list("code", flat=True)),
        },
    )
