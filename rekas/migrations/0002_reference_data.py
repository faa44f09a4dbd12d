"""Programmes, orientations, SSYK groups and the curated mapping; REKAS import permission."""

from django.db import migrations

from rekas.services import load_reference

EDITOR_GROUP = "REKAS-redaktör"


def load(apps, schema_editor):
    load_reference(apps=apps)


def grant_import_permission(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    batch_type, _ = ContentType.objects.get_or_create(app_label="rekas", model="importbatch")
    permission, _ = Permission.objects.get_or_create(
        content_type=batch_type,
        codename="import_rekas_data",
        defaults={"name": "Kan importera REKAS-data"},
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    administrators, _ = Group.objects.get_or_create(name="Administratör")
    administrators.permissions.add(permission)
    editors, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editors.permissions.add(permission, access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("rekas", "0001_initial"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(grant_import_permission, migrations.RunPython.noop),
    ]
