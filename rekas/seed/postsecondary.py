"""Demo content for the post-secondary parts of REKAS: the real samples of UHR's, MYH's and
SCB's statistics (rekas/data/postsecondary/SOURCE.md), imported as any file would be, and
generated figures where the samples are thin, marked as demo (models.DEMO_SOURCE).

What is generated from is content in rekas/data/demo/postsecondary.yaml; the same file always
gives the same numbers. Idempotent: each part runs only when its table is empty.
"""

import random
from functools import cache
from typing import TextIO

import pandas as pd
import yaml
from django.db import transaction

from syvsite.regions.models import County

from ..importers import ImportReport, run_import, writer
from ..importers.scb import write_rates
from ..importers.yh import write_records
from ..models import (
    DEMO_SOURCE,
    ImportBatch,
    MatchingRate,
    UniversityProgramme,
    YhApplication,
    YhOutcome,
)
from ..services import DATA_DIR, load_education_links

SAMPLES = [
    ("uhr", UniversityProgramme, "uhr_antagningsstatistik_sample.json"),
    ("yh", YhApplication, "scb_yh_sokande_antagna_hemlan_sample.csv"),
    ("yh_outcomes", YhOutcome, "scb_yh_uppfoljning_sample.csv"),
    ("scb", MatchingRate, "scb_matchningsgrad_sample.json"),
]


@cache
def demo_content() -> dict:
    return yaml.safe_load((DATA_DIR / "demo" / "postsecondary.yaml").read_text(encoding="utf-8"))


@transaction.atomic
def run(*, stdout: TextIO) -> None:
    load_education_links()
    for kind, model, name in SAMPLES:
        if not model.objects.exists():
            report = run_import(kind, source=DATA_DIR / "postsecondary" / name, file_name=name)
            stdout.write(f"  {report.kind} ({name}): {report.summary()}")
    if not YhApplication.objects.filter(source=DEMO_SOURCE).exists():
        stdout.write(f"  YH per utbildningsområde (genererad): {seed_yh_areas()} rader.")
    if not MatchingRate.objects.filter(source=DEMO_SOURCE).exists():
        stdout.write(f"  Matchningsgrad (genererad): {seed_matching_rates()} värden.")


def _apply(kind: str, rows: int, write) -> int:
    plan = writer.Plan(rows=rows, source=DEMO_SOURCE, write=write)
    report = ImportReport(kind=kind, file_name="demo", read=rows)
    return writer.apply(plan, report=report, commit=True).written


def seed_yh_areas() -> int:
    """Applicants and admitted per area: the real national totals split by each area's real
    share of the graduates of the same year (the demo's own assumption)."""
    county = demo_content()["yh"]["county"]
    totals = YhApplication.objects.filter(
        area=None, county_code=county, sex="total", pace="total"
    ).exclude(source=DEMO_SOURCE)
    outcomes = YhOutcome.objects.filter(sex="total").exclude(graduates=None)
    graduates = {(o.year, o.area_id): o.graduates for o in outcomes}
    records = []
    for total in totals:
        all_areas = graduates.get((total.year, None))
        for outcome in outcomes.filter(year=total.year).exclude(area=None).select_related("area"):
            share = outcome.graduates / all_areas if all_areas else 0
            records.append(
                {
                    "year": total.year, "sex": "total", "area": outcome.area.name,
                    "county": county, "pace": "total",
                    **{
                        field: round(getattr(total, field) * share)
                        if getattr(total, field) is not None
                        else None
                        for field in ("applications", "applicants", "eligible_applicants", "admitted")
                    },
                }
            )  # fmt: skip
    return _apply(
        ImportBatch.Kind.YH,
        len(records),
        lambda batch, bar: write_records(
            YhApplication, records, batch=batch, bar=bar, source=DEMO_SOURCE
        ),
    )


def seed_matching_rates() -> int:
    """RegionInd19M2N for the counties the real sample leaves out."""
    demo = demo_content()
    content = demo["matching"]
    rng = random.Random(demo["random_seed"])  # noqa: S311 - demo data
    covered = set(
        MatchingRate.objects.filter(table_id=content["table_id"]).values_list(
            "region_code", flat=True
        )
    )
    measure_code, measure_label = content["measure"]
    cells = []
    for county in County.objects.exclude(code__in=covered).order_by("code"):
        level = rng.uniform(*content["base"])
        for year in content["years"]:
            level += rng.uniform(*content["yearly_drift"])
            for sex, sex_label in content["sexes"].items():
                for group, (group_label, offset) in content["groups"].items():
                    value = level + offset + content["sex_offsets"][sex] + rng.uniform(-0.8, 0.8)
                    cells.append(
                        {
                            "region_code": county.code, "sex_code": sex, "sex_label": sex_label,
                            "group_dimension": "AlderFodelselandgr", "group_code": group,
                            "group_label": group_label, "measure_code": measure_code,
                            "measure_label": measure_label, "year": str(year),
                            "value": round(value, 1), "status": "",
                        }
                    )  # fmt: skip
    frame = pd.DataFrame.from_records(cells)
    return _apply(
        ImportBatch.Kind.SCB,
        len(frame),
        lambda batch, bar: write_rates(
            frame, table_id=content["table_id"], batch=batch, bar=bar, source=DEMO_SOURCE
        ),
    )
