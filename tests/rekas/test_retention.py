"""Retention of import reports: after a year the report and the importing user go, the counts
stay."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from rekas.models import ImportBatch
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _batch(*, days_ago: int, user) -> ImportBatch:
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ADMISSIONS, file_name="antagning.xlsx", created_by=user,
        rows_read=10, rows_written=9, rows_flagged=1,
        report={"flagged": [{"row": 7, "value": "Okänd skola"}]},
    )  # fmt: skip
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return batch


def test_old_import_reports_lose_report_and_user_but_keep_counts():
    user = UserFactory()
    old, recent = _batch(days_ago=366, user=user), _batch(days_ago=364, user=user)
    call_command("gallra", "--only", "importrapporter", stdout=io.StringIO(), stderr=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.report == {} and old.created_by is None
    assert (old.rows_read, old.rows_written, old.rows_flagged) == (10, 9, 1)
    assert recent.report and recent.created_by == user
