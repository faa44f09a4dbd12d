"""Retention (gallring) of the placement board's personal data: each rule removes exactly the
data older than its period, keeps the rest, and the placement statistics add up the same."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from internships.models import (
    Booking,
    BookingPupil,
    Certificate,
    Choice,
    ChoiceRound,
    CompanyProfile,
    Participant,
)
from internships.selectors.statistics import placement_statistics
from internships.services.rounds import add_participants, create_pupil_account
from syvsite.organisations.models import Organisation

from .factories import (
    BookingFactory,
    CompanyFactory,
    ListingFactory,
    PeriodFactory,
    company_rep,
    in_days,
    round_data,
)

pytestmark = pytest.mark.django_db
YEAR = 365


def gallra(*args) -> str:
    out = io.StringIO()
    call_command("gallra", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _round(school, *, ended_days_ago: int, title: str) -> ChoiceRound:
    end = in_days(-ended_days_ago)
    return ChoiceRound.objects.create(
        school=school,
        **round_data(
            title=title,
            period_start=end - timedelta(days=4),
            period_end=end,
            choices_close_at=end - timedelta(days=20),
        ),
    )


def _pupil(choice_round, name, periods, *, placed=None):
    [new] = add_participants(choice_round=choice_round, rows=[(name, "8B")])
    participant = new.participant
    for rank, period in enumerate(periods, start=1):
        Choice.objects.create(participant=participant, period=period, rank=rank)
    if placed is not None:
        participant.assigned_period, participant.assigned_rank = placed, 1
        participant.save()
    return participant


@pytest.fixture
def history(school, company):
    """Last year's round and bookings (past every rule) beside this year's (inside them)."""
    old_period = PeriodFactory(
        listing=ListingFactory(company=company), start_date=in_days(-YEAR - 14),
        end_date=in_days(-YEAR - 10),
    )  # fmt: skip
    new_period = PeriodFactory(listing=ListingFactory(company=company, occupation_ssyk="2341"))
    old_round = _round(school, ended_days_ago=YEAR + 10, title="PRAO i fjol")
    new_round = _round(school, ended_days_ago=YEAR - 10, title="PRAO i år")
    old_pupils = [
        _pupil(old_round, "Gamla Greta", [old_period, new_period], placed=old_period),
        _pupil(old_round, "Gamle Gustav", [old_period]),
    ]
    create_pupil_account(participant=old_pupils[0], email="greta@elev.se")
    new_pupil = _pupil(new_round, "Nya Nora", [new_period], placed=new_period)
    old_booking = BookingFactory(
        period=old_period, school=school, places=2, status=Booking.Status.ACCEPTED,
        pupils=["Gamla Greta", "Gamle Gustav"], message="Greta är allergisk mot nötter.",
    )  # fmt: skip
    new_booking = BookingFactory(
        period=new_period, school=school, status=Booking.Status.ACCEPTED, pupils=["Nya Nora"]
    )
    old_certificate = Certificate.objects.create(
        pupil=old_booking.pupils.get(name="Gamla Greta"),
        completed_at=timezone.now() - timedelta(days=YEAR + 5),
        days_planned=5, days_attended=4, punctuality=3, assessment="Greta var noggrann.",
        signed_by_name="Hanna Handledare", link_sent_to="hanna@foretag.se",
    )  # fmt: skip
    new_certificate = Certificate.objects.create(
        pupil=new_booking.pupils.get(),
        completed_at=timezone.now() - timedelta(days=YEAR - 5),
        days_planned=5, days_attended=5, assessment="Nora frågade mycket.",
    )  # fmt: skip
    return {
        "old_round": old_round, "new_pupil": new_pupil, "old_booking": old_booking,
        "new_booking": new_booking, "old_certificate": old_certificate,
        "new_certificate": new_certificate,
    }  # fmt: skip


def test_dry_run_lists_counts_and_oldest_date_and_changes_nothing(history):
    statistics = placement_statistics()
    output = gallra("--dry-run")
    lines = {line.split()[0]: line for line in output.splitlines() if line.strip()}
    assert lines["valomgangar"].split()[1] == "2"
    assert history["old_round"].period_end.isoformat() in lines["valomgangar"]
    assert lines["bokningar"].split()[1] == "2"
    assert lines["praktikintyg"].split()[1] == "1"
    assert "Inget ändrat" in output
    assert Participant.objects.filter(name="Gamla Greta").exists()
    assert BookingPupil.objects.filter(name="Gamle Gustav").exists()
    assert Certificate.objects.get(pk=history["old_certificate"].pk).assessment
    assert placement_statistics() == statistics


def test_aged_pupils_choices_codes_and_certificates_go_and_statistics_add_up(history):
    statistics = placement_statistics()
    assert statistics, "the fixture has placements to count"
    gallra()

    old = Participant.objects.filter(choice_round=history["old_round"])
    assert old.count() == 2
    assert set(old.values_list("name", flat=True)) == {"(gallrad)"}
    assert not old.exclude(school_class="").exists()
    assert not old.exclude(code_hash="").exists()
    assert not old.filter(user__isnull=False).exists()
    assert not get_user_model().objects.filter(email="greta@elev.se").exists()
    # This year's pupil is untouched.
    nora = Participant.objects.get(pk=history["new_pupil"].pk)
    assert nora.name == "Nya Nora" and nora.code_hash and nora.anonymised_at is None

    old_booking = Booking.objects.get(pk=history["old_booking"].pk)
    assert set(old_booking.pupils.values_list("name", flat=True)) == {"(gallrad)"}
    assert old_booking.pupils.count() == 2 and old_booking.message == ""
    assert list(history["new_booking"].pupils.values_list("name", flat=True)) == ["Nya Nora"]

    certificate = Certificate.objects.get(pk=history["old_certificate"].pk)
    assert certificate.assessment == "" and certificate.punctuality is None
    assert certificate.signed_by_name == "" and certificate.link_sent_to == ""
    assert (certificate.days_planned, certificate.days_attended) == (5, 4)
    assert Certificate.objects.get(pk=history["new_certificate"].pk).assessment

    assert placement_statistics() == statistics
    # A second run finds nothing left to do.
    assert all(line.split()[1] == "0" for line in gallra("--dry-run").splitlines()[:-1])


def test_certificates_follow_their_own_period(history, settings):
    settings.INTERNSHIPS_CERTIFICATE_RETENTION_DAYS = 30
    gallra("--only", "praktikintyg")
    assert Certificate.objects.get(pk=history["new_certificate"].pk).assessment == ""
    # Other rules did not run: the names are still there.
    assert BookingPupil.objects.filter(name="Nya Nora").exists()
    assert Participant.objects.filter(name="Gamla Greta").exists()


def test_periods_are_settings(history, settings):
    settings.INTERNSHIPS_ROUND_RETENTION_DAYS = 2 * YEAR
    settings.INTERNSHIPS_BOOKING_RETENTION_DAYS = 2 * YEAR
    output = gallra("--dry-run")
    assert "lagras 730 dagar" in output
    gallra()
    assert Participant.objects.filter(name="Gamla Greta").exists()
    assert BookingPupil.objects.filter(name="Gamla Greta").exists()


def test_rejected_company_registrations_go_after_their_period(db):
    rejected = CompanyFactory(is_approved=False, name="Avslagna AB")
    rep = company_rep(rejected)
    CompanyProfile.objects.create(
        company=rejected, contact_name="Rolf Rep", contact_email="rolf@avslagna.se",
        rejected_at=timezone.now() - timedelta(days=181), rejection_reason="Ingen verksamhet.",
    )  # fmt: skip
    recent = CompanyFactory(is_approved=False, name="Nyss avslagna AB")
    recent_rep = company_rep(recent)
    CompanyProfile.objects.create(
        company=recent, contact_name="Rut Rep", rejected_at=timezone.now() - timedelta(days=170)
    )
    approved = CompanyFactory(name="Godkända AB")
    CompanyProfile.objects.create(company=approved, contact_name="Gun Godkänd")

    gallra("--only", "avslagna-foretag")

    assert not Organisation.objects.filter(pk=rejected.pk).exists()
    assert not get_user_model().objects.filter(pk=rep.pk).exists()
    assert Organisation.objects.filter(pk=recent.pk).exists()
    assert get_user_model().objects.filter(pk=recent_rep.pk).exists()
    assert CompanyProfile.objects.get(company=approved).contact_name == "Gun Godkänd"


def test_erasure_on_pupils_keeps_booking_counts(history):
    before = Booking.objects.get(pk=history["old_booking"].pk).pupils.count()
    gallra("--only", "bokningar")
    assert Booking.objects.get(pk=history["old_booking"].pk).pupils.count() == before
