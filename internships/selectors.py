"""Reads shared by views, the API, search documents and services."""

from datetime import date

from django.db.models import Exists, IntegerField, Max, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from syvsite.accounts.roles import Role, has_role
from syvsite.organisations.models import Organisation
from syvsite.organisations.services import organisations_for

from .models import RESERVING_STATUSES, Booking, Listing, ListingPeriod


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
    queryset = ListingPeriod.objects.all() if queryset is None else queryset
    return queryset.annotate(reserved=reserved_places_subquery())


def reserved_places(*, period: ListingPeriod) -> int:
    total = period.bookings.filter(status__in=RESERVING_STATUSES).aggregate(n=Sum("places"))["n"]
    return total or 0


def places_left(*, period: ListingPeriod) -> int:
    return max(period.places - reserved_places(period=period), 0)


def today() -> date:
    return timezone.localdate()


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
    periods = periods_with_availability(listing.periods.filter(end_date__gte=today()))
    result = list(periods)
    for period in result:
        period.left = max(period.places - period.reserved, 0)
    return result


def company_for(user, company_id: int) -> Organisation | None:
    """The user's own company with this id, or None (the caller answers 404)."""
    return organisations_for(user, kind=Organisation.Kind.COMPANY).filter(pk=company_id).first()


def is_school_staff(user) -> bool:
    return has_role(user, Role.COUNSELLOR) or has_role(user, Role.PLACEMENT_COORDINATOR)


def schools_for(user) -> QuerySet:
    """Schools whose placements the user may book and manage (counsellors and coordinators)."""
    if not is_school_staff(user):
        return Organisation.objects.none()
    return organisations_for(user, kind=Organisation.Kind.SCHOOL)


def school_for(user, school_id: int) -> Organisation | None:
    return schools_for(user).filter(pk=school_id).first()


def is_placement_coordinator(user) -> bool:
    return has_role(user, Role.PLACEMENT_COORDINATOR)


def companies_awaiting_approval() -> QuerySet:
    return (
        Organisation.objects.filter(kind=Organisation.Kind.COMPANY, is_approved=False)
        .filter(internship_profile__submitted_at__isnull=False)
        .filter(internship_profile__rejected_at__isnull=True)
        .select_related("municipality", "internship_profile")
        .order_by("internship_profile__submitted_at")
    )


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
