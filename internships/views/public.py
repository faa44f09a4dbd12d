"""Public pages: /praktik/ (find places), a listing, and booking a period (school staff)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from syvsite.accounts.middleware import require_second_factor

from ..exceptions import PlacementError
from ..forms import apply_service_error
from ..forms.bookings import BookingForm
from ..forms.search import ListingFilterForm
from ..models import ListingPeriod
from ..selectors.finding import ListingQuery, find_listings
from ..selectors.listings import public_listings, upcoming_periods
from ..selectors.organisations import schools_for
from ..selectors.rekas import outlook_for, programme_names
from ..services.bookings import request_booking
from .maps import placements_map


def _query_from(form: ListingFilterForm, request: HttpRequest) -> ListingQuery:
    data = form.valid_data()
    origin, origin_label = None, ""
    school = form.schools.get(data.get("skola")) if data.get("skola") else None
    if school is not None and school.municipality and school.municipality.location:
        origin, origin_label = school.municipality.location, school.name
    elif data.get("nara") and data["nara"].location:
        origin, origin_label = data["nara"].location, data["nara"].name
    try:
        page = max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        page = 1
    query = ListingQuery(
        text=data.get("q", ""),
        types=data.get("typ") or [],
        county=data["lan"].code if data.get("lan") else "",
        municipality=data["kommun"].code if data.get("kommun") else "",
        programme=data.get("program") or "",
        period_from=data.get("fran"),
        period_to=data.get("till"),
        origin=origin,
        km=data.get("km") if origin else None,
        sort=data.get("sort") or ("distance" if origin else "relevance"),
        page=page,
        origin_label=origin_label,
    )
    return query


def listing_list(request: HttpRequest) -> HttpResponse:
    form = ListingFilterForm(
        request.GET or None, schools=schools_for(request.user).select_related("municipality")
    )
    query = _query_from(form, request) if request.GET else ListingQuery()
    results = find_listings(query)
    context = {"form": form, "query": query, "results": results, "page_obj": results.page_obj}
    if results.by_municipality:
        context["map"] = placements_map(request, query, results)
    return render(request, "internships/listing_list.html", context)


def listing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    listing = get_object_or_404(public_listings(), pk=pk)
    county = listing.workplace.municipality.county
    schools = schools_for(request.user)
    context = {
        "listing": listing,
        "periods": upcoming_periods(listing=listing),
        "programmes": programme_names(listing.programmes.values_list("code", flat=True)),
        "outlook": outlook_for(ssyk=listing.occupation_ssyk, county_code=county.code),
        "county": county,
        "can_book": schools.exists(),
        "profile": getattr(listing.company, "internship_profile", None),
    }
    return render(request, "internships/listing_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, pk: int, period_id: int) -> HttpResponse:
    listing = get_object_or_404(public_listings(), pk=pk)
    period = get_object_or_404(ListingPeriod, pk=period_id, listing=listing)
    schools = schools_for(request.user)
    if not schools.exists():
        raise Http404
    require_second_factor(request)  # the request names pupils
    form = BookingForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        try:
            booking = request_booking(
                period_id=period.pk,
                school=form.cleaned_data["school"],
                requested_by=request.user,
                pupil_names=form.pupil_names,
                message=form.cleaned_data["message"],
            )
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request,
                _("Förfrågan är skickad till %(company)s. Du får e-post när de svarar.")
                % {"company": listing.company.name},
            )
            return redirect("internships:school_booking", booking.school_id, booking.pk)
    periods = {p.pk: p for p in upcoming_periods(listing=listing)}
    return render(
        request,
        "internships/book.html",
        {"form": form, "listing": listing, "period": periods.get(period.pk, period)},
    )
