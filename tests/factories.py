"""Factories shared by the tests of every app (factory_boy)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from syvsite.accounts.roles import Role
from syvsite.organisations.models import Membership, Organisation
from syvsite.regions.models import Municipality

DEFAULT_PASSWORD = "Ett-bra-losenord-2026"  # noqa: S105


def municipality(code: str = "1480") -> Municipality:
    return Municipality.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@exempel.se")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    is_active = True
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=str(role))[0])
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.SCHOOL
    name = factory.Sequence(lambda n: f"Skola {n}")
    municipality = factory.LazyFunction(municipality)
    is_approved = True


# Valid organisationsnummer (Luhn check digit), used in turn so each company is unique.
VALID_ORG_NUMBERS = [
    "556036-0793",
    "556074-3089",
    "556012-5790",
    "202100-6255",
    "556016-0680",
    "556056-6258",
    "556000-4615",
    "556064-6514",
    "556021-0261",
    "556006-8420",
]


class CompanyFactory(OrganisationFactory):
    kind = Organisation.Kind.COMPANY
    name = factory.Sequence(lambda n: f"Företaget {n} AB")
    org_number = factory.Sequence(lambda n: VALID_ORG_NUMBERS[n % len(VALID_ORG_NUMBERS)])


def make_member(
    *, role: Role = Role.COUNSELLOR, organisation: Organisation | None = None, **kwargs
):
    """A verified, active user with a role and (optionally) an organisation."""
    user = UserFactory(roles=[role], **kwargs)
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation)
    return user
