from django.core.management.base import BaseCommand
from tqdm import tqdm

from facts.services.links import check_links


class Command(BaseCommand):
    help = (
        "Kontrollerar länken i varje publicerad faktauppgift. Döda länkar hamnar i granskningskön."
    )

    def handle(self, *args, **options):
        counts = check_links(progress=lambda pages: tqdm(pages, desc="Länkar", unit="länk"))
        self.stdout.write(
            self.style.SUCCESS(f"{counts['ok']} länkar fungerar, {counts['dead']} fungerar inte.")
        )
