"""A company's listings and periods, and the company's side of the status workflow."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ..exceptions import PlacementError
from ..forms import apply_service_error
from ..forms.listings import ListingForm, PeriodForm
from ..models import Booking, Listing, ListingPeriod
from ..selectors.listings import periods_with_availability
from ..services import listings as listing_services
from . import access

STATUS_ACTION_LABELS = {
    Listing.Status.PENDING_REVIEW: gettext_lazy("Skicka för granskning"),
    Listing.Status.DRAFT: gettext_lazy("Ta tillbaka för att ändra"),
    Listing.Status.FILLED: gettext_lazy("Markera som tillsatt"),
    Listing.Status.PUBLISHED: gettext_lazy("Öppna igen"),
    Listing.Status.WITHDRAWN: gettext_lazy("Återkalla annonsen"),
}


def _status_action_label(listing: Listing, target: str) -> str:
    if target == Listing.Status.DRAFT and listing.status != Listing.Status.PENDING_REVIEW:
        return _("Gör till utkast igen")
    return str(STATUS_ACTION_LABELS[target])


@login_required
@require_http_methods(["GET", "POST"])
def listing_form(
    request: HttpRequest, company_id: int, listing_id: int | None = None
) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    listing = access.company_listing_or_404(company, listing_id) if listing_id else None
    if not company.workplaces.exists():
        messages.info(request, _("Lägg till en arbetsplats först; annonsen behöver en adress."))
        return redirect("internships:workplace_create", company.pk)
    form = ListingForm(request.POST or None, instance=listing, company=company)
    if request.method == "POST" and form.is_valid():
        was_live = listing is not None and listing.status in (
            Listing.Status.PUBLISHED,
            Listing.Status.FILLED,
        )
        try:
            saved = listing_services.save_listing(
                company=company,
                listing=listing,
                data=form.cleaned_data,
                programmes=form.cleaned_data["programmes"],
            )
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request,
                _("Ändringarna är sparade. Annonsen granskas på nytt innan den visas igen.")
                if was_live
                else _("Annonsen är sparad."),
            )
            return redirect("internships:company_listing", company.pk, saved.pk)
    return render(
        request,
        "internships/company/listing_form.html",
        {"company": company, "form": form, "listing": listing},
    )


@login_required
def company_listing(request: HttpRequest, company_id: int, listing_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    listing = access.company_listing_or_404(company, listing_id)
    periods = periods_with_availability(listing.periods.all())
    actions = [
        (status, _status_action_label(listing, status))
        for status in listing_services.allowed_transitions(listing, actor=listing_services.COMPANY)
    ]
    bookings = (
        Booking.objects.filter(period__listing=listing)
        .select_related("period", "school")
        .order_by("-created_at")
    )
    return render(
        request,
        "internships/company/listing.html",
        {
            "company": company,
            "listing": listing,
            "periods": periods,
            "actions": actions,
            "bookings": bookings,
            "period_form": PeriodForm(),
        },
    )


@login_required
@require_POST
def listing_status(request: HttpRequest, company_id: int, listing_id: int) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    listing = access.company_listing_or_404(company, listing_id)
    target = request.POST.get("to", "")
    try:
        listing = listing_services.change_status(
            listing=listing, to=target, actor=listing_services.COMPANY, by=request.user
        )
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Annonsen har nu status ”%(status)s”.") % {"status": listing.get_status_display()},
        )
    return redirect("internships:company_listing", company.pk, listing.pk)


@login_required
@require_http_methods(["GET", "POST"])
def period_form(
    request: HttpRequest, company_id: int, listing_id: int, period_id: int | None = None
) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    listing = access.company_listing_or_404(company, listing_id)
    period = get_object_or_404(ListingPeriod, pk=period_id, listing=listing) if period_id else None
    form = PeriodForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if period is None:
                listing_services.add_period(listing=listing, **data)
            else:
                listing_services.update_period(period=period, **data)
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Perioden är sparad."))
            return redirect("internships:company_listing", company.pk, listing.pk)
    return render(
        request,
        "internships/company/period_form.html",
        {"company": company, "listing": listing, "period": period, "form": form},
    )


@login_required
@require_POST
def period_delete(
    request: HttpRequest, company_id: int, listing_id: int, period_id: int
) -> HttpResponse:
    company = access.company_or_404(request, company_id)
    listing = access.company_listing_or_404(company, listing_id)
    period = get_object_or_404(ListingPeriod, pk=period_id, listing=listing)
    try:
        listing_services.delete_period(period=period)
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Perioden är borttagen."))
    return redirect("internships:company_listing", company.pk, listing.pk)
