from django.db import migrations


def load(apps, schema_editor):
    from rekas.services import load_education_links

    load_education_links(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("rekas", "0003_postsecondary")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
