"""Listings and their periods, and the status workflow.

draft → pending_review → published → filled / expired / withdrawn. Companies submit, withdraw,
mark as filled and reopen; placement coordinators publish or send back; `expire_listings`
(the management command, run from cron) expires listings whose last period has ended.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from syvsite.accounts.services import absolute_url
from syvsite.organisations.models import Organisation

from ..exceptions import InvalidTransition, PlacementError
from ..models import Listing, ListingPeriod, ListingProgramme
from ..selectors.listings import listings_due_to_expire, reserved_places, today
from . import notifications

S = Listing.Status
COMPANY, COORDINATOR, SYSTEM = "company", "coordinator", "system"

# (from, to) → who may make the change.
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, S.PENDING_REVIEW): COMPANY,
    (S.PENDING_REVIEW, S.DRAFT): COMPANY,  # the company takes it back to edit
    (S.PENDING_REVIEW, S.PUBLISHED): COORDINATOR,
    (S.PENDING_REVIEW, S.WITHDRAWN): COMPANY,
    (S.DRAFT, S.WITHDRAWN): COMPANY,
    (S.PUBLISHED, S.FILLED): COMPANY,
    (S.PUBLISHED, S.WITHDRAWN): COMPANY,
    (S.PUBLISHED, S.EXPIRED): SYSTEM,
    (S.FILLED, S.PUBLISHED): COMPANY,
    (S.FILLED, S.WITHDRAWN): COMPANY,
    (S.FILLED, S.EXPIRED): SYSTEM,
    (S.WITHDRAWN, S.DRAFT): COMPANY,
    (S.EXPIRED, S.DRAFT): COMPANY,
}
# The coordinator sending a listing back (pending_review → draft) is not a transition here but
# a separate action with a required note: return_for_changes().

# What a company edits in a listing (ListingForm shows them, in this order).
LISTING_FIELDS = (
    "title",
    "placement_type",
    "workplace",
    "description",
    "occupation_name",
    "occupation_ssyk",
    "min_age",
    "language_requirements",
    "requires_driving_licence",
    "requires_record_extract",
    "health_and_safety",
    "safety_information",
    "supervisor_name",
    "supervisor_title",
    "supervisor_email",
    "supervisor_phone",
)


def allowed_transitions(listing: Listing, *, actor: str) -> list[str]:
    return [to for (src, to), who in TRANSITIONS.items() if src == listing.status and who == actor]


def _check_ready_for_review(listing: Listing) -> None:
    if not listing.periods.filter(end_date__gte=today()).exists():
        raise PlacementError(
            _("Lägg till minst en period som inte har passerat innan du skickar in.")
        )


def _check_publishable(listing: Listing) -> None:
    if not listing.company.is_approved:
        raise PlacementError(
            _("Företaget är inte godkänt ännu. Godkänn företaget innan annonsen publiceras.")
        )
    _check_ready_for_review(listing)


@transaction.atomic
def change_status(*, listing: Listing, to: str, actor: str, by=None, note: str = "") -> Listing:
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if to not in S.values:
        raise InvalidTransition(_("Okänd status."))
    if TRANSITIONS.get((listing.status, to)) != actor:
        raise InvalidTransition(
            _("Annonsen kan inte gå från ”%(from)s” till ”%(to)s”.")
            % {"from": listing.get_status_display(), "to": S(to).label}
        )
    if to == S.PENDING_REVIEW:
        _check_ready_for_review(listing)
        listing.submitted_at = timezone.now()
    if to == S.PUBLISHED:
        _check_publishable(listing)
        listing.published_at = listing.published_at or timezone.now()
    if actor == COORDINATOR:
        listing.reviewed_by, listing.review_note = by, note
    listing.status = to
    listing.status_changed_at = timezone.now()
    listing.save()
    _notify_status_change(listing, actor=actor)
    return listing


@transaction.atomic
def return_for_changes(*, listing: Listing, by, note: str) -> Listing:
    if not note.strip():
        raise PlacementError(_("Skriv vad företaget behöver ändra."), field="note")
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.status != S.PENDING_REVIEW:
        raise InvalidTransition(_("Bara annonser som väntar på granskning kan skickas tillbaka."))
    listing.status, listing.status_changed_at = S.DRAFT, timezone.now()
    listing.reviewed_by, listing.review_note = by, note.strip()
    listing.save()
    _notify_status_change(listing, actor=COORDINATOR)
    return listing


def _notify_status_change(listing: Listing, *, actor: str) -> None:
    if actor == COMPANY and listing.status == S.PENDING_REVIEW:
        link = reverse("internships:review_listing", args=[listing.pk])
        recipients = notifications.coordinator_addresses()
    elif actor == COORDINATOR:
        link = reverse("internships:company_listing", args=[listing.company_id, listing.pk])
        recipients = notifications.company_addresses(listing.company)
    else:
        return
    notifications.send(
        template="listing_status",
        recipients=recipients,
        context={"listing": listing, "link": absolute_url(link)},
    )


@transaction.atomic
def save_listing(
    *,
    company: Organisation,
    data: dict,
    programmes: list[str],
    listing: Listing | None = None,
) -> Listing:
    """Create or edit a listing. Editing a published listing sends it back for review."""
    listing = listing or Listing(company=company)
    if listing.company_id != company.pk or data["workplace"].company_id != company.pk:
        raise PlacementError(_("Annonsen och arbetsplatsen måste höra till ditt företag."))
    for name in LISTING_FIELDS:
        if name in data:
            setattr(listing, name, data[name])
    if listing.status in (S.PUBLISHED, S.FILLED):
        listing.status, listing.submitted_at = S.PENDING_REVIEW, timezone.now()
        listing.status_changed_at = timezone.now()
    listing.save()
    listing.programmes.exclude(code__in=programmes).delete()
    for code in programmes:
        ListingProgramme.objects.get_or_create(listing=listing, code=code)
    return listing


def _validate_period(*, start_date: date, end_date: date, places: int) -> None:
    if start_date < today():
        raise PlacementError(_("Perioden kan inte börja i det förflutna."), field="start_date")
    if end_date < start_date:
        raise PlacementError(_("Perioden kan inte sluta innan den börjar."), field="end_date")
    if places < 1:
        raise PlacementError(_("Ange minst en plats."), field="places")


@transaction.atomic
def add_period(
    *, listing: Listing, start_date: date, end_date: date, places: int, note: str = ""
) -> ListingPeriod:
    _validate_period(start_date=start_date, end_date=end_date, places=places)
    return ListingPeriod.objects.create(
        listing=listing, start_date=start_date, end_date=end_date, places=places, note=note
    )


@transaction.atomic
def update_period(
    *, period: ListingPeriod, start_date: date, end_date: date, places: int, note: str = ""
) -> ListingPeriod:
    period = ListingPeriod.objects.select_for_update().get(pk=period.pk)
    held = reserved_places(period=period)
    dates_changed = (start_date, end_date) != (period.start_date, period.end_date)
    if held and dates_changed:
        raise PlacementError(
            _("Perioden har bokningar. Datumen kan inte ändras; lägg till en ny period i stället."),
            field="start_date",
        )
    if dates_changed:
        _validate_period(start_date=start_date, end_date=end_date, places=places)
    if places < 1:
        raise PlacementError(_("Ange minst en plats."), field="places")
    if places < held:
        raise PlacementError(
            _("%(held)s platser är redan bokade. Antalet platser kan inte bli färre än så.")
            % {"held": held},
            field="places",
        )
    period.start_date, period.end_date, period.places, period.note = (
        start_date,
        end_date,
        places,
        note,
    )
    period.save()
    return period


@transaction.atomic
def delete_period(*, period: ListingPeriod) -> None:
    period = ListingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.bookings.exists():
        raise PlacementError(_("Perioden har bokningar och kan inte tas bort."))
    period.delete()


@transaction.atomic
def expire_listings(*, on: date | None = None) -> list[int]:
    """Expire published or filled listings whose last period ended before `on` (default today)."""
    on = on or today()
    # Aggregates cannot be combined with FOR UPDATE on PostgreSQL: pick the ids, then lock.
    ids = list(listings_due_to_expire(on=on).values_list("pk", flat=True))
    expired = []
    for listing in Listing.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
        listing.status, listing.status_changed_at = S.EXPIRED, timezone.now()
        listing.save(update_fields=["status", "status_changed_at", "updated_at"])
        expired.append(listing.pk)
    return expired
