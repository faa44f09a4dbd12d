from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from syvsite.organisations.models import Membership, Organisation
from syvsite.organisations.services import add_member, municipality_organisation
from syvsite.regions.models import Municipality

from ..roles import Role
from ..signals import account_deleting, collect_personal_data
from ..tokens import make_verification_token, read_verification_token

User = get_user_model()


class AccountType:
    COUNSELLOR = "counsellor"
    COMPANY = "company"


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def register_user(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    account_type: str,
    municipality: Municipality,
    school_name: str = "",
    company_name: str = "",
    org_number: str = "",
):
    """Create an inactive account and its organisation link; it activates when the e-mail is verified."""
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        home_municipality=municipality,
        is_active=False,
    )
    if account_type == AccountType.COMPANY:
        company = Organisation.objects.create(
            kind=Organisation.Kind.COMPANY,
            name=company_name,
            org_number=org_number,
            municipality=municipality,
            email=email,
            is_approved=False,
        )
        add_member(user=user, organisation=company, role=Membership.Role.ADMIN)
    else:
        add_member(user=user, organisation=municipality_organisation(municipality=municipality))
        if school_name:
            school, _ = Organisation.objects.get_or_create(
                kind=Organisation.Kind.SCHOOL,
                name=school_name,
                municipality=municipality,
                defaults={"is_approved": True},
            )
            add_member(user=user, organisation=school)
    transaction.on_commit(lambda: send_verification_email(user=user))
    return user


def send_verification_email(*, user) -> None:
    link = absolute_url(reverse("accounts:verify", args=[make_verification_token(user=user)]))
    context = {"user": user, "link": link, "site_name": settings.WAGTAIL_SITE_NAME}
    send_mail(
        subject=render_to_string("accounts/email/verify_subject.txt", context).strip(),
        message=render_to_string("accounts/email/verify_body.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


def role_for_new_account(user) -> Role:
    if user.organisations.filter(kind=Organisation.Kind.COMPANY).exists():
        return Role.COMPANY_REPRESENTATIVE
    return Role.COUNSELLOR


@transaction.atomic
def verify_email(*, token: str):
    """Activate the account named in a valid token; returns the user or None for a bad link."""
    payload = read_verification_token(token)
    if payload is None:
        return None
    user = User.objects.select_for_update().filter(pk=payload["user"]).first()
    if user is None or user.email != payload["email"]:
        return None
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.is_active = True
        user.save(update_fields=["email_verified_at", "is_active"])
        group, _ = Group.objects.get_or_create(name=str(role_for_new_account(user)))
        user.groups.add(group)
    return user


def assign_role(*, user, role: Role) -> None:
    group, _ = Group.objects.get_or_create(name=str(role))
    user.groups.add(group)


# --- A member's own data (see signals.py for how apps take part) -------------------------


def _profile(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "home_municipality": str(user.home_municipality) if user.home_municipality else None,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_verified_at": user.email_verified_at,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "organisations": [
            {"name": m.organisation.name, "kind": m.organisation.kind, "role": m.role}
            for m in user.memberships.select_related("organisation")
        ],
    }


def export_personal_data(*, user) -> dict:
    data = {"exported_at": timezone.now(), "profile": _profile(user)}
    for _receiver, response in collect_personal_data.send(sender=get_user_model(), user=user):
        if response:
            key, value = response
            data[key] = value
    return data


@transaction.atomic
def delete_account(*, user) -> None:
    """Remove the account and its personal data; apps keep anonymised content via the signal."""
    account_deleting.send(sender=get_user_model(), user=user)
    user.delete()
