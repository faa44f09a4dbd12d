"""A school's side: its bookings, cancelling, and praktikintyg (request, print, PDF)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from syvsite.privacy.models import AccessLogEntry

from ..exceptions import PlacementError
from ..models import Booking, BookingPupil, Certificate
from ..selectors.organisations import is_placement_coordinator, schools_for
from ..services.bookings import cancel_booking
from ..services.certificates import CERTIFICATE_PART_LABELS, send_certificate_link
from . import access
from .downloads import certificate_pdf

PER_PAGE = 25


@login_required
def school_index(request: HttpRequest) -> HttpResponse:
    schools = list(schools_for(request.user))
    if len(schools) == 1:
        return redirect("internships:school", schools[0].pk)
    return render(request, "internships/school/index.html", {"schools": schools})


@login_required
def school_home(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    bookings = (
        Booking.objects.filter(school=school)
        .select_related("period__listing__company", "requested_by")
        .order_by("-created_at")
    )
    page_obj = Paginator(bookings, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "internships/school/home.html",
        {
            "school": school,
            "bookings": page_obj.object_list,
            "page_obj": page_obj,
            "rounds": school.choice_rounds.order_by("-period_start"),
        },
    )


@login_required
def school_booking(request: HttpRequest, school_id: int, booking_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    booking = access.school_booking_or_404(school, booking_id)
    pupils = booking.pupils.select_related("certificate")
    access.log_booking_access(request, booking, organisation=school)
    return render(
        request,
        "internships/school/booking.html",
        {
            "school": school,
            "booking": booking,
            "pupils": pupils,
            "listing": booking.period.listing,
            "certificate_parts": CERTIFICATE_PART_LABELS,
            "is_coordinator": is_placement_coordinator(request.user),
        },
    )


@login_required
@require_POST
def school_booking_cancel(request: HttpRequest, school_id: int, booking_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    booking = access.school_booking_or_404(school, booking_id)
    try:
        cancel_booking(booking=booking, cancelled_by=request.user)
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Bokningen är avbokad och företaget har fått besked."))
    return redirect("internships:school_booking", school.pk, booking.pk)


@login_required
@require_POST
def certificate_request(
    request: HttpRequest, school_id: int, booking_id: int, pupil_id: int
) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    booking = access.school_booking_or_404(school, booking_id)
    pupil = get_object_or_404(BookingPupil, pk=pupil_id, booking=booking)
    try:
        certificate = send_certificate_link(
            pupil=pupil, sent_by=request.user, parts=request.POST.getlist("parts")
        )
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("En länk till praktikintyget för %(pupil)s är skickad till %(email)s.")
            % {"pupil": pupil.name, "email": certificate.link_sent_to},
        )
    return redirect("internships:school_booking", school.pk, booking.pk)


def _school_certificate(request: HttpRequest, school_id: int, certificate_id: int) -> Certificate:
    school = access.school_or_404(request, school_id)
    return get_object_or_404(
        Certificate.objects.select_related(
            "pupil__booking__period__listing__company",
            "pupil__booking__period__listing__workplace",
            "pupil__booking__school",
        ),
        pk=certificate_id,
        pupil__booking__school=school,
        completed_at__isnull=False,
        erased_at__isnull=True,
    )


@login_required
def certificate(request: HttpRequest, school_id: int, certificate_id: int) -> HttpResponse:
    certificate = _school_certificate(request, school_id, certificate_id)
    access.log_certificate_access(request, certificate, action=AccessLogEntry.Action.VIEW)
    return render(
        request,
        "internships/certificate_print.html",
        {"certificate": certificate, "booking": certificate.pupil.booking, "school_id": school_id},
    )


@login_required
def certificate_download(request: HttpRequest, school_id: int, certificate_id: int) -> HttpResponse:
    certificate = _school_certificate(request, school_id, certificate_id)
    access.log_certificate_access(request, certificate, action=AccessLogEntry.Action.EXPORT)
    filename = f"praktikintyg-{slugify(certificate.pupil.name) or certificate.pk}.pdf"
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
