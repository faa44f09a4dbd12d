"""Roles are Django groups; their names are the product's vocabulary, so they are Swedish."""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class Role(StrEnum):
    COUNSELLOR = "Vägledare"
    MUNICIPALITY_EDITOR = "Kommunredaktör"
    COMPANY_REPRESENTATIVE = "Företagsrepresentant"
    PLACEMENT_COORDINATOR = "Praktiksamordnare"
    MODERATOR = "Moderator"
    ADMIN = "Administratör"


# Roles whose members work in the Wagtail admin. Counsellors and companies use "Mina sidor".
STAFF_ROLES = frozenset(
    {Role.MUNICIPALITY_EDITOR, Role.PLACEMENT_COORDINATOR, Role.MODERATOR, Role.ADMIN}
)


def has_role(user: AbstractBaseUser | AnonymousUser, role: Role) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return str(role) in cache


def is_member(user: AbstractBaseUser | AnonymousUser) -> bool:
    """A verified counsellor (or anyone with a staff role) counts as a member of the community."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not getattr(user, "is_verified", False) and not user.is_superuser:
        return False
    return has_role(user, Role.COUNSELLOR) or any(has_role(user, r) for r in STAFF_ROLES)
