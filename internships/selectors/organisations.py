"""The user's own companies and schools, and the companies waiting for a coordinator."""

from django.db.models import QuerySet

from syvsite.accounts.roles import Role, has_role
from syvsite.organisations.models import Organisation
from syvsite.organisations.services import organisations_for


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
