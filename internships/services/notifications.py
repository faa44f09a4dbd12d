"""E-mail to companies, schools and coordinators, sent after the transaction commits."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from syvsite.accounts.roles import Role
from syvsite.organisations.models import Organisation


def send(*, template: str, recipients: Iterable[str], context: dict) -> None:
    """Render internships/email/<template>_subject.txt and _body.txt to every recipient."""
    addresses = sorted({address.strip().lower() for address in recipients if address})
    if not addresses:
        return
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"internships/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"internships/email/{template}_body.txt", context)

    def deliver() -> None:
        # One message per recipient, so no one sees the others' addresses.
        for address in addresses:
            send_mail(subject, body, None, [address], fail_silently=False)

    transaction.on_commit(deliver)


def company_addresses(company: Organisation) -> list[str]:
    addresses = [company.email]
    profile = getattr(company, "internship_profile", None)
    if profile is not None:
        addresses.append(profile.contact_email)
    addresses += company.memberships.filter(user__is_active=True).values_list(
        "user__email", flat=True
    )
    return [address for address in addresses if address]


def coordinator_addresses() -> list[str]:
    User = get_user_model()
    return list(
        User.objects.filter(groups__name=str(Role.PLACEMENT_COORDINATOR), is_active=True)
        .values_list("email", flat=True)
        .distinct()
    )


def school_addresses(school: Organisation) -> list[str]:
    """The school's own address and its staff (counsellors and placement coordinators)."""
    staff = school.memberships.filter(
        user__is_active=True,
        user__groups__name__in=[str(Role.COUNSELLOR), str(Role.PLACEMENT_COORDINATOR)],
    ).values_list("user__email", flat=True)
    return [address for address in [school.email, *staff] if address]
