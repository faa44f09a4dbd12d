from django.core.management.base import BaseCommand
from tqdm import tqdm

from omvarld.services.feeds import fetch_all
from omvarld.services.tagging import retag_all


class Command(BaseCommand):
    help = "Hämtar alla aktiva RSS-/Atom-flöden i omvärldsbevakningen. Ett trasigt flöde stoppar inte de andra."

    def add_arguments(self, parser):
        parser.add_argument(
            "--feed",
            action="append",
            dest="slugs",
            metavar="SLUG",
            help="Hämta bara detta flöde (kan anges flera gånger).",
        )
        parser.add_argument(
            "--retag",
            action="store_true",
            help="Tillämpa temareglerna på alla sparade poster igen.",
        )

    def handle(self, *args, **options):
        counts = fetch_all(
            progress=lambda feeds: tqdm(feeds, desc="Flöden", unit="flöde"),
            slugs=options["slugs"],
        )
        self.stdout.write(
            f"{counts['ok']} flöden hämtade, {counts['error']} med fel, {counts['new']} nya poster."
        )
        if options["retag"]:
            self.stdout.write(f"{retag_all()} poster fick nya teman.")
        if counts["error"]:
            self.stdout.write(
                self.style.WARNING(
                    "Se flödenas status på /omvarld/kallor/ eller i administrationen."
                )
            )
