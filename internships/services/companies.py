"""Company onboarding: profile, workplaces and the coordinator's approval."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from syvsite.accounts.services import absolute_url
from syvsite.organisations.models import Organisation
from syvsite.organisations.services import approve_organisation

from ..exceptions import PlacementError
from ..models import CompanyProfile, Workplace
from . import notifications

PROFILE_FIELDS = ("description", "contact_name", "contact_email", "contact_phone")
COMPANY_FIELDS = ("name", "phone", "website")
# What a company edits in a workplace (WorkplaceForm shows them, in this order).
WORKPLACE_FIELDS = (
    "name",
    "street_address",
    "postal_code",
    "city",
    "municipality",
    "latitude",
    "longitude",
)


def profile_for(company: Organisation) -> CompanyProfile:
    profile, _ = CompanyProfile.objects.get_or_create(company=company)
    return profile


@transaction.atomic
def update_company_profile(*, company: Organisation, data: dict) -> CompanyProfile:
    for name in COMPANY_FIELDS:
        if name in data:
            setattr(company, name, data[name])
    company.save(update_fields=[name for name in COMPANY_FIELDS if name in data])
    profile = profile_for(company)
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    profile.save()
    return profile


@transaction.atomic
def save_workplace(
    *, company: Organisation, data: dict, workplace: Workplace | None = None
) -> Workplace:
    workplace = workplace or Workplace(company=company)
    if workplace.company_id != company.pk:
        raise PlacementError(_("Arbetsplatsen hör till ett annat företag."))
    for name in WORKPLACE_FIELDS:
        if name in data:
            setattr(workplace, name, data[name])
    workplace.save()
    return workplace


@transaction.atomic
def delete_workplace(*, workplace: Workplace) -> None:
    if workplace.listings.exists():
        raise PlacementError(
            _("Arbetsplatsen används i en annons. Ta bort eller flytta annonsen först.")
        )
    workplace.delete()


@transaction.atomic
def submit_for_approval(*, company: Organisation) -> CompanyProfile:
    profile = profile_for(company)
    if company.is_approved:
        raise PlacementError(_("Företaget är redan godkänt."))
    if not profile.is_complete:
        raise PlacementError(
            _("Fyll i kontaktperson och minst en arbetsplats innan du skickar in företaget.")
        )
    profile.submitted_at = timezone.now()
    profile.rejected_at = None
    profile.save(update_fields=["submitted_at", "rejected_at", "updated_at"])
    notifications.send(
        template="company_submitted",
        recipients=notifications.coordinator_addresses(),
        context={
            "company": company,
            "link": absolute_url(reverse("internships:review_company", args=[company.pk])),
        },
    )
    return profile


@transaction.atomic
def approve_company(*, company: Organisation, approved_by) -> Organisation:
    if company.kind != Organisation.Kind.COMPANY:
        raise PlacementError(_("Bara företag godkänns här."))
    approve_organisation(organisation=company, approved_by=approved_by)
    profile = profile_for(company)
    profile.rejected_at, profile.rejection_reason = None, ""
    profile.reviewed_by = approved_by
    profile.save(update_fields=["rejected_at", "rejection_reason", "reviewed_by", "updated_at"])
    notifications.send(
        template="company_approved",
        recipients=notifications.company_addresses(company),
        context={
            "company": company,
            "link": absolute_url(reverse("internships:company", args=[company.pk])),
        },
    )
    return company


@transaction.atomic
def reject_company(*, company: Organisation, rejected_by, reason: str) -> CompanyProfile:
    if not reason.strip():
        raise PlacementError(_("Skriv varför företaget inte godkänns."), field="reason")
    profile = profile_for(company)
    profile.rejected_at = timezone.now()
    profile.rejection_reason = reason.strip()
    profile.reviewed_by = rejected_by
    profile.save()
    notifications.send(
        template="company_rejected",
        recipients=notifications.company_addresses(company),
        context={
            "company": company,
            "reason": profile.rejection_reason,
            "link": absolute_url(reverse("internships:company", args=[company.pk])),
        },
    )
    return profile
