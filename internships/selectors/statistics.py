"""Placement statistics that survive retention: counts per listing, occupation and period.

Everything here is counted from rows that retention anonymises but keeps (participants with
their choices and placements, booking pupils, certificates' days), so the figures are the
same before and after `manage.py gallra` and an erasure on request.
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from ..models import Booking, ListingPeriod, Participant


def placement_statistics() -> list[dict]:
    """One row per period that anyone chose, was placed in or booked: the listing, its
    occupation (SSYK) and the counts."""
    periods = ListingPeriod.objects.annotate(
        first_choices=Count("choices", filter=Q(choices__rank=1), distinct=True),
        all_choices=Count("choices", distinct=True),
    ).values("pk", "listing_id", "listing__occupation_ssyk", "first_choices", "all_choices")
    rows: dict = {}
    for period in periods:
        rows[period["pk"]] = {
            "period": period["pk"],
            "listing": period["listing_id"],
            "occupation": period["listing__occupation_ssyk"],
            "first_choices": period["first_choices"],
            "all_choices": period["all_choices"],
            "placed": 0,
            "booked_pupils": 0,
            "days_attended": 0,
        }

    for placed in (
        Participant.objects.filter(assigned_period__isnull=False)
        .values("assigned_period")
        .annotate(n=Count("pk"))
    ):
        rows[placed["assigned_period"]]["placed"] = placed["n"]
    for booked in (
        Booking.objects.filter(status=Booking.Status.ACCEPTED)
        .values("period")
        .annotate(n=Count("pupils"), days=Sum("pupils__certificate__days_attended"))
    ):
        rows[booked["period"]]["booked_pupils"] = booked["n"]
        rows[booked["period"]]["days_attended"] = booked["days"] or 0
    return sorted(
        (
            row
            for row in rows.values()
            if any(row[k] for k in ("all_choices", "placed", "booked_pupils"))
        ),
        key=lambda row: row["period"],
    )
