"""The core's retention rules: the audit log itself, registrations never confirmed, and the
login records that django-axes keeps (IP addresses). Domain apps register their own."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from syvsite.accounts.services import delete_account
from syvsite.organisations.models import Organisation

from . import conf
from .models import AccessLogEntry
from .retention import RetentionRule, register_retention_rule


def _unverified(cutoff) -> QuerySet:
    return get_user_model().objects.filter(
        is_active=False, email_verified_at__isnull=True, date_joined__lt=cutoff
    )


def _erase_unverified(users: QuerySet) -> int:
    """The account goes, and so does a company it registered that nobody else belongs to and
    that was never approved (it has no listings or bookings yet)."""
    count = 0
    for user in users:
        lonely_companies = (
            # Counted before filtering on the user, so it counts every membership.
            Organisation.objects.filter(kind=Organisation.Kind.COMPANY, is_approved=False)
            .annotate(member_count=Count("memberships"))
            .filter(member_count=1, memberships__user=user)
        )
        for company in lonely_companies:
            company.delete()
        delete_account(user=user)
        count += 1
    return count


def _delete(rows: QuerySet) -> int:
    return rows.delete()[0]


def register() -> None:
    register_retention_rule(
        RetentionRule(
            key="overifierade-konton",
            label=_("Registreringar som aldrig bekräftades"),
            after=_("efter registreringen"),
            removes=_("kontot, och ett företag som bara det kontot hörde till"),
            keeps="",
            days=lambda: conf.get("UNVERIFIED_ACCOUNT_DAYS"),
            due=_unverified,
            date_field="date_joined",
            erase=_erase_unverified,
            order=60,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="inloggningsforsok",
            label=_("Misslyckade inloggningar"),
            after=_("efter försöket"),
            removes=_("e-postadress, IP-adress och webbläsare"),
            keeps="",
            days=lambda: conf.get("LOGIN_ATTEMPT_DAYS"),
            due=lambda cutoff: AccessAttempt.objects.filter(attempt_time__lt=cutoff),
            date_field="attempt_time",
            erase=_delete,
            order=80,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="inloggningar",
            label=_("Inloggningar"),
            after=_("efter inloggningen"),
            removes=_("e-postadress, IP-adress och webbläsare"),
            keeps="",
            days=lambda: conf.get("LOGIN_ATTEMPT_DAYS"),
            due=lambda cutoff: AccessLog.objects.filter(attempt_time__lt=cutoff),
            date_field="attempt_time",
            erase=_delete,
            order=81,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="atkomstlogg",
            label=_("Åtkomstloggen (vem som visat elevuppgifter)"),
            after=_("efter åtkomsten"),
            removes=_("loggposten"),
            keeps="",
            days=lambda: conf.get("ACCESS_LOG_DAYS"),
            due=lambda cutoff: AccessLogEntry.objects.filter(at__lt=cutoff),
            date_field="at",
            erase=_delete,
            order=90,
        )
    )
