from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from syvsite.regions.models import Municipality

from .models import Membership, Organisation


def organisations_for(
    user: AbstractBaseUser | AnonymousUser, *, kind: str | None = None
) -> QuerySet:
    """The organisations a user belongs to: the root of every "Mina sidor" query."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    queryset = Organisation.objects.filter(memberships__user=user)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.distinct()


def municipality_organisation_name(name: str) -> str:
    """Swedish genitive: "Lund" → "Lunds kommun", "Uppsala" → "Uppsala kommun"."""
    genitive = name if name[-1].lower() in "aeiouyåäösxz" else f"{name}s"
    return f"{genitive} kommun"


def municipality_organisation(*, municipality: Municipality) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=municipality,
        defaults={"name": municipality_organisation_name(municipality.name), "is_approved": True},
    )
    return organisation


@transaction.atomic
def add_member(
    *, user, organisation: Organisation, role: str = Membership.Role.MEMBER
) -> Membership:
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return membership


@transaction.atomic
def approve_organisation(*, organisation: Organisation, approved_by) -> Organisation:
    organisation.is_approved = True
    organisation.approved_at = timezone.now()
    organisation.approved_by = approved_by
    organisation.save(update_fields=["is_approved", "approved_at", "approved_by"])
    return organisation
