"""Listings and their periods: what is live, free places, and the review and expiry queues."""

from datetime import date

from django.db.models import (
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from ..models import RESERVING_STATUSES, Booking, Listing, ListingPeriod


def today() -> date:
    return timezone.localdate()


def reserved_places_subquery() -> Coalesce:
    """Places held by pending and accepted bookings of the outer period."""
    held = (
        Booking.objects.filter(period=OuterRef("pk"), status__in=RESERVING_STATUSES)
        .order_by()
        .values("period")
        .annotate(total=Sum("places"))
        .values("total")
    )
    return Coalesce(Subquery(held, output_field=IntegerField()), 0)


def periods_with_availability(queryset: QuerySet | None = None) -> QuerySet:
    """Periods with `reserved` (places held by bookings) and `left` (free places, never < 0)."""
    queryset = ListingPeriod.objects.all() if queryset is None else queryset
    return queryset.annotate(reserved=reserved_places_subquery()).annotate(
        left=Greatest(F("places") - F("reserved"), Value(0), output_field=IntegerField())
    )


def reserved_places(*, period: ListingPeriod) -> int:
    total = period.bookings.filter(status__in=RESERVING_STATUSES).aggregate(n=Sum("places"))["n"]
    return total or 0


def places_left(*, period: ListingPeriod) -> int:
    return max(period.places - reserved_places(period=period), 0)


def public_listings() -> QuerySet:
    """Published listings of approved companies with at least one period that has not ended."""
    upcoming = ListingPeriod.objects.filter(listing=OuterRef("pk"), end_date__gte=today())
    return (
        Listing.objects.published()
        .filter(Exists(upcoming))
        .select_related("company", "workplace__municipality__county")
        .prefetch_related("programmes")
    )


def upcoming_periods(*, listing: Listing) -> list[ListingPeriod]:
    return list(periods_with_availability(listing.periods.filter(end_date__gte=today())))


def listings_awaiting_review() -> QuerySet:
    return (
        Listing.objects.filter(status=Listing.Status.PENDING_REVIEW)
        .select_related("company", "workplace__municipality")
        .order_by("submitted_at")
    )


def listings_due_to_expire(*, on: date) -> QuerySet:
    """Published or filled listings whose last period ended before `on`."""
    return (
        Listing.objects.filter(status__in=[Listing.Status.PUBLISHED, Listing.Status.FILLED])
        .annotate(last_end=Max("periods__end_date"))
        .filter(last_end__lt=on)
    )
