"""The activity index: one row per activity block of each published plan."""

from collections.abc import Iterable

from django.db import transaction

from ..models import GuidancePlanPage, PlanActivity


def _rows_from(plan: GuidancePlanPage) -> list[dict]:
    rows = []
    for position, block in enumerate(plan.activities):
        if block.block_type != "activity":
            continue
        value = block.value
        method = value.get("method")
        fact = value.get("fact")
        rows.append(
            {
                "block_id": block.id,
                "position": position,
                "title": value.get("title", "")[:200],
                "description": value.get("description", ""),
                "stage": value.get("stage", ""),
                "responsible_role": value.get("responsible_role", ""),
                "timing": value.get("timing", "")[:120],
                "method_id": method.pk if method is not None else None,
                "fact_id": fact.pk if fact is not None else None,
            }
        )
    return rows


@transaction.atomic
def rebuild_plan_activities(*, plan: GuidancePlanPage) -> int:
    """Make the plan's rows match its live content; rows of an unpublished plan are removed.

    Rows are updated in place by block id (ids stay stable for the search index) and saved one
    by one so the search outbox sees every change.
    """
    plan = GuidancePlanPage.objects.get(pk=plan.pk)  # the published content, not a draft object
    if not plan.live:
        remove_plan_activities(plan_id=plan.pk)
        return 0
    rows = _rows_from(plan)
    existing = {row.block_id: row for row in PlanActivity.objects.filter(plan=plan)}
    for data in rows:
        row = existing.pop(data["block_id"], None) or PlanActivity(plan=plan)
        for field, value in data.items():
            setattr(row, field, value)
        row.municipality_id = plan.municipality_id
        row.save()
    for stale in existing.values():
        stale.delete()
    return len(rows)


@transaction.atomic
def remove_plan_activities(*, plan_id: int) -> int:
    removed = 0
    for row in PlanActivity.objects.filter(plan_id=plan_id):
        row.delete()
        removed += 1
    return removed


def rebuild_all(*, plans: Iterable[GuidancePlanPage] | None = None, progress=None) -> int:
    """Rebuild every plan's rows; `progress` wraps the iterable (tqdm in the command)."""
    plans = plans if plans is not None else GuidancePlanPage.objects.all()
    iterable = progress(plans) if progress else plans
    total = 0
    for plan in iterable:
        total += rebuild_plan_activities(plan=plan)
    live_ids = GuidancePlanPage.objects.live().values("pk")
    for orphan in PlanActivity.objects.exclude(plan_id__in=live_ids):
        orphan.delete()
    return total
