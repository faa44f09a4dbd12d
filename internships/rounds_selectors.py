"""Reads for choice rounds: which periods pupils may choose, and who may see what."""

from django.db.models import QuerySet

from syvsite.regions.services import distance_km

from .models import ChoiceRound, ListingPeriod, Participant
from .selectors import periods_with_availability, public_listings, today

PUPIL_SESSION_KEY = "internships_pupil_ids"


def round_is_open_for_choices(choice_round: ChoiceRound) -> bool:
    return (
        choice_round.status == ChoiceRound.Status.OPEN and today() <= choice_round.choices_close_at
    )


def eligible_periods(choice_round: ChoiceRound) -> list[ListingPeriod]:
    """Live periods of the round's placement type that overlap its dates and lie within reach.

    Each period gets `.left` (free places) and `.distance` (km from the school's municipality).
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
        period.left = max(period.places - period.reserved, 0)
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
