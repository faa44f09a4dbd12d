"""The company's own pages under /praktik/foretag/<id>/: profile, workplaces, listings, bookings.

Every object is found through the company in the URL, and the company through the user's own
memberships (access.company_or_404); ids in posted data are never trusted.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from syvsite.organisations.models import Organisation
from syvsite.organisations.services import organisations_for

from ..exceptions import PlacementError
from ..forms.bookings import DecisionForm
from ..forms.companies import CompanyProfileForm, WorkplaceForm
from ..models import Booking, Workplace
from ..selectors.listings import periods_with_availability
from ..services import companies as company_services
from ..services.bookings import decide_booking
from . import access

PER_PAGE = 25


@login_required
def company_index(request: HttpRequest) -> HttpResponse:
    companies = list(organisations_for(request.user, kind=Organisation.Kind.COMPANY))
    if len(companies) == 1:
        return redirect("internships:company", companies[0].pk)
    return render(request, "internships/company/index.html", {"companies": companies})


@login_required
def company_home(request: HttpRequest, company_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    profile = company_services.profile_for(company)
    listings = company.listings.select_related("workplace__municipality").order_by("-updated_at")
    bookings = (
        Booking.objects.filter(period__listing__company=company, status=Booking.Status.PENDING)
        .select_related("period__listing", "school")
        .order_by("created_at")
    )
    context = {
        "company": company,
        "profile": profile,
        "workplaces": company.workplaces.select_related("municipality"),
        "listings": listings,
        "pending_bookings": bookings,
    }
    return render(request, "internships/company/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def company_profile(request: HttpRequest, company_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    profile = company_services.profile_for(company)
    initial = {
        "name": company.name,
        "phone": company.phone,
        "website": company.website,
        "description": profile.description,
        "contact_name": profile.contact_name,
        "contact_email": profile.contact_email,
        "contact_phone": profile.contact_phone,
    }
    form = CompanyProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        company_services.update_company_profile(company=company, data=form.cleaned_data)
        messages.success(request, _("Företagets uppgifter är sparade."))
        return redirect("internships:company", company.pk)
    return render(
        request, "internships/company/profile_form.html", {"company": company, "form": form}
    )


@login_required
@require_POST
def company_submit(request: HttpRequest, company_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    try:
        company_services.submit_for_approval(company=company)
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Tack! En praktiksamordnare granskar företaget. Du får e-post när det är klart."),
        )
    return redirect("internships:company", company.pk)


@login_required
@require_http_methods(["GET", "POST"])
def workplace_form(
    request: HttpRequest, company_id: int, workplace_id: int | None = None
) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    workplace = (
        get_object_or_404(Workplace, pk=workplace_id, company=company) if workplace_id else None
    )
    form = WorkplaceForm(request.POST or None, instance=workplace)
    if request.method == "POST" and form.is_valid():
        company_services.save_workplace(
            company=company, workplace=workplace, data=form.cleaned_data
        )
        messages.success(request, _("Arbetsplatsen är sparad."))
        return redirect("internships:company", company.pk)
    return render(
        request,
        "internships/company/workplace_form.html",
        {"company": company, "form": form, "workplace": workplace},
    )


@login_required
@require_POST
def workplace_delete(request: HttpRequest, company_id: int, workplace_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    workplace = get_object_or_404(Workplace, pk=workplace_id, company=company)
    try:
        company_services.delete_workplace(workplace=workplace)
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Arbetsplatsen är borttagen."))
    return redirect("internships:company", company.pk)


@login_required
def company_bookings(request: HttpRequest, company_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    bookings = (
        Booking.objects.filter(period__listing__company=company)
        .select_related("period__listing", "school")
        .order_by("-created_at")
    )
    status = request.GET.get("status")
    if status in Booking.Status.values:
        bookings = bookings.filter(status=status)
    page_obj = Paginator(bookings, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "internships/company/bookings.html",
        {
            "company": company,
            "bookings": page_obj.object_list,
            "page_obj": page_obj,
            "status": status,
            "statuses": Booking.Status.choices,
        },
    )


@login_required
def company_booking(request: HttpRequest, company_id: int, booking_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    booking = access.company_booking_or_404(company, booking_id)
    period = periods_with_availability().get(pk=booking.period_id)
    access.log_booking_access(request, booking, organisation=company)
    return render(
        request,
        "internships/company/booking.html",
        {
            "company": company,
            "booking": booking,
            "period": period,
            "pupils": booking.pupils.all(),
            "form": DecisionForm(),
        },
    )


@login_required
@require_POST
def company_booking_decide(request: HttpRequest, company_id: int, booking_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    booking = access.company_booking_or_404(company, booking_id)
    form = DecisionForm(request.POST)
    accept = request.POST.get("decision") == "accept"
    if request.POST.get("decision") not in ("accept", "decline") or not form.is_valid():
        messages.error(request, _("Välj att acceptera eller avböja."))
        return redirect("internships:company_booking", company.pk, booking.pk)
    try:
        decide_booking(
            booking=booking,
            accept=accept,
            decided_by=request.user,
            message=form.cleaned_data["message"],
        )
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Bokningen är accepterad. Skolan får besked via e-post.")
            if accept
            else _(
                "Bokningen är avböjd och platserna är lediga igen. Skolan får besked via e-post."
            ),
        )
    return redirect("internships:company_booking", company.pk, booking.pk)
