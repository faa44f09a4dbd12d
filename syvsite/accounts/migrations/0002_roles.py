from django.db import migrations

ROLES = ["Vägledare", "Kommunredaktör", "Företagsrepresentant", "Praktiksamordnare", "Moderator", "Administratör"]
STAFF_ROLES = ["Kommunredaktör", "Praktiksamordnare", "Moderator", "Administratör"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if name in STAFF_ROLES:
            group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
