"""The /fakta/ index page, with the method bank's review workflow and editors' rights on it.

Runs with historical models, so the page is placed in the tree by hand (as methods 0002 does).
`facts.services.bank.ensure_fact_bank()` does the same at runtime for a database without it.
"""

from importlib import import_module

from django.db import migrations
from django.utils import timezone

methods_0002 = import_module("methods.migrations.0002_vocabularies_index_and_workflow")

INDEX_INTRO = (
    "Lagar, allmänna råd, utredningar, forskning och statistikkällor bakom studie- och "
    "yrkesvägledningen – med sammanfattning, vad det betyder för dig som vägledare och en "
    "färdig referens att citera."
)
MODEL_PERMISSIONS = [("factsubmission", ["view"])]


def grant(apps, page):
    groups = methods_0002.editor_groups(apps)
    workflow = methods_0002.review_workflow(apps, groups)
    methods_0002.grant_page_permissions(apps, groups, page, workflow)
    for group in groups:
        for model, actions in MODEL_PERMISSIONS:
            for action in actions:
                group.permissions.add(
                    methods_0002._permission(apps, "facts", model, f"{action}_{model}")
                )


def fact_index(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    FactIndexPage = apps.get_model("facts", "FactIndexPage")
    home = Page.objects.filter(depth=2, slug="start").first()
    if home is None:
        return None
    existing = FactIndexPage.objects.first()
    if existing is not None:
        return existing
    content_type, _ = ContentType.objects.get_or_create(app_label="facts", model="factindexpage")
    now = timezone.now()
    page = FactIndexPage.objects.create(
        title="Faktabank",
        draft_title="Faktabank",
        slug="fakta",
        content_type=content_type,
        path=methods_0002._next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}fakta/",
        locale_id=home.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        intro=INDEX_INTRO,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    return page


def forwards(apps, schema_editor):
    page = fact_index(apps)
    if page is not None:
        grant(apps, page)


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0001_initial"),
        ("methods", "0002_vocabularies_index_and_workflow"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
