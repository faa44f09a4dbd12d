"""Everything stored about one pupil, for a register extract (registerutdrag).

A pupil is found from where the school meets them: as a participant in a choice round
("valomgang") or as a pupil named in a booking ("bokning"). The record follows the links
between the two (a booking made from a round's allocation names the participant) so the
extract has the choices, placements, bookings and certificates together, and lists who has
opened those pupils' pages (the audit log).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from syvsite.privacy.models import AccessLogEntry

from ..models import BookingPupil, Participant


@dataclass
class PupilRecord:
    name: str
    participants: list  # Participant
    booking_pupils: list  # BookingPupil

    @property
    def is_erased(self) -> bool:
        return all(p.anonymised_at for p in self.participants) and all(
            b.anonymised_at for b in self.booking_pupils
        )


def find_pupil(*, school, kind: str, pupil_id: int) -> PupilRecord | None:
    """The pupil at this school, or None (the caller answers 404)."""
    if kind == "valomgang":
        start = Participant.objects.filter(pk=pupil_id, choice_round__school=school).first()
        participants = [start] if start else []
        same_pupil = Q(participant__in=participants)
    elif kind == "bokning":
        start = BookingPupil.objects.filter(pk=pupil_id, booking__school=school).first()
        participants = [start.participant] if start and start.participant_id else []
        same_pupil = Q(pk=pupil_id) | Q(participant__in=participants)
    else:
        start = None
    if start is None:
        return None
    booking_pupils = (
        BookingPupil.objects.filter(same_pupil, booking__school=school)
        .select_related("booking__period__listing__company", "certificate")
        .order_by("booking__created_at")
    )
    return PupilRecord(
        name=start.name, participants=participants, booking_pupils=list(booking_pupils)
    )


def _period(period) -> dict:
    return {
        "listing": period.listing.title,
        "company": period.listing.company.name,
        "start_date": period.start_date,
        "end_date": period.end_date,
    }


def _participant(participant: Participant) -> dict:
    return {
        "choice_round": participant.choice_round.title,
        "placement_type": participant.choice_round.get_placement_type_display(),
        "name": participant.name,
        "school_class": participant.school_class,
        "account": participant.user.email if participant.user_id else None,
        "added_at": participant.created_at,
        "code_created_at": participant.code_created_at,
        "code_used_at": participant.code_used_at,
        "choices": [
            {"rank": choice.rank, **_period(choice.period)}
            for choice in participant.choices.select_related("period__listing__company")
        ],
        "placement": (
            {**_period(participant.assigned_period), "rank": participant.assigned_rank,
             "set_by_hand": participant.assigned_manually}
            if participant.assigned_period_id else None
        ),
        "anonymised_at": participant.anonymised_at,
    }  # fmt: skip


def _certificate(pupil: BookingPupil) -> dict | None:
    certificate = getattr(pupil, "certificate", None)
    if certificate is None:
        return None
    return {
        "link_sent_at": certificate.link_sent_at,
        "completed_at": certificate.completed_at,
        "days_planned": certificate.days_planned,
        "days_attended": certificate.days_attended,
        "punctuality": certificate.get_punctuality_display() if certificate.punctuality else None,
        "engagement": certificate.get_engagement_display() if certificate.engagement else None,
        "cooperation": certificate.get_cooperation_display() if certificate.cooperation else None,
        "tasks": certificate.tasks,
        "assessment": certificate.assessment,
        "signed_by": certificate.signed_by_name,
        "erased_at": certificate.erased_at,
    }


def _booking_pupil(pupil: BookingPupil) -> dict:
    booking = pupil.booking
    return {
        "name": pupil.name,
        "booking": booking.pk,
        "status": booking.get_status_display(),
        "requested_at": booking.created_at,
        "message_to_company": booking.message,
        "answer_from_company": booking.response_message,
        **_period(booking.period),
        "certificate": _certificate(pupil),
        "anonymised_at": pupil.anonymised_at,
    }


def _accesses(record: PupilRecord) -> list[dict]:
    """Who opened the pages that show this pupil (the round, the bookings, the certificates)."""
    objects = Q(pk__in=[])
    for participant in record.participants:
        objects |= Q(object_type="valomgang", object_id=str(participant.choice_round_id))
    for pupil in record.booking_pupils:
        objects |= Q(object_type="bokning", object_id=str(pupil.booking_id))
        if getattr(pupil, "certificate", None):
            objects |= Q(object_type="intyg", object_id=str(pupil.certificate.pk))
    return [
        {"at": e.at, "user": e.user_email, "action": e.get_action_display(), "what": e.object_label}
        for e in AccessLogEntry.objects.filter(objects).order_by("at")
    ]


def pupil_extract(record: PupilRecord, *, school) -> dict:
    """The register extract: JSON-serialisable (dates are fine)."""
    return {
        "school": school.name,
        "name": record.name,
        "choice_rounds": [_participant(p) for p in record.participants],
        "bookings": [_booking_pupil(p) for p in record.booking_pupils],
        "accesses": _accesses(record),
    }
