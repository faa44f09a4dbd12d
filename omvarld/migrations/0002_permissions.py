"""Moderators and administrators keep the feeds and theme rules."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Administratör": {"feed": ["add", "change", "delete", "view"], "themerule": ["add", "change", "delete", "view"]},
    "Moderator": {"feed": ["add", "change", "view"], "themerule": ["add", "change", "delete", "view"]},
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("omvarld")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="omvarld", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("omvarld", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
