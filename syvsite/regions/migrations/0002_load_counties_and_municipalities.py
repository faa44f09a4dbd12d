from django.db import migrations


def load(apps, schema_editor):
    from syvsite.regions.services import load_regions

    load_regions(
        county_model=apps.get_model("regions", "County"),
        municipality_model=apps.get_model("regions", "Municipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
