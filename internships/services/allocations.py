"""Running, adjusting and publishing a choice round's allocation (see internships/allocation.py)."""

import secrets
from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from syvsite.accounts.services import absolute_url

from ..allocation import AllocationResult, allocate
from ..exceptions import CapacityError, PlacementError
from ..models import ChoiceRound, ListingPeriod, Participant
from ..selectors.listings import periods_with_availability, public_listings
from ..selectors.rounds import eligible_periods
from . import notifications
from .bookings import check_bookable
from .bookings import request_booking as _create_booking

MAX_SEED = 2**48


def _lock_round(choice_round: ChoiceRound) -> ChoiceRound:
    return ChoiceRound.objects.select_for_update().select_related("school").get(pk=choice_round.pk)


def _free_places(period_ids: set[int]) -> dict[int, int]:
    """Free places per period; periods of listings that are no longer live have none."""
    periods = periods_with_availability(
        ListingPeriod.objects.filter(pk__in=period_ids, listing__in=public_listings())
    )
    return {period.pk: period.left for period in periods}


@transaction.atomic
def run_allocation(*, choice_round: ChoiceRound, seed: int | None = None) -> AllocationResult:
    """Allocate every pupil not placed by hand; manual placements stay and use their places."""
    choice_round = _lock_round(choice_round)
    if choice_round.status == ChoiceRound.Status.PUBLISHED:
        raise PlacementError(_("Fördelningen är redan klar och skickad till företagen."))
    if seed is None:
        seed = secrets.randbelow(MAX_SEED)
    if not 0 <= seed < MAX_SEED:
        raise PlacementError(_("Slumpfröet måste vara ett heltal från 0."), field="seed")
    participants = list(choice_round.participants.prefetch_related("choices"))
    # Placed (or taken off) by hand: kept as they are, and their places are used up.
    pinned = [p for p in participants if p.assigned_manually]
    free = [p for p in participants if not p.assigned_manually]
    wanted = {c.period_id for p in free for c in p.choices.all()}
    held = [p.assigned_period_id for p in pinned if p.assigned_period_id]
    capacity = _free_places(wanted | set(held))
    for period_id in held:
        capacity[period_id] = capacity.get(period_id, 0) - 1
    result = allocate(
        preferences={p.pk: [c.period_id for c in p.choices.all()] for p in free},
        capacity=capacity,
        seed=seed,
    )
    for participant in free:
        participant.assigned_period_id = result.assignment[participant.pk]
        participant.assigned_rank = result.rank[participant.pk]
        participant.assigned_manually = False
    Participant.objects.bulk_update(free, ["assigned_period", "assigned_rank", "assigned_manually"])
    choice_round.seed, choice_round.allocated_at = seed, timezone.now()
    choice_round.status = ChoiceRound.Status.ALLOCATED
    choice_round.save(update_fields=["seed", "allocated_at", "status"])
    return result


@transaction.atomic
def override_assignment(*, participant: Participant, period_id: int | None) -> Participant:
    """Place a pupil by hand (or take them off a place); the allocation keeps it on re-runs."""
    choice_round = _lock_round(participant.choice_round)
    if choice_round.status != ChoiceRound.Status.ALLOCATED:
        raise PlacementError(_("Kör fördelningen först; ändringar görs innan den skickas ut."))
    if period_id is None:
        participant.assigned_period, participant.assigned_rank = None, None
        participant.assigned_manually = True
        participant.save(update_fields=["assigned_period", "assigned_rank", "assigned_manually"])
        return participant
    period = next((p for p in eligible_periods(choice_round) if p.pk == period_id), None)
    if period is None:
        raise PlacementError(
            _("Platsen går inte att välja för den här valomgången."), field="period"
        )
    taken = (
        choice_round.participants.filter(assigned_period_id=period_id)
        .exclude(pk=participant.pk)
        .count()
    )
    if taken >= period.left:
        raise CapacityError(
            _("%(title)s har inga fler lediga platser i den här fördelningen.")
            % {"title": period.listing.title},
            field="period",
        )
    ranks = {choice.period_id: choice.rank for choice in participant.choices.all()}
    participant.assigned_period_id, participant.assigned_rank = period_id, ranks.get(period_id)
    participant.assigned_manually = True
    participant.save(update_fields=["assigned_period", "assigned_rank", "assigned_manually"])
    return participant


@transaction.atomic
def publish_allocation(*, choice_round: ChoiceRound, published_by) -> list:
    """Book the allocated places (one booking per period) and tell companies and pupils.

    All periods are locked in id order first, so a concurrent booking cannot take a place
    between the check and the write; if any period no longer has room, nothing is booked.
    """
    choice_round = _lock_round(choice_round)
    if choice_round.status != ChoiceRound.Status.ALLOCATED:
        raise PlacementError(_("Det finns ingen fördelning att skicka ut."))
    by_period: dict[int, list[Participant]] = defaultdict(list)
    for participant in choice_round.participants.filter(assigned_period__isnull=False):
        by_period[participant.assigned_period_id].append(participant)
    periods = ListingPeriod.objects.select_for_update().filter(pk__in=by_period).order_by("pk")
    for period in periods:
        try:
            check_bookable(period, wanted=len(by_period[period.pk]))
        except PlacementError as error:
            raise CapacityError(
                _("%(title)s (%(period)s): %(reason)s Kör fördelningen igen.")
                % {"title": period.listing.title, "period": period, "reason": error.message}
            ) from error
    bookings = []
    for period_id in sorted(by_period):
        pupils = by_period[period_id]
        bookings.append(
            _create_booking(
                period_id=period_id,
                school=choice_round.school,
                requested_by=published_by,
                pupil_names=[_pupil_label(p) for p in pupils],
                message=_("Fördelning från valomgången ”%(title)s”.")
                % {"title": choice_round.title},
                choice_round=choice_round,
                participants=pupils,
            )
        )
    choice_round.status, choice_round.published_at = ChoiceRound.Status.PUBLISHED, timezone.now()
    choice_round.save(update_fields=["status", "published_at"])
    _notify_pupils(choice_round)
    return bookings


def _pupil_label(participant: Participant) -> str:
    if participant.school_class:
        return f"{participant.name} ({participant.school_class})"
    return participant.name


def _notify_pupils(choice_round: ChoiceRound) -> None:
    for participant in choice_round.participants.filter(user__isnull=False).select_related("user"):
        notifications.send(
            template="pupil_result",
            recipients=[participant.user.email],
            context={
                "participant": participant,
                "choice_round": choice_round,
                "link": absolute_url(reverse("internships:pupil_round", args=[participant.pk])),
            },
        )
