"""Guidance plans benchmark: does the overview stay flat, and does the activity index pay off?

Baselines measured in the same run:
- overview: `/vagledningsplaner/` with no plans at all (290 municipalities, all "saknas").
  Goal: with PLANS published plans it costs ≤ 2× that, and the number of SQL queries stays
  constant (at most one more: Wagtail's site root paths, looked up once for the plan links).
- activity bank: the same filter (stage 7–9, role SYV) answered without the activity index,
  by loading every published plan and scanning its StreamField in Python. Goal: the indexed
  page (20 rows + count) is ≥ 5× faster than the scan.
- version differences: rendering both versions' sections as text (needed anyway). Goal: the
  section-by-section diff of a plan with ACTIVITIES activities costs ≤ 3× the rendering.

Database: see bench/common.py (BENCH_DATABASE_URL=…/syv_bench_guidance_plans for PostgreSQL).
"""

import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import setup_django, timed  # noqa: E402

PLANS = 120
ACTIVITIES = 30
REPEAT = 9
STAGES = ["f-3", "4-6", "7-9", "gy", "vux", "anpassad"]
ROLES = ["syv", "rektor", "larare", "mentor", "elevhalsa"]


def page_cost(client, url: str) -> tuple[float, int]:
    """Median time of the page and its number of SQL queries (counted with a wrapper, since
    Django empties the debug query log at the start of every request)."""
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200, url
    return timed(lambda: client.get(url), REPEAT), len(executed)


def activities(seed: int) -> list[dict]:
    return [
        {
            "type": "activity",
            "id": str(uuid.uuid4()),
            "value": {
                "title": f"Aktivitet {seed}-{n}",
                "stage": STAGES[(seed + n) % len(STAGES)],
                "responsible_role": ROLES[(seed * 3 + n) % len(ROLES)],
                "timing": "Höstterminen",
                "description": "Eleverna förbereder frågor och besöker en arbetsplats.",
                "method": None,
            },
        }
        for n in range(ACTIVITIES)
    ]


def build_plans() -> list:
    from guidance_plans.models import GuidancePlanPage
    from guidance_plans.services.sections import ensure_section
    from syvsite.regions.models import Municipality

    plans = []
    for number, municipality in enumerate(Municipality.objects.order_by("code")[:PLANS]):
        section = ensure_section(municipality=municipality)
        plan = section.add_child(
            instance=GuidancePlanPage(
                title=f"Plan för {municipality.name}",
                slug="plan",
                valid_from=date(2025, 1, 1),
                valid_to=date(2028, 12, 31),
                current_state="<p>Eleverna vill ha mer kontakt med arbetslivet.</p>",
                activities=activities(number),
            )
        )
        plan.save_revision().publish()
        plans.append(plan)
    return plans


def scan_without_index() -> int:
    """What the activity bank would do without PlanActivity: read every plan's blocks."""
    from guidance_plans.models import GuidancePlanPage

    matches = []
    for plan in GuidancePlanPage.objects.live().public():
        for block in plan.activities:
            if block.value["stage"] == "7-9" and block.value["responsible_role"] == "syv":
                matches.append((plan.municipality_id, block.value["title"]))
    return len(matches[:20]) + len(matches)


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        setup_django(Path(workdir))
        from django.test import Client

        from guidance_plans.diff import diff_plans
        from guidance_plans.models import PlanActivity
        from guidance_plans.services.sections import ensure_plan_index
        from guidance_plans.text import plan_sections

        ensure_plan_index()
        client = Client()
        empty_time, empty_queries = page_cost(client, "/vagledningsplaner/")
        start = time.perf_counter()
        plans = build_plans()
        print(
            f"Byggde {PLANS} planer med {PlanActivity.objects.count()} aktiviteter "
            f"på {time.perf_counter() - start:.1f} s"
        )
        full_time, full_queries = page_cost(client, "/vagledningsplaner/")
        print(
            f"Översikt utan planer: {empty_time * 1000:.1f} ms, {empty_queries} frågor; "
            f"med {PLANS} planer: {full_time * 1000:.1f} ms, {full_queries} frågor; "
            f"kvot {full_time / empty_time:.2f}× (mål ≤ 2×, högst en fråga till)"
        )

        bank_time, bank_queries = page_cost(
            client, "/vagledningsplaner/aktiviteter/?stadium=7-9&roll=syv"
        )
        scan_time = timed(scan_without_index, repeat=3)
        print(
            f"Aktivitetsbanken (index): {bank_time * 1000:.1f} ms, {bank_queries} frågor; "
            f"skanning av planernas block: {scan_time * 1000:.1f} ms; "
            f"indexet är {scan_time / bank_time:.1f}× snabbare (mål ≥ 5×)"
        )

        old = plans[0].get_latest_revision_as_object()
        new = plans[0].get_latest_revision_as_object()
        new.activities = activities(999)[: ACTIVITIES - 5] + list(old.activities.raw_data)[:5]
        render_time = timed(lambda: (plan_sections(old), plan_sections(new)), REPEAT)
        diff_time = timed(lambda: diff_plans(old, new), REPEAT)
        print(
            f"Ändringar, {ACTIVITIES} aktiviteter: rendering {render_time * 1000:.1f} ms, "
            f"diff inkl. rendering {diff_time * 1000:.1f} ms; "
            f"kvot {diff_time / render_time:.2f}× (mål ≤ 3×)"
        )


if __name__ == "__main__":
    main()
