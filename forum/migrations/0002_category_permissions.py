from django.db import migrations

ROLES = ["Moderator", "Administratör"]
ACTIONS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; create them here so they can be granted.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    category_type, _ = ContentType.objects.get_or_create(app_label="forum", model="category")
    permissions = [
        Permission.objects.get_or_create(
            content_type=category_type,
            codename=f"{action}_category",
            defaults={"name": f"{label} forumkategori"},
        )[0]
        for action, label in ACTIONS.items()
    ]
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0001_initial"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
