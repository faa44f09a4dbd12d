"""The permission to use the editors' search tools: administrators, and a group for editors
who only look after the search ("Sökredaktör", with access to the staff pages)."""

from django.db import migrations

EDITOR_GROUP = "Sökredaktör"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    synonym_type, _ = ContentType.objects.get_or_create(app_label="search", model="synonymlist")
    permission, _ = Permission.objects.get_or_create(
        content_type=synonym_type,
        codename="manage_search",
        defaults={"name": "Kan hantera sökningen"},
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
        ("search", "0005_editor_tools"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
