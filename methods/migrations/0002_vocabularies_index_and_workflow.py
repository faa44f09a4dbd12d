"""Vocabularies, the /metoder/ index page, the review workflow and what editors may do.

Runs with historical models, so the page is placed in the tree by hand (treebeard paths).
`methods.services.bank.ensure_method_bank()` does the same at runtime for a database without it.
"""

from django.db import migrations
from django.utils import timezone

TARGET_GROUPS = [
    ("grundskola-f-6", "Grundskola F–6"),
    ("grundskola-7-9", "Grundskola 7–9"),
    ("gymnasieskola", "Gymnasieskola"),
    ("vuxenutbildning", "Vuxenutbildning"),
    ("anpassad-skola", "Anpassad skola"),
    ("nyanlanda", "Nyanlända"),
    ("langt-fran-arbetsmarknaden", "Individer långt från arbetsmarknaden"),
]
FORMATS = [
    ("individuellt", "Individuellt"),
    ("grupp", "Grupp"),
    ("klass", "Klass"),
    ("foraldrar", "Föräldrar"),
]
THEMES = [
    ("sjalvkannedom", "Självkännedom"),
    ("utbildnings-och-yrkesval", "Utbildnings- och yrkesval"),
    ("arbetsmarknadskunskap", "Arbetsmarknadskunskap"),
    ("normkritik-och-jamstalldhet", "Normkritik och jämställdhet"),
    ("studiebesok-och-praktik", "Studiebesök och praktik"),
    ("digitala-verktyg", "Digitala verktyg"),
    ("beslut-och-planering", "Beslut och planering"),
]
EDITOR_GROUPS = ["Moderator", "Administratör"]
WORKFLOW_NAME = "Granskning av metoder"
TASK_NAME = "Granskning av metodbidrag"
INDEX_INTRO = (
    "Beprövade metoder, övningar och tips för studie- och yrkesvägledning – från "
    "vägledare för vägledare. Filtrera på målgrupp, arbetsform, tema och tidsåtgång."
)
PAGE_PERMISSIONS = [
    ("add_page", "Can add page"),
    ("change_page", "Can change page"),
    ("publish_page", "Publish any page"),
    ("lock_page", "Lock/unlock pages you've locked"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
MODEL_PERMISSIONS = [
    ("targetgroup", ["add", "change", "view"]),
    ("methodformat", ["add", "change", "view"]),
    ("theme", ["add", "change", "view"]),
    ("methodcomment", ["change", "view", "moderate"]),
    ("methodsubmission", ["view"]),
]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def load_vocabularies(apps):
    for model_name, rows in (
        ("TargetGroup", TARGET_GROUPS),
        ("MethodFormat", FORMATS),
        ("Theme", THEMES),
    ):
        model = apps.get_model("methods", model_name)
        for order, (slug, name) in enumerate(rows):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def editor_groups(apps):
    Group = apps.get_model("auth", "Group")
    return [Group.objects.get_or_create(name=name)[0] for name in EDITOR_GROUPS]


def grant_model_permissions(apps, groups):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    for group in groups:
        for model, actions in MODEL_PERMISSIONS:
            for action in actions:
                group.permissions.add(_permission(apps, "methods", model, f"{action}_{model}"))
        if root is None:
            continue
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=_permission(apps, app_label, model, codename),
                )


def review_workflow(apps, groups):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(*groups)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .first()
    )
    number = int(last.path[-STEPLEN:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent.path + step.rjust(STEPLEN, "0")


def method_index(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    MethodIndexPage = apps.get_model("methods", "MethodIndexPage")
    home = Page.objects.filter(depth=2, slug="start").first()
    if home is None:
        return None
    existing = MethodIndexPage.objects.first()
    if existing is not None:
        return existing
    content_type, _ = ContentType.objects.get_or_create(
        app_label="methods", model="methodindexpage"
    )
    now = timezone.now()
    page = MethodIndexPage.objects.create(
        title="Metodbank",
        draft_title="Metodbank",
        slug="metoder",
        content_type=content_type,
        path=_next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}metoder/",
        locale_id=home.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        intro=INDEX_INTRO,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    return page


def grant_page_permissions(apps, groups, page, workflow):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})
    for group in groups:
        for codename, _name in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=page.pk,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )


def forwards(apps, schema_editor):
    load_vocabularies(apps)
    groups = editor_groups(apps)
    grant_model_permissions(apps, groups)
    workflow = review_workflow(apps, groups)
    page = method_index(apps)
    if page is not None:
        grant_page_permissions(apps, groups, page, workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("methods", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
