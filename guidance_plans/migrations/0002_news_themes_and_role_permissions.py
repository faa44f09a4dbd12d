from django.contrib.auth.management import create_permissions
from django.db import migrations

THEMES = [
    ("arbetsmarknad", "Arbetsmarknad"),
    ("vidareutbildning", "Vidareutbildning"),
    ("funktionsnedsattning", "Funktionsnedsättning"),
    ("lagar-och-forordningar", "Lagar och förordningar"),
    ("skolans-arbete", "Skolans arbete"),
    ("nyheter-fran-skolverket", "Nyheter från Skolverket"),
    ("studier", "Studier"),
    ("vagledning", "Vägledning"),
]

# Role group → model → permissions (the coordination directory is kept by administrators).
ROLE_PERMISSIONS = {
    "Administratör": {
        "coordinationbody": ["add", "change", "delete", "view"],
        "newstheme": ["add", "change", "delete", "view"],
    },
    "Moderator": {"coordinationbody": ["change", "view"], "newstheme": ["view"]},
}


def load(apps, schema_editor):
    NewsTheme = apps.get_model("guidance_plans", "NewsTheme")
    for order, (slug, name) in enumerate(THEMES):
        NewsTheme.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})

    app_config = apps.get_app_config("guidance_plans")
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
                *Permission.objects.filter(
                    content_type__app_label="guidance_plans", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance_plans", "0001_initial"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
