"""The company's praktikintyg form, reached only through the signed e-mailed link. Every page
that shows the pupil's certificate through the link (the form, the thank-you page) is written to
the audit log, like the school's certificate pages."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from syvsite.privacy.models import AccessLogEntry

from ..exceptions import PlacementError
from ..forms import apply_service_error
from ..forms.bookings import CertificateForm
from ..services.certificates import complete_certificate, link_max_age_days, read_token
from . import access


@never_cache
@require_http_methods(["GET", "POST"])
def certificate_form(request: HttpRequest, token: str) -> HttpResponse:
    check = read_token(token)
    if check.certificate is None:
        return render(
            request,
            "internships/certificate_link_problem.html",
            {"problem": check.problem, "days": link_max_age_days()},
            status=410 if check.problem in ("expired", "replaced") else 400,
        )
    certificate = check.certificate
    booking = certificate.pupil.booking
    if certificate.is_completed:
        access.log_certificate_access(
            request, certificate, action=AccessLogEntry.Action.VIEW, via_link=True
        )
        return render(request, "internships/certificate_done.html", {"certificate": certificate})
    listing = booking.period.listing
    initial = {
        "signed_by_name": listing.supervisor_name,
        "signed_by_title": listing.supervisor_title,
        "days_planned": _weekdays(booking.period.start_date, booking.period.end_date),
    }
    form = CertificateForm(request.POST or None, instance=certificate, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            complete_certificate(certificate=certificate, data=form.cleaned_data)
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Tack! Praktikintyget är skickat till skolan."))
            return redirect("internships:certificate_form", token)
    access.log_certificate_access(
        request, certificate, action=AccessLogEntry.Action.VIEW, via_link=True
    )
    return render(
        request,
        "internships/certificate_form.html",
        {"form": form, "certificate": certificate, "booking": booking, "listing": listing},
    )


def _weekdays(start, end) -> int:
    from datetime import timedelta

    days, day = 0, start
    while day <= end:
        days += day.weekday() < 5
        day += timedelta(days=1)
    return days
