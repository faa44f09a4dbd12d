"""Removing pupils' and companies' personal data: retention (gallring) and erasure on request.

Each function takes the rows to handle (a queryset) and returns how many it handled. What
statistics need stays: a choice round keeps its anonymous participants with their choices and
placements, a booking keeps its number of pupils, a certificate its planned and attended days,
so counts per listing, occupation and period add up the same before and after
(`selectors.statistics.placement_statistics`).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError, QuerySet, RestrictedError
from django.utils import timezone

from syvsite.accounts.roles import Role
from syvsite.accounts.services import delete_account

from ..models import Booking, BookingPupil, Certificate, CompanyProfile, Participant

# What an anonymised pupil is called wherever a name used to be shown.
ERASED_NAME = "(gallrad)"


def _delete_pupil_accounts(user_ids: set[int]) -> None:
    """Pupil accounts made for a choice round go when none of their participations has a name
    left; an account with a role or an organisation is staff and is never touched here."""
    User = get_user_model()
    candidates = (
        User.objects.filter(pk__in=user_ids, is_staff=False, is_superuser=False)
        .exclude(groups__isnull=False)
        .exclude(memberships__isnull=False)
        .exclude(
            pk__in=Participant.objects.filter(
                anonymised_at__isnull=True, user__isnull=False
            ).values("user_id")
        )
    )
    for user in candidates.distinct():
        delete_account(user=user)


@transaction.atomic
def anonymise_participants(participants: QuerySet) -> int:
    rows = participants.filter(anonymised_at__isnull=True)
    user_ids = set(rows.exclude(user__isnull=True).values_list("user_id", flat=True))
    count = rows.update(
        name=ERASED_NAME,
        school_class="",
        user=None,
        code_hash="",
        code_created_at=None,
        code_used_at=None,
        anonymised_at=timezone.now(),
    )
    _delete_pupil_accounts(user_ids)
    return count


@transaction.atomic
def erase_certificates(certificates: QuerySet) -> int:
    """The assessment, ratings, tasks and the supervisor's name go; the link stops working."""
    rows = certificates.filter(erased_at__isnull=True)
    ids = list(rows.values_list("pk", flat=True))
    Certificate.objects.filter(pk__in=ids).update(
        assessment="",
        tasks="",
        punctuality=None,
        engagement=None,
        cooperation=None,
        signed_by_name="",
        signed_by_title="",
        link_sent_to="",
        erased_at=timezone.now(),
    )
    for certificate in Certificate.objects.filter(pk__in=ids):
        certificate.link_version += 1  # older e-mailed links stop working
        certificate.save(update_fields=["link_version"])
    return len(ids)


@transaction.atomic
def anonymise_booking_pupils(pupils: QuerySet) -> int:
    """Pupils' names go, with their certificates and the booking's free-text messages (which
    often name the pupils); each booking keeps one row per pupil, so it still counts them."""
    rows = pupils.filter(anonymised_at__isnull=True)
    ids = list(rows.values_list("pk", flat=True))
    booking_ids = set(rows.values_list("booking_id", flat=True))
    erase_certificates(Certificate.objects.filter(pupil_id__in=ids))
    BookingPupil.objects.filter(pk__in=ids).update(
        name=ERASED_NAME, participant=None, anonymised_at=timezone.now()
    )
    Booking.objects.filter(pk__in=booking_ids).exclude(pupils__anonymised_at__isnull=True).update(
        message="", response_message=""
    )
    return len(ids)


def erase_rejected_companies(profiles: QuerySet) -> int:
    """A rejected registration goes whole: the company with its workplaces and listings, and
    its representatives' accounts when they belong nowhere else. A company that cannot go
    (something else refers to it) keeps its name but loses its contact person."""
    count = 0
    for profile in profiles.select_related("company"):
        with transaction.atomic():
            company = profile.company
            representatives = list(
                get_user_model().objects.filter(
                    memberships__organisation=company, is_staff=False, is_superuser=False
                )
            )
            try:
                with transaction.atomic():
                    company.delete()
            except (ProtectedError, RestrictedError):
                CompanyProfile.objects.filter(pk=profile.pk).update(
                    contact_name="",
                    contact_email="",
                    contact_phone="",
                    rejection_reason="",
                    description="",
                    erased_at=timezone.now(),
                )
                representatives = []
            for user in representatives:
                other_roles = user.groups.exclude(name=str(Role.COMPANY_REPRESENTATIVE))
                if not user.memberships.exists() and not other_roles.exists():
                    delete_account(user=user)
            count += 1
    return count


@transaction.atomic
def erase_pupil(*, participants: list, booking_pupils: list) -> None:
    """Erasure on request (the school's coordinator, for one pupil): the same anonymisation as
    retention, at once, for every row that names the pupil."""
    anonymise_participants(Participant.objects.filter(pk__in=[p.pk for p in participants]))
    anonymise_booking_pupils(BookingPupil.objects.filter(pk__in=[b.pk for b in booking_pupils]))
