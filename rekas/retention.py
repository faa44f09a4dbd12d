"""REKAS's retention rule (gallring): import reports and who ran the import.

Imported files are never stored; what stays of an import is its report (row numbers, values
that were refused, names of schools that waited for a person) and the importing user. After
the period the report and the user go; the counts (rows read, written, replaced, flagged) stay.
"""

from django.utils.translation import gettext_lazy as _

from syvsite.privacy.retention import RetentionRule, register_retention_rule

from . import conf
from .models import ImportBatch


def _old_reports(cutoff):
    return ImportBatch.objects.filter(created_at__lt=cutoff).exclude(
        report={}, created_by__isnull=True
    )


def _clear(batches) -> int:
    return batches.update(report={}, created_by=None)


def register() -> None:
    register_retention_rule(
        RetentionRule(
            key="importrapporter",
            label=_("Importer och deras rapporter"),
            after=_("efter importen"),
            removes=_("rapporten och vem som importerade"),
            keeps=_("antal lästa, skrivna, ersatta och flaggade rader"),
            days=lambda: conf.get("IMPORT_REPORT_RETENTION_DAYS"),
            due=_old_reports,
            date_field="created_at",
            erase=_clear,
            order=70,
        )
    )
