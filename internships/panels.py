"""Boxes on "Mina sidor" (company, school staff, coordinators, pupils) and the home page."""

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from syvsite.core.registry import Panel
from syvsite.organisations.models import Organisation
from syvsite.organisations.services import organisations_for

from .models import Booking, ChoiceRound, Listing, Participant
from .selectors.listings import listings_awaiting_review, public_listings
from .selectors.organisations import (
    companies_awaiting_approval,
    is_placement_coordinator,
    schools_for,
)


def company_panel(request: HttpRequest) -> Panel | None:
    companies = organisations_for(request.user, kind=Organisation.Kind.COMPANY).annotate(
        listings_published=Count(
            "listings", filter=Q(listings__status=Listing.Status.PUBLISHED), distinct=True
        ),
        listings_total=Count("listings", distinct=True),
    )
    companies = list(companies)
    if not companies:
        return None
    pending = (
        Booking.objects.filter(
            period__listing__company__in=companies, status=Booking.Status.PENDING
        )
        .select_related("period__listing", "school")
        .order_by("created_at")
    )
    return Panel(
        title=_("Praktikplatser för ditt företag"),
        template="internships/panels/company.html",
        context={"companies": companies, "pending": pending[:5], "pending_count": pending.count()},
        order=20,
    )


def school_panel(request: HttpRequest) -> Panel | None:
    schools = list(schools_for(request.user))
    if not schools:
        return None
    bookings = (
        Booking.objects.filter(
            school__in=schools, status__in=[Booking.Status.PENDING, Booking.Status.ACCEPTED]
        )
        .select_related("period__listing", "school")
        .order_by("period__start_date")
    )
    rounds = ChoiceRound.objects.filter(school__in=schools).exclude(
        status=ChoiceRound.Status.PUBLISHED
    )
    return Panel(
        title=_("Praktik för dina elever"),
        template="internships/panels/school.html",
        context={
            "schools": schools,
            "bookings": bookings[:5],
            "booking_count": bookings.count(),
            "rounds": rounds[:5],
        },
        order=25,
    )


def coordinator_panel(request: HttpRequest) -> Panel | None:
    if not is_placement_coordinator(request.user):
        return None
    return Panel(
        title=_("Praktiksamordning"),
        template="internships/panels/coordinator.html",
        context={
            "companies": companies_awaiting_approval().count(),
            "listings": listings_awaiting_review().count(),
        },
        order=15,
    )


def pupil_panel(request: HttpRequest) -> Panel | None:
    if not request.user.is_authenticated:
        return None
    participations = list(
        Participant.objects.filter(user=request.user).select_related("choice_round__school")
    )
    if not participations:
        return None
    return Panel(
        title=_("Mina praktikval"),
        template="internships/panels/pupil.html",
        context={"participations": participations},
        order=10,
    )


def home_panel(request: HttpRequest) -> Panel | None:
    listings = list(public_listings().order_by("-published_at")[:4])
    if not listings:
        return None
    return Panel(
        title=_("Nya praktikplatser"),
        template="internships/panels/home.html",
        context={"listings": listings, "total": public_listings().count()},
        order=40,
    )
