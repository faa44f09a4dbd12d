from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's placeholder welcome page with our home page (as Wagtail's template does)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    Page.objects.filter(depth=2, slug="home").delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Studie- och yrkesvägledning",
        draft_title="Studie- och yrkesvägledning",
        slug="start",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/start/",
        locale=locale,
        intro="Metoder, forum, vägledningsplaner, statistik och praktikplatser på ett ställe.",
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.filter(slug="start", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0001_initial")]
    run_before = []
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
