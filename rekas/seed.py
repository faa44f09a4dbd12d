"""Demo content for `manage.py seed_demo`. Must be idempotent.

Loads the real Yrkesbarometer excerpt shipped in rekas/data/, demo assessments for the other
SSYK groups the mapping uses (clearly marked as generated) and a generated admissions
history 2022–2026 (preliminary and final) for schools in all 21 counties.
"""

import random

import pandas as pd
from django.db import transaction

from syvsite.regions.models import County, Municipality

from .demo import DEMO_CONCEPT_PREFIX, DEMO_SOURCE, demo_assessment_records, generate_admissions
from .importers import ImportReport, import_yrkesbarometer, writer
from .importers.admissions import write_rows
from .importers.yrkesbarometer import write_assessments
from .models import AdmissionStatistic, Assessment, ImportBatch, Occupation, Orientation, Programme
from .reference import BAROMETER_EXCERPT, load_reference
from .selectors import latest_round


@transaction.atomic  # one commit: one search-outbox drain instead of hundreds
def run(*, stdout) -> None:
    load_reference()
    real = Assessment.objects.exclude(
        barometer_occupation__concept_id__startswith=DEMO_CONCEPT_PREFIX
    )
    if not real.exists():
        report = import_yrkesbarometer(source=BAROMETER_EXCERPT, file_name=BAROMETER_EXCERPT.name)
        stdout.write(f"  Yrkesbarometern (utdrag): {report.summary()}")
    if not Assessment.objects.filter(
        barometer_occupation__concept_id__startswith=DEMO_CONCEPT_PREFIX
    ).exists():
        stdout.write(f"  Demobedömningar: {seed_demo_assessments()} st.")
        # No re-indexing here: seed_demo rebuilds the whole index after the seeds.
    if not AdmissionStatistic.objects.exists():
        stdout.write(f"  Antagningsstatistik (genererad): {seed_admissions()} rader.")


@transaction.atomic
def seed_demo_assessments() -> int:
    """Demo assessments of the latest round for the SSYK groups it doesn't assess."""
    round_ = latest_round() or "2025-2"
    covered = set(
        Assessment.objects.filter(round=round_).values_list(
            "barometer_occupation__occupations__ssyk", flat=True
        )
    )
    occupations = dict(Occupation.objects.values_list("ssyk", "name"))
    areas = dict(Occupation.objects.exclude(area=None).values_list("ssyk", "area__name"))
    counties = list(County.objects.values_list("code", flat=True))
    records = [
        {**record, "yrkesomrade": areas.get(record["ssyk"])}
        for record in demo_assessment_records(
            round=round_, counties=counties, occupations=occupations
        )
        if record["ssyk"] not in covered
    ]
    if not records:
        return 0
    frame = pd.DataFrame.from_records(records)
    plan = writer.Plan(
        rows=len(frame),
        source=DEMO_SOURCE,
        write=lambda batch, bar: write_assessments(frame, batch=batch, bar=bar),
    )
    report = ImportReport(kind=ImportBatch.Kind.YRKESBAROMETER, file_name="demo", read=len(frame))
    return writer.apply(plan, report=report, commit=True).written


@transaction.atomic
def seed_admissions() -> int:
    """The generated admissions history, written as an admission import writes a file."""
    frame = pd.DataFrame(generate_admissions(rng=random.Random(2026)))  # noqa: S311 - demo data
    programmes = dict(Programme.objects.values_list("code", "id"))
    orientations = {o.code: (o.programme_id, o.id) for o in Orientation.objects.all()}
    paths = frame["study_path"].map(
        lambda path: orientations.get(path, (programmes.get(path), None))
    )
    frame["programme_id"] = [path[0] for path in paths]
    frame["orientation_id"] = [path[1] for path in paths]
    frame["municipality_id"] = frame["municipality_code"].map(
        dict(Municipality.objects.values_list("code", "id"))
    )
    frame["school_unit_code"] = ""
    frame["needs_review"] = False
    plan = writer.Plan(
        rows=len(frame),
        source=DEMO_SOURCE,
        write=lambda batch, bar: write_rows(frame, batch=batch, source=DEMO_SOURCE, bar=bar),
    )
    report = ImportReport(kind=ImportBatch.Kind.ADMISSIONS, file_name="demo", read=len(frame))
    return writer.apply(plan, report=report, commit=True).written
