from django.core.management.base import BaseCommand

from rekas import aggregates


class Command(BaseCommand):
    help = (
        "Räknar om REKAS sammanställda statistik (söktryck, matchning, summor per område) från "
        "antagningsstatistiken, kopplingen och Yrkesbarometern. Importerna gör det själva; "
        "kör kommandot efter en uppgradering eller en ändring direkt i databasen."
    )

    def handle(self, *_args, **_options):
        rows = aggregates.refresh()
        self.stdout.write(f"Sammanställd statistik: {rows} rader.")
