"""The method bank's fixed structure, for a database that lacks it (e.g. after a flush).

The data migration 0002 creates the same things on `migrate`; this uses the real page API.
"""

from importlib import import_module

from django.apps import apps
from django.db import transaction
from wagtail.models import Page, Workflow

from ..models import MethodIndexPage

_migration = import_module("methods.migrations.0002_vocabularies_index_and_workflow")


@transaction.atomic
def ensure_method_bank() -> MethodIndexPage | None:
    """Vocabularies, the review workflow, /metoder/ and editors' rights. Idempotent."""
    _migration.load_vocabularies(apps)
    groups = _migration.editor_groups(apps)
    _migration.grant_model_permissions(apps, groups)
    workflow = _migration.review_workflow(apps, groups)
    index = MethodIndexPage.objects.first()
    if index is None:
        home = Page.objects.filter(depth=2, slug="start").first()
        if home is None:
            return None
        index = home.add_child(
            instance=MethodIndexPage(
                title="Metodbank", slug="metoder", intro=_migration.INDEX_INTRO
            )
        )
    _migration.grant_page_permissions(apps, groups, index, workflow)
    return index


def review_workflow() -> Workflow:
    return Workflow.objects.get(name=_migration.WORKFLOW_NAME)
