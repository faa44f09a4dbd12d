from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test import override_settings

from syvsite.core.seed import seed_site, seed_users

# Order matters: facts and plans link to methods, plans to facts, placements to REKAS occupations,
# omvärld's theme rules to the news themes.
DOMAIN_SEEDS = ["methods", "facts", "rekas", "internships", "forum", "guidance_plans", "omvarld"]


class Command(BaseCommand):
    help = "Fyller sajten med demoinnehåll. Kan köras flera gånger utan att skapa dubbletter."

    def add_arguments(self, parser):
        parser.add_argument("--skip-index", action="store_true", help="Bygg inte om sökindexet.")

    def handle(self, *args, **options):
        self.stdout.write(self.style.MIGRATE_HEADING("Demoinnehåll"))
        # Thousands of saves: index them once, in bulk, by the rebuild below (or by
        # `search_index sync` after --skip-index), not one by one after every commit.
        with override_settings(SEARCH={**settings.SEARCH, "DRAIN": "off"}):
            seed_site(stdout=self.stdout)
            seed_users(stdout=self.stdout)
            for app in DOMAIN_SEEDS:
                self.stdout.write(f"- {app}")
                import_module(f"{app}.seed").run(stdout=self.stdout)
        if not options["skip_index"]:
            try:
                call_command("search_index", "rebuild", stdout=self.stdout)
            except Exception as error:  # noqa: BLE001 - the site works without an index
                self.stdout.write(self.style.WARNING(f"Sökindexet byggdes inte om: {error}"))
        self.stdout.write(self.style.SUCCESS("Klart."))
