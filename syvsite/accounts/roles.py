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
    if not getattr(user, "has_verified_email", False) and not user.is_superuser:
        return False
    return has_role(user, Role.COUNSELLOR) or any(has_role(user, r) for r in STAFF_ROLES)


def requires_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Accounts that reach the Wagtail admin (every staff role, superusers, is_staff, and any
    group that grants access to the admin: REKAS editors, search editors, a municipality's plan
    editors) sign in with a second factor: the session counts as signed in only after the code."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.is_staff
        or any(has_role(user, r) for r in STAFF_ROLES)
        or user.has_perm("wagtailadmin.access_admin")
    )


def reaches_pupil_data(user: AbstractBaseUser | AnonymousUser) -> bool:
    """School staff who see pupils (choice rounds, bookings, certificates): asked for the
    second factor when they open pupil data, if they have not given it at sign-in."""
    if not user.is_authenticated:
        return False
    school_role = has_role(user, Role.COUNSELLOR) or has_role(user, Role.PLACEMENT_COORDINATOR)
    return school_role and user.memberships.filter(organisation__kind="school").exists()
