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
from .importers import import_yrkesbarometer
from .importers.admissions import insert_rows
from .models import (
    AdmissionStatistic,
    Assessment,
    BarometerOccupation,
    ImportBatch,
    Occupation,
    Orientation,
    Programme,
    School,
)
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
    round_ = latest_round() or "2025-2"
    covered = set(
        Assessment.objects.filter(round=round_).values_list(
            "barometer_occupation__occupations__ssyk", flat=True
        )
    )
    occupations = dict(Occupation.objects.values_list("ssyk", "name"))
    counties = list(County.objects.values_list("code", flat=True))
    records = [
        record
        for record in demo_assessment_records(
            round=round_, counties=counties, occupations=occupations
        )
        if record["ssyk"] not in covered
    ]
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.YRKESBAROMETER, file_name="demo", source=DEMO_SOURCE
    )
    by_concept = {}
    for record in records:
        concept = record["yb_concept_id"]
        if concept not in by_concept:
            occupation = Occupation.objects.get(ssyk=record["ssyk"])
            barometer, _ = BarometerOccupation.objects.update_or_create(
                concept_id=concept,
                defaults={
                    "name": occupation.name,
                    "area": occupation.area,
                    "description": record["yb_beskrivning"],
                },
            )
            barometer.occupations.set([occupation])
            by_concept[concept] = barometer
    Assessment.objects.bulk_create(
        [
            Assessment(
                barometer_occupation=by_concept[r["yb_concept_id"]],
                round=r["omgang"],
                area_code=r["lan"],
                job_opportunities=r["jobbmojligheter"],
                recruitment_situation=r["rekryteringssituation"],
                outlook=r["prognos"],
                text_recruitment=r["text_rekryteringssituation"],
                assessment_level=r["hogsta_bedomningsniva"],
                batch=batch,
            )
            for r in records
        ]
    )
    return len(records)


@transaction.atomic
def seed_admissions() -> int:
    rows = generate_admissions(rng=random.Random(2026))  # noqa: S311 - demo data
    municipalities = dict(Municipality.objects.values_list("code", "id"))
    programmes = dict(Programme.objects.values_list("code", "id"))
    orientations = {o.code: (o.programme_id, o.id) for o in Orientation.objects.all()}
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ADMISSIONS, file_name="demo", source=DEMO_SOURCE, rows_read=len(rows)
    )
    schools = {}
    for row in rows:
        key = (row["municipality_code"], row["school"])
        if key not in schools:
            schools[key] = School(municipality_id=municipalities[key[0]], name=key[1])
    School.objects.bulk_create(schools.values(), ignore_conflicts=True)
    school_ids = {
        (code, name): pk
        for code, name, pk in School.objects.values_list("municipality__code", "name", "id")
    }
    frame = pd.DataFrame(rows)
    paths = frame["study_path"].map(
        lambda path: orientations.get(path, (programmes.get(path), None))
    )
    frame["programme_id"] = [path[0] for path in paths]
    frame["orientation_id"] = [path[1] for path in paths]
    frame["municipality_id"] = frame["municipality_code"].map(municipalities)
    frame["school_id"] = [
        school_ids[key] for key in zip(frame["municipality_code"], frame["school"], strict=True)
    ]
    frame["needs_review"] = False
    insert_rows(frame, batch=batch, source=DEMO_SOURCE, progress=False)
    objects = frame
    batch.rows_written = len(objects)
    batch.save(update_fields=["rows_written"])
    return len(objects)
