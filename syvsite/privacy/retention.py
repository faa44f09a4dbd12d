"""Retention (gallring): one rule per kind of personal data, run by `manage.py gallra`.

The core never imports a domain, so each app registers the rules for its own data in its
AppConfig.ready():

    register_retention_rule(RetentionRule(
        key="forum-ip", label=_("IP-adresser i foruminlägg"), after=_("efter inlägget"),
        removes=…, keeps=…, days=lambda: conf.get("IP_RETENTION_DAYS"),
        due=lambda cutoff: Post.objects.filter(created_at__lt=cutoff, ip_address__isnull=False),
        date_field="created_at", erase=lambda rows: rows.update(ip_address=None),
    ))

`due(cutoff)` returns the rows whose data is older than the rule allows; `erase(rows)` removes
or anonymises exactly those rows' personal data (keeping what statistics need) and returns how
many it handled. The same list is shown on the privacy page, so what it promises is what runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Min, QuerySet
from django.utils import timezone

BATCH = 500


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: str  # what kind of data, e.g. "Elever i valomgångar"
    after: str  # counted from, e.g. "efter praktikperiodens sista dag"
    removes: str  # what goes
    keeps: str  # what stays (statistics), or ""
    days: Callable[[], int]  # the configured retention period
    due: Callable[[datetime], QuerySet]
    date_field: str  # the date the period is counted from (for "oldest")
    erase: Callable[[QuerySet], int]
    order: int = 100


@dataclass(frozen=True)
class RuleResult:
    rule: RetentionRule
    cutoff: datetime
    count: int
    oldest: date | datetime | None
    erased: int = 0


_rules: dict[str, RetentionRule] = {}


def register_retention_rule(rule: RetentionRule) -> RetentionRule:
    _rules[rule.key] = rule
    return rule


def retention_rules() -> list[RetentionRule]:
    return sorted(_rules.values(), key=lambda rule: (rule.order, rule.key))


def cutoff_for(rule: RetentionRule, *, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=rule.days())


def survey(rule: RetentionRule, *, now: datetime | None = None) -> RuleResult:
    """What the rule would remove now: count and the oldest date among those rows."""
    cutoff = cutoff_for(rule, now=now)
    rows = rule.due(cutoff)
    oldest = rows.aggregate(oldest=Min(rule.date_field))["oldest"]
    return RuleResult(rule=rule, cutoff=cutoff, count=rows.count(), oldest=oldest)


def apply_rule(
    rule: RetentionRule,
    *,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> RuleResult:
    """Erase what is due, in batches of BATCH rows, each batch in its own transaction (a long
    run never holds locks on everything, and an interrupted run has finished whole batches)."""
    found = survey(rule, now=now)
    ids = list(rule.due(found.cutoff).order_by("pk").values_list("pk", flat=True))
    erased = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with transaction.atomic():
            # Asked again inside the transaction: a row that changed meanwhile is left alone.
            rows = rule.due(found.cutoff).filter(pk__in=chunk)
            erased += rule.erase(rows)
        if progress:
            progress(len(chunk))
    return RuleResult(
        rule=rule, cutoff=found.cutoff, count=found.count, oldest=found.oldest, erased=erased
    )
