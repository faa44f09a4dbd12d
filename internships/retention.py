"""The placement board's retention rules (gallring), registered in AppConfig.ready().

Periods are settings in conf.py (INTERNSHIPS_*_RETENTION_DAYS); the erasure itself is in
services/retention.py. `manage.py gallra` runs every registered rule.
"""

from django.utils.translation import gettext_lazy as _

from syvsite.privacy.retention import RetentionRule, register_retention_rule

from . import conf
from .models import BookingPupil, Certificate, CompanyProfile, Participant
from .services import retention


def _participants(cutoff):
    return Participant.objects.filter(
        choice_round__period_end__lt=cutoff.date(), anonymised_at__isnull=True
    )


def _booking_pupils(cutoff):
    return BookingPupil.objects.filter(
        booking__period__end_date__lt=cutoff.date(), anonymised_at__isnull=True
    )


def _certificates(cutoff):
    return Certificate.objects.filter(completed_at__lt=cutoff, erased_at__isnull=True)


def _rejected_companies(cutoff):
    return CompanyProfile.objects.filter(
        rejected_at__lt=cutoff, company__is_approved=False, erased_at__isnull=True
    )


def register() -> None:
    register_retention_rule(
        RetentionRule(
            key="valomgangar",
            label=_("Elever i valomgångar, deras val och engångskoder"),
            after=_("efter praktikperiodens sista dag"),
            removes=_("namn, klass, elevkonto och engångskod"),
            keeps=_("valen och placeringen utan namn (antal per annons, yrke och period)"),
            days=lambda: conf.get("ROUND_RETENTION_DAYS"),
            due=_participants,
            date_field="choice_round__period_end",
            erase=retention.anonymise_participants,
            order=10,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="bokningar",
            label=_("Elever som namnges i bokningar"),
            after=_("efter periodens sista dag"),
            removes=_("elevernas namn, bokningens meddelanden och elevernas praktikintyg"),
            keeps=_("antalet elever per bokning"),
            days=lambda: conf.get("BOOKING_RETENTION_DAYS"),
            due=_booking_pupils,
            date_field="booking__period__end_date",
            erase=retention.anonymise_booking_pupils,
            order=20,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="praktikintyg",
            label=_("Praktikintyg"),
            after=_("efter att företaget fyllt i intyget"),
            removes=_("omdöme, bedömningar, arbetsuppgifter och handledarens namn"),
            keeps=_("planerade och närvarande dagar"),
            days=lambda: conf.get("CERTIFICATE_RETENTION_DAYS"),
            due=_certificates,
            date_field="completed_at",
            erase=retention.erase_certificates,
            order=30,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="avslagna-foretag",
            label=_("Företagsregistreringar som inte godkändes"),
            after=_("efter avslaget"),
            removes=_("företaget, dess kontaktperson och konton som bara hörde till företaget"),
            keeps="",
            days=lambda: conf.get("REJECTED_COMPANY_RETENTION_DAYS"),
            due=_rejected_companies,
            date_field="rejected_at",
            erase=retention.erase_rejected_companies,
            order=50,
        )
    )
