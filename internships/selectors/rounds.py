"""Reads for choice rounds: which periods pupils may choose, who may see what, and the
allocation as rows for the export."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from syvsite.regions.services import distance_km

from ..models import ChoiceRound, ListingPeriod, Participant
from .listings import periods_with_availability, public_listings, today

PUPIL_SESSION_KEY = "internships_pupil_ids"


def round_is_open_for_choices(choice_round: ChoiceRound) -> bool:
    return (
        choice_round.status == ChoiceRound.Status.OPEN and today() <= choice_round.choices_close_at
    )


def eligible_periods(choice_round: ChoiceRound) -> list[ListingPeriod]:
    """Live periods of the round's placement type that overlap its dates and lie within reach.

    Each period has `.left` (free places) and gets `.distance` (km from the school's municipality).
    """
    periods = periods_with_availability(
        ListingPeriod.objects.filter(
            listing__in=public_listings(),
            listing__placement_type=choice_round.placement_type,
            start_date__lte=choice_round.period_end,
            end_date__gte=choice_round.period_start,
        ).select_related("listing__company", "listing__workplace__municipality")
    )
    origin = choice_round.school.municipality.location if choice_round.school.municipality else None
    result = []
    for period in periods:
        location = period.listing.location
        period.distance = distance_km(origin, location) if origin and location else None
        if period.distance is not None and period.distance > choice_round.max_distance_km:
            continue
        result.append(period)
    result.sort(key=lambda p: (p.distance if p.distance is not None else 1e9, p.listing.title))
    return result


def participants_for(request) -> QuerySet:
    """The pupil's own participations: from a code session or their own account, never others'."""
    ids = request.session.get(PUPIL_SESSION_KEY, [])
    queryset = Participant.objects.none()
    if ids:
        queryset = Participant.objects.filter(pk__in=ids)
    if request.user.is_authenticated:
        queryset = queryset | Participant.objects.filter(user=request.user)
    return queryset.select_related("choice_round__school").distinct()


def allocation_headers() -> list[str]:
    return [
        _("Klass"),
        _("Elev"),
        _("Praktikplats"),
        _("Företag"),
        _("Adress"),
        _("Kommun"),
        _("Period"),
        _("Val nr"),
        _("Placerad manuellt"),
        _("Handledare"),
        _("Handledarens e-post"),
    ]


def allocation_rows(choice_round: ChoiceRound) -> list[list]:
    """One row per pupil (class, then name), as allocation_headers() names the columns."""
    participants = choice_round.participants.select_related(
        "assigned_period__listing__company", "assigned_period__listing__workplace__municipality"
    ).order_by("school_class", "name")
    rows = []
    for participant in participants:
        period = participant.assigned_period
        if period is None:
            rows.append([participant.school_class, participant.name, _("Ingen plats"), *[""] * 8])
            continue
        listing, workplace = period.listing, period.listing.workplace
        rows.append(
            [
                participant.school_class,
                participant.name,
                listing.title,
                listing.company.name,
                f"{workplace.street_address}, {workplace.postal_code} {workplace.city}",
                workplace.municipality.name,
                f"{period.start_date:%Y-%m-%d}–{period.end_date:%Y-%m-%d}",
                participant.assigned_rank or "",
                _("Ja") if participant.assigned_manually else _("Nej"),
                listing.supervisor_name,
                listing.supervisor_email,
            ]
        )
    return rows
