"""Demo content for `manage.py seed_demo`. Must be idempotent.

Loads the real Yrkesbarometer excerpt shipped in rekas/data/, demo assessments for the other
SSYK groups the mapping uses and a generated admissions history (preliminary and final rounds)
for schools in all 21 counties. Generated data is marked (models.DEMO_SOURCE,
DEMO_CONCEPT_PREFIX) and every page says it is invented.

The generators are code; what they generate from (schools per municipality, programmes'
popularity and merit, the demo outlooks and texts) is content in rekas/data/demo/*.yaml, and
the same files always give the same numbers (seeded random numbers).
"""

import random
from functools import cache
from typing import TextIO

import pandas as pd
import yaml
from django.db import transaction

from syvsite.regions.models import County, Municipality

from .. import aggregates
from ..importers import ImportReport, import_yrkesbarometer, writer
from ..importers.admissions import write_rows
from ..importers.yrkesbarometer import write_assessments
from ..models import (
    DEMO_CONCEPT_PREFIX,
    DEMO_SOURCE,
    NATIONAL,
    AdmissionStatistic,
    AdmissionSummary,
    Assessment,
    ImportBatch,
    Occupation,
    Orientation,
    Programme,
)
from ..selectors import latest_round
from ..services import BAROMETER_EXCERPT, DATA_DIR, load_reference
from . import postsecondary

DEMO_DIR = DATA_DIR / "demo"
# The order of the situations: a county's demo assessment may differ one step from the nation's.
SITUATIONS = ["överskott", "balans", "brist"]


@transaction.atomic  # one commit: one search-outbox drain instead of hundreds
def run(*, stdout: TextIO) -> None:
    load_reference()
    real = Assessment.objects.exclude(
        barometer_occupation__concept_id__startswith=DEMO_CONCEPT_PREFIX
    )
    if not real.exists():
        report = import_yrkesbarometer(source=BAROMETER_EXCERPT, file_name=BAROMETER_EXCERPT.name)
        stdout.write(f"  Yrkesbarometern (utdrag): {report.summary()}")
    seeded = False
    if not Assessment.objects.filter(
        barometer_occupation__concept_id__startswith=DEMO_CONCEPT_PREFIX
    ).exists():
        stdout.write(f"  Demobedömningar: {seed_demo_assessments()} st.")
        # No re-indexing here: seed_demo rebuilds the whole index after the seeds.
        seeded = True
    if not AdmissionStatistic.objects.exists():
        stdout.write(f"  Antagningsstatistik (genererad): {seed_admissions()} rader.")
        seeded = True
    if seeded or not AdmissionSummary.objects.exists():
        stdout.write(f"  Sammanställd statistik: {aggregates.refresh()} rader.")
    postsecondary.run(stdout=stdout)


@cache
def demo_content(name: str) -> dict:
    """rekas/data/demo/<name>.yaml"""
    return yaml.safe_load((DEMO_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


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
    frame = pd.DataFrame(generate_admissions())
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


def demo_schools(rng: random.Random) -> list[tuple[str, str, list[str]]]:
    """(municipality code, school name, study paths) for a plausible set of schools."""
    content = demo_content("admissions")
    programmes, orientations = content["programmes"], content["orientations"]
    names = content["school_names"]
    schools = []
    for municipality in Municipality.objects.order_by("code"):
        # The draw happens for every municipality, listed or not, so the sequence is stable.
        elsewhere = 1 if rng.random() < content["chance_of_one_school_elsewhere"] else 0
        count = content["schools_per_municipality"].get(municipality.code, elsewhere)
        for number in range(count):
            suffix = names[number % len(names)]
            name = (
                f"{municipality.seat_name or municipality.name} {suffix}"
                if number < len(names)
                else f"{municipality.name} gymnasium {number + 1}"
            )
            offered = rng.sample(sorted(programmes), k=rng.randint(4, 9))
            paths = []
            for code in offered:
                paths.extend(
                    rng.sample(orientations[code], k=1) if code in orientations else [code]
                )
            schools.append((municipality.code, name.strip(), paths))
    return schools


def generate_admissions() -> list[dict]:
    """Admission rows (dicts with the canonical column names), the same for the same content."""
    content = demo_content("admissions")
    rng = random.Random(content["random_seed"])  # noqa: S311 - demo data, not security
    rows = []
    for municipality_code, school, paths in demo_schools(rng):
        for path in paths:
            programme = path[:2] if path[:2] in content["orientations"] else path
            popularity = content["programmes"][programme]["popularity"]
            merit = content["programmes"][programme]["merit"]
            places = rng.choice(content["places"])
            school_factor = rng.uniform(0.6, 1.5)
            for year in content["years"]:
                trend = 1 + (year - 2024) * rng.uniform(-0.04, 0.06)
                first = max(
                    0, round(places * popularity * school_factor * trend * rng.uniform(0.85, 1.15))
                )
                for round_ in content["rounds"]:
                    applicants = (
                        first if round_ == "preliminary" else max(0, first + rng.randint(-3, 2))
                    )
                    admitted = min(places, applicants + rng.randint(0, max(1, places // 4)))
                    lowest = None
                    median = None
                    if merit and applicants >= places:
                        lowest = round(
                            min(
                                335,
                                merit * rng.uniform(0.85, 1.05) + (applicants / places - 1) * 40,
                            ),
                            1,
                        )
                        median = round(min(340, lowest + rng.uniform(10, 45)), 1)
                    rows.append(
                        {
                            "year": year, "round": round_, "municipality_code": municipality_code,
                            "school": school, "study_path": path, "places": places,
                            "first_choice_applicants": applicants, "admitted": admitted,
                            "reserves": max(0, applicants - admitted), "lowest_merit": lowest,
                            "median_merit": median,
                        }
                    )  # fmt: skip
    return rows


def demo_assessment_records(
    *, round: str, counties: list[str], occupations: dict[str, str]
) -> list[dict]:
    """Yrkesbarometer-shaped records (same keys as the JSON) for the demo outlooks."""
    content = demo_content("assessments")
    rng = random.Random(round)  # noqa: S311 - demo data
    records = []
    for ssyk, national in content["outlooks"].items():
        situation, outlook = national["situation"], national["outlook"]
        for area in [NATIONAL, *counties]:
            local = situation
            if area != NATIONAL and rng.random() < content["county_variation"]:
                shift = rng.choice([-1, 1])
                local = SITUATIONS[min(2, max(0, SITUATIONS.index(situation) + shift))]
            records.append(
                {
                    "yrkesomrade": None,
                    "yb_yrke": occupations.get(ssyk, ssyk),
                    "yb_concept_id": f"{DEMO_CONCEPT_PREFIX}{ssyk}",
                    "lan": area,
                    "ssyk": ssyk,
                    "ssyk_text": occupations.get(ssyk, ""),
                    "yb_beskrivning": content["description"],
                    "jobbmojligheter": content["opportunities"][local],
                    "rekryteringssituation": local,
                    "paradox": [],
                    "prognos": outlook,
                    "text_jobbmojligheter": "",
                    "text_rekryteringssituation": content["text"],
                    "hogsta_bedomningsniva": content["assessment_level"],
                    "delvis_helt": "helt",
                    "omgang": round,
                    "taxonomi_version": None,
                }
            )
    return records
