"""Booking places: a school asks for places in a period, the company accepts or declines.

Capacity rule: pending and accepted bookings both hold their places (RESERVING_STATUSES), so
`places - held` is what anyone else can still ask for. Every booking locks its period row
(`SELECT … FOR UPDATE` on PostgreSQL) before counting, so concurrent requests for the last
places queue up on the lock and each one counts the others' committed bookings: capacity can
never be exceeded. Declining or cancelling releases the places.
"""

from collections.abc import Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from syvsite.accounts.services import absolute_url
from syvsite.organisations.models import Organisation

from ..exceptions import CapacityError, InvalidTransition, PlacementError
from ..models import Booking, BookingPupil, Listing, ListingPeriod
from ..selectors.listings import reserved_places, today
from . import notifications

MAX_PUPILS_PER_BOOKING = 60


def clean_pupil_names(names: Sequence[str], *, unique: bool = True) -> list[str]:
    cleaned, seen = [], set()
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            continue
        if len(name) > 150:
            raise PlacementError(_("Ett elevnamn är för långt (högst 150 tecken)."), field="pupils")
        if unique and name.casefold() in seen:
            raise PlacementError(
                _("%(name)s står med två gånger.") % {"name": name}, field="pupils"
            )
        seen.add(name.casefold())
        cleaned.append(name)
    if not cleaned:
        raise PlacementError(_("Skriv namnet på minst en elev, en per rad."), field="pupils")
    if len(cleaned) > MAX_PUPILS_PER_BOOKING:
        raise PlacementError(
            _("Högst %(max)s elever per bokning.") % {"max": MAX_PUPILS_PER_BOOKING},
            field="pupils",
        )
    return cleaned


def lock_period(period_id: int) -> ListingPeriod:
    """The period row, locked until the transaction ends (a no-op lock on SQLite)."""
    period = ListingPeriod.objects.select_for_update().filter(pk=period_id).first()
    if period is None:
        raise PlacementError(_("Perioden finns inte längre."))
    return period


def check_bookable(period: ListingPeriod, *, wanted: int) -> None:
    """Raise unless the (locked) period's listing is live and has `wanted` free places."""
    listing = Listing.objects.select_related("company").get(pk=period.listing_id)
    if not listing.is_live:
        raise PlacementError(_("Annonsen är inte publicerad längre och kan inte bokas."))
    if period.start_date < today():
        raise PlacementError(_("Perioden har redan börjat och kan inte bokas."))
    left = period.places - reserved_places(period=period)
    if left <= 0:
        raise CapacityError(_("Perioden är fullbokad. Välj en annan period eller annons."))
    if wanted > left:
        raise CapacityError(
            ngettext(
                "Det finns bara %(left)s ledig plats kvar i perioden, men du bad om %(wanted)s.",
                "Det finns bara %(left)s lediga platser kvar i perioden, men du bad om %(wanted)s.",
                left,
            )
            % {"left": left, "wanted": wanted},
            field="pupils",
        )


@transaction.atomic
def request_booking(
    *,
    period_id: int,
    school: Organisation,
    requested_by,
    pupil_names: Sequence[str],
    message: str = "",
    choice_round=None,
    participants: Sequence | None = None,
) -> Booking:
    # Pupils from a choice round are distinct people even when two share a name.
    names = clean_pupil_names(pupil_names, unique=participants is None)
    if school.kind != Organisation.Kind.SCHOOL:
        raise PlacementError(_("Bara skolor kan boka praktikplatser."))
    period = lock_period(period_id)
    check_bookable(period, wanted=len(names))
    booking = Booking.objects.create(
        period=period,
        school=school,
        requested_by=requested_by,
        places=len(names),
        message=message.strip(),
        choice_round=choice_round,
    )
    participants = list(participants or [None] * len(names))
    BookingPupil.objects.bulk_create(
        BookingPupil(booking=booking, name=name, participant=participant)
        for name, participant in zip(names, participants, strict=True)
    )
    _notify_company(booking, template="booking_requested")
    return booking


def _lock_booking(booking: Booking) -> Booking:
    return Booking.objects.select_for_update().select_related("period__listing").get(pk=booking.pk)


@transaction.atomic
def decide_booking(*, booking: Booking, accept: bool, decided_by, message: str = "") -> Booking:
    booking = _lock_booking(booking)
    if booking.status != Booking.Status.PENDING:
        raise InvalidTransition(_("Bokningen är redan besvarad eller avbokad."))
    booking.status = Booking.Status.ACCEPTED if accept else Booking.Status.DECLINED
    booking.response_message = message.strip()
    booking.decided_by, booking.decided_at = decided_by, timezone.now()
    booking.save()
    _notify_school(booking, template="booking_decided")
    return booking


@transaction.atomic
def cancel_booking(*, booking: Booking, cancelled_by) -> Booking:
    booking = _lock_booking(booking)
    if booking.status not in (Booking.Status.PENDING, Booking.Status.ACCEPTED):
        raise InvalidTransition(_("Bokningen är redan avböjd eller avbokad."))
    if booking.period.end_date < today():
        raise PlacementError(_("Perioden är redan slut och kan inte avbokas."))
    booking.status = Booking.Status.CANCELLED
    booking.decided_by, booking.decided_at = cancelled_by, timezone.now()
    booking.save()
    _notify_company(booking, template="booking_cancelled")
    return booking


def _notify_company(booking: Booking, *, template: str) -> None:
    company = booking.period.listing.company
    notifications.send(
        template=template,
        recipients=notifications.company_addresses(company),
        context={
            "booking": booking,
            "listing": booking.period.listing,
            "link": absolute_url(
                reverse("internships:company_booking", args=[company.pk, booking.pk])
            ),
        },
    )


def _notify_school(booking: Booking, *, template: str) -> None:
    requester = booking.requested_by
    recipients = [requester.email] if requester else notifications.school_addresses(booking.school)
    notifications.send(
        template=template,
        recipients=recipients,
        context={
            "booking": booking,
            "listing": booking.period.listing,
            "link": absolute_url(
                reverse("internships:school_booking", args=[booking.school_id, booking.pk])
            ),
        },
    )
