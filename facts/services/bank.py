"""The facts bank's fixed structure, for a database that lacks it (e.g. after a flush).

The data migration 0002 creates the same on `migrate`. Suggestions go through the method
bank's review workflow ("Granskning av metoder"), so editors have one queue in Wagtail.
"""

from importlib import import_module

from django.apps import apps
from django.db import transaction
from wagtail.models import Page

from methods.services.bank import ensure_method_bank

from ..models import FactIndexPage


def _migration():
    return import_module("facts.migrations.0002_index_and_workflow")


@transaction.atomic
def ensure_fact_bank() -> FactIndexPage | None:
    """/fakta/, editors' rights on it and the review workflow. Idempotent."""
    ensure_method_bank()
    migration = _migration()
    index = FactIndexPage.objects.first()
    if index is None:
        home = Page.objects.filter(depth=2, slug="start").first()
        if home is None:
            return None
        index = home.add_child(
            instance=FactIndexPage(title="Faktabank", slug="fakta", intro=migration.INDEX_INTRO)
        )
    migration.grant(apps, index)
    return index
