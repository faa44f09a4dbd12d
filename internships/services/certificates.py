"""Placement certificates (praktikintyg), filled in by the company through a signed link.

The link carries a signed, timestamped token (django.core.signing) naming the certificate
and its link version. It stops working when it is older than CERTIFICATE_LINK_DAYS (conf.py),
when a newer link has been sent (the version is bumped) or once the certificate is submitted.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from syvsite.accounts.services import absolute_url

from .. import conf
from ..exceptions import PlacementError
from ..models import Booking, BookingPupil, Certificate
from ..selectors.listings import today
from . import notifications

SALT = "internships.certificate"
# What the supervisor fills in (CertificateForm shows them, in this order).
CERTIFICATE_FIELDS = (
    "days_planned",
    "days_attended",
    "punctuality",
    "engagement",
    "cooperation",
    "tasks",
    "assessment",
    "signed_by_name",
    "signed_by_title",
)
TEXT_FIELDS = {"tasks", "assessment", "signed_by_name", "signed_by_title"}
# The parts a school may ask for beyond attendance (Certificate.asks_*).
CERTIFICATE_PARTS = ("ratings", "tasks", "assessment")
CERTIFICATE_PART_LABELS = (
    ("ratings", gettext_lazy("bedömning av tider, engagemang och samarbete")),
    ("tasks", gettext_lazy("arbetsuppgifter")),
    ("assessment", gettext_lazy("omdöme")),
)


def link_max_age_days() -> int:
    return conf.get("CERTIFICATE_LINK_DAYS")


def make_token(certificate: Certificate) -> str:
    return signing.dumps({"c": certificate.pk, "v": certificate.link_version}, salt=SALT)


@dataclass
class TokenCheck:
    certificate: Certificate | None
    problem: str = ""  # "", "expired", "invalid", "replaced"


def read_token(token: str) -> TokenCheck:
    try:
        payload = signing.loads(token, salt=SALT, max_age=link_max_age_days() * 86400)
    except signing.SignatureExpired:
        return TokenCheck(None, "expired")
    except signing.BadSignature:
        return TokenCheck(None, "invalid")
    certificate = (
        Certificate.objects.select_related(
            "pupil__booking__period__listing__company", "pupil__booking__school"
        )
        .filter(pk=payload.get("c"))
        .first()
    )
    if certificate is None:
        return TokenCheck(None, "invalid")
    if certificate.link_version != payload.get("v"):
        return TokenCheck(None, "replaced")
    return TokenCheck(certificate)


@transaction.atomic
def send_certificate_link(
    *, pupil: BookingPupil, sent_by, parts: Iterable[str] = CERTIFICATE_PARTS
) -> Certificate:
    """E-mail the supervisor a link to fill in the certificate, asking for attendance and the
    chosen `parts` only ("ratings", "tasks", "assessment")."""
    booking = pupil.booking
    if booking.status != Booking.Status.ACCEPTED:
        raise PlacementError(_("Praktikintyg kan bara begäras för accepterade bokningar."))
    if booking.period.start_date > today():
        raise PlacementError(_("Praktiken har inte börjat ännu. Begär intyget när den har börjat."))
    certificate, _created = Certificate.objects.select_for_update().get_or_create(pupil=pupil)
    if certificate.is_completed:
        raise PlacementError(_("Intyget är redan ifyllt."))
    listing = booking.period.listing
    parts = set(parts)
    certificate.asks_ratings = "ratings" in parts
    certificate.asks_tasks = "tasks" in parts
    certificate.asks_assessment = "assessment" in parts
    certificate.link_version += 1
    certificate.link_sent_at, certificate.link_sent_to = timezone.now(), listing.supervisor_email
    certificate.save()
    notifications.send(
        template="certificate_request",
        recipients=[listing.supervisor_email],
        context={
            "pupil": pupil,
            "booking": booking,
            "listing": listing,
            "link": absolute_url(
                reverse("internships:certificate_form", args=[make_token(certificate)])
            ),
            "days": link_max_age_days(),
            "requested_by": sent_by,
        },
    )
    return certificate


@transaction.atomic
def complete_certificate(*, certificate: Certificate, data: dict) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_completed:
        raise PlacementError(_("Intyget är redan inskickat."))
    planned, attended = data.get("days_planned"), data.get("days_attended")
    if planned is not None and attended is not None and attended > planned:
        raise PlacementError(
            _("Närvarande dagar kan inte vara fler än planerade dagar."), field="days_attended"
        )
    for name in certificate.asked_fields:  # parts the school did not ask for stay empty
        value = data.get(name)
        setattr(certificate, name, "" if value is None and name in TEXT_FIELDS else value)
    certificate.completed_at = timezone.now()
    certificate.save()
    booking = certificate.pupil.booking
    requester = booking.requested_by
    notifications.send(
        template="certificate_completed",
        recipients=[requester.email]
        if requester
        else notifications.school_addresses(booking.school),
        context={
            "certificate": certificate,
            "pupil": certificate.pupil,
            "link": absolute_url(
                reverse("internships:certificate", args=[booking.school_id, certificate.pk])
            ),
        },
    )
    return certificate
