"""Rebuild syvsite/maps/data/shapes.json from the GeoJSON in syvsite/maps/data/source/.

Run it after replacing the boundary files; the site only ever reads the built file. The build
is deterministic, and a test checks that the shipped file is what this command writes.
"""

from django.core.management.base import BaseCommand, CommandError

from syvsite.maps.build import SHAPES_PATH, ShapeDataError, build, write


class Command(BaseCommand):
    help = "Projicerar och förenklar kommun- och länsgränserna till kartornas formfil."

    def handle(self, *args, **options):
        try:
            content = build()
        except ShapeDataError as error:
            raise CommandError(str(error)) from error
        size = write(content)
        self.stdout.write(
            f"{len(content['municipalities'])} kommuner och {len(content['counties'])} län "
            f"skrivna till {SHAPES_PATH} ({size // 1024} kB)."
        )
