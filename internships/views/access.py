"""Who may see what. Everything an organisation owns is looked up through the user's own
organisations; anything else answers 404 so nothing about other organisations leaks."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from syvsite.accounts.middleware import require_second_factor
from syvsite.privacy.models import AccessLogEntry
from syvsite.privacy.services import log_access

from ..models import Booking, ChoiceRound, Listing
from ..selectors.organisations import company_for, is_placement_coordinator, school_for


def company_or_404(request: HttpRequest, company_id: int):
    company = company_for(request.user, company_id)
    if company is None:
        raise Http404
    return company


def company_listing_or_404(company, listing_id: int) -> Listing:
    return get_object_or_404(
        Listing.objects.select_related("workplace__municipality__county", "company"),
        pk=listing_id,
        company=company,
    )


def company_booking_or_404(company, booking_id: int) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("period__listing__workplace", "school", "requested_by"),
        pk=booking_id,
        period__listing__company=company,
    )


def school_or_404(request: HttpRequest, school_id: int):
    """The user's own school; every school page shows pupils, so the session must also have
    passed the second sign-in step (a redirect to it otherwise, see accounts.middleware)."""
    school = school_for(request.user, school_id)
    if school is None:
        raise Http404
    require_second_factor(request)
    return school


def school_booking_or_404(school, booking_id: int) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("period__listing__company", "period__listing__workplace"),
        pk=booking_id,
        school=school,
    )


def school_round_or_404(school, round_id: int) -> ChoiceRound:
    return get_object_or_404(
        ChoiceRound.objects.select_related("school__municipality"), pk=round_id, school=school
    )


def coordinator_required(view):
    """Placement coordinators only; others get 404 like any page that is not theirs."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_placement_coordinator(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def log_round_access(
    request: HttpRequest, choice_round: ChoiceRound, *, action: str, detail: str = ""
) -> None:
    """Write who saw or exported a choice round's pupils to the audit log. `detail` says which
    page beyond the round's own (the code slips), by the pupils' ids, never their names."""
    label = _("Valomgång: %(title)s") % {"title": choice_round.title}
    log_access(
        user=request.user,
        action=action,
        object_type=AccessLogEntry.ObjectType.CHOICE_ROUND,
        object_id=choice_round.pk,
        label=f"{label} ({detail})" if detail else label,
        organisation=choice_round.school.name,
    )


def log_code_slips(request: HttpRequest, choice_round: ChoiceRound, created) -> None:
    """The page of code slips (pupils' names, classes and new one-time codes), shown after
    adding pupils or issuing a new code: a view of the round's pupils, naming which ones by id
    (the first and last when a long list would not fit in the label)."""
    ids = [item.participant.pk for item in created]
    listed = ", ".join(map(str, ids))
    if len(listed) > 100:
        listed = _("%(first)s till %(last)s") % {"first": ids[0], "last": ids[-1]}
    detail = ngettext(
        "kod till %(count)s elev, id %(ids)s", "koder till %(count)s elever, id %(ids)s", len(ids)
    ) % {"count": len(ids), "ids": listed}
    log_round_access(request, choice_round, action=AccessLogEntry.Action.VIEW, detail=detail)


def log_booking_access(request: HttpRequest, booking: Booking, *, organisation) -> None:
    log_access(
        user=request.user,
        action=AccessLogEntry.Action.VIEW,
        object_type=AccessLogEntry.ObjectType.BOOKING,
        object_id=booking.pk,
        label=_("Bokning %(id)s: %(listing)s, %(period)s")
        % {"id": booking.pk, "listing": booking.period.listing.title, "period": booking.period},
        organisation=organisation.name,
    )


def log_certificate_access(
    request: HttpRequest, certificate, *, action: str, via_link: bool = False
) -> None:
    """Write who saw or downloaded a certificate. `via_link`: the supervisor's form reached
    through the e-mailed link, usually by someone not signed in; the entry then names the
    address the link was sent to and the company, and its label says it was the link."""
    booking = certificate.pupil.booking
    label = _("Praktikintyg %(id)s (bokning %(booking)s)") % {
        "id": certificate.pk,
        "booking": booking.pk,
    }
    if via_link:
        label = _("%(certificate)s, via e-postlänken till handledaren") % {"certificate": label}
    log_access(
        user=request.user,
        action=action,
        object_type=AccessLogEntry.ObjectType.CERTIFICATE,
        object_id=certificate.pk,
        label=label,
        organisation=(booking.period.listing.company if via_link else booking.school).name,
        link_holder=certificate.link_sent_to if via_link else "",
    )
