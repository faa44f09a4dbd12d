"""What every REKAS page shows beside its statistics: the years and rounds published,
Yrkesbarometern's latest round, whether demo data is shown and how many admission rows wait for
a name. Pages read the stored row (`state()`, one query); `rekas.aggregates.save_state` stores
`current_state()` whenever one of these can change."""

from dataclasses import dataclass

from django.db.models import Max

from ..models import (
    DEMO_CONCEPT_PREFIX,
    DEMO_SOURCE,
    AdmissionStatistic,
    AdmissionSummary,
    Assessment,
    ImportBatch,
    PageState,
    PendingAdmission,
)


@dataclass(frozen=True)
class Published:
    """The years and rounds REKAS has statistics for."""

    slices: frozenset[tuple[int, str]]

    @property
    def years(self) -> list[int]:
        return sorted({year for year, _round in self.slices}, reverse=True)

    @property
    def default(self) -> tuple[int | None, str]:
        """The latest year, its final round when published, else the preliminary one."""
        if not self.slices:
            return None, AdmissionStatistic.Round.FINAL
        year = self.years[0]
        return year, "final" if (year, "final") in self.slices else "preliminary"


@dataclass(frozen=True)
class State:
    published: Published
    barometer_round: str | None
    demo_assessments: bool  # demo assessments in the latest round
    demo_admissions: bool
    pending_rows: int  # admission rows waiting for a name: they count nowhere until mapped


def state() -> State:
    """The stored state; computed afresh when nothing is stored yet (a database that has never
    had an import or `manage.py rekas_refresh`)."""
    row = PageState.objects.filter(pk=1).first()
    if row is None:
        return current_state()
    return State(
        published=Published(frozenset((int(year), str(round_)) for year, round_ in row.slices)),
        barometer_round=row.barometer_round or None,
        demo_assessments=row.demo_assessments,
        demo_admissions=row.demo_admissions,
        pending_rows=row.pending_rows,
    )


def current_state() -> State:
    round_ = latest_round()
    demo_assessments, demo_admissions = demo_data_present(round=round_)
    totals = AdmissionSummary.objects.filter(
        level=AdmissionSummary.Level.COUNTRY, programme_code="", kind=""
    )
    return State(
        published=Published(frozenset(totals.values_list("year", "round"))),
        barometer_round=round_,
        demo_assessments=demo_assessments,
        demo_admissions=demo_admissions,
        pending_rows=PendingAdmission.objects.count(),
    )


def latest_round() -> str | None:
    """Yrkesbarometern's latest round in the database now (imports and analysis)."""
    return Assessment.objects.aggregate(latest=Max("round"))["latest"]


def demo_data_present(*, round: str | None) -> tuple[bool, bool]:
    """(demo assessments in the round, demo admissions): pages say so when either is shown."""
    assessments = Assessment.objects.filter(
        round=round, barometer_occupation__concept_id__startswith=DEMO_CONCEPT_PREFIX
    ).exists()
    # Through the few import batches and the indexed batch key, not a scan of every row.
    admissions = ImportBatch.objects.filter(source=DEMO_SOURCE, admissions__isnull=False)
    return assessments, admissions.exists()
