"""Factories for the placement board (factory_boy)."""

from datetime import timedelta
from itertools import count

import factory
from django.utils import timezone

from internships.models import (
    Booking,
    BookingPupil,
    Listing,
    ListingPeriod,
    PlacementType,
    Workplace,
)
from syvsite.accounts.roles import Role
from syvsite.organisations.models import Organisation
from syvsite.organisations.validators import luhn_is_valid
from tests.factories import OrganisationFactory, make_member, municipality

_numbers = count(100000)


def next_org_number() -> str:
    """A fresh valid organisationsnummer (556xxx-xxxC, Luhn check digit)."""
    while True:
        nine = f"556{next(_numbers) % 1000000:06d}"
        for check in range(10):
            if luhn_is_valid(nine + str(check)):
                return f"{nine[:6]}-{nine[6:]}{check}"


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


def round_data(**overrides) -> dict:
    """What a school fills in to open a PRAO choice round: a week a month from now, choices
    closing in ten days."""
    return {
        "title": "PRAO vecka 12",
        "placement_type": PlacementType.PRAO,
        "period_start": in_days(30),
        "period_end": in_days(34),
        "choices_close_at": in_days(10),
        "max_distance_km": 40,
        **overrides,
    }


class CompanyFactory(OrganisationFactory):
    kind = Organisation.Kind.COMPANY
    name = factory.Sequence(lambda n: f"Praktikföretaget {n} AB")
    org_number = factory.LazyFunction(next_org_number)
    email = factory.Sequence(lambda n: f"info{n}@foretag.se")


class SchoolFactory(OrganisationFactory):
    kind = Organisation.Kind.SCHOOL
    name = factory.Sequence(lambda n: f"Testskolan {n}")


class WorkplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplace

    company = factory.SubFactory(CompanyFactory)
    name = "Huvudkontoret"
    street_address = "Storgatan 1"
    postal_code = "411 04"
    city = "Göteborg"
    municipality = factory.LazyFunction(lambda: municipality("1480"))


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    company = factory.SubFactory(CompanyFactory)
    workplace = factory.SubFactory(WorkplaceFactory, company=factory.SelfAttribute("..company"))
    title = factory.Sequence(lambda n: f"Praktik som undersköterska {n}")
    description = "Du följer en undersköterska under dagen och hjälper till med enklare uppgifter."
    placement_type = PlacementType.PRAO
    occupation_ssyk = "5321"
    occupation_name = "Undersköterskor, hemtjänst, hemsjukvård, äldreboende och habilitering"
    supervisor_name = "Hanna Handledare"
    supervisor_email = factory.Sequence(lambda n: f"handledare{n}@foretag.se")
    status = Listing.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ListingPeriod

    listing = factory.SubFactory(ListingFactory)
    start_date = factory.LazyFunction(lambda: in_days(30))
    end_date = factory.LazyAttribute(lambda period: period.start_date + timedelta(days=4))
    places = 3


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking
        skip_postgeneration_save = True

    period = factory.SubFactory(PeriodFactory)
    school = factory.SubFactory(SchoolFactory)
    places = 1
    status = Booking.Status.PENDING

    @factory.post_generation
    def pupils(self, create, extracted, **kwargs):
        names = extracted or [f"Elev {index + 1}" for index in range(self.places)]
        for name in names:
            BookingPupil.objects.create(booking=self, name=name)


def company_rep(company: Organisation):
    return make_member(role=Role.COMPANY_REPRESENTATIVE, organisation=company)


def school_staff(school: Organisation, role: Role = Role.COUNSELLOR):
    return make_member(role=role, organisation=school)


def coordinator(school: Organisation | None = None):
    return make_member(role=Role.PLACEMENT_COORDINATOR, organisation=school)
