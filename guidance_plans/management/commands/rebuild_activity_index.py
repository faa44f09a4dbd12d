from django.core.management.base import BaseCommand
from tqdm import tqdm

from guidance_plans.models import GuidancePlanPage
from guidance_plans.services.activities import rebuild_all


class Command(BaseCommand):
    help = "Bygger om aktivitetsbanken (aktiviteterna i publicerade vägledningsplaner)."

    def handle(self, *args, **options):
        plans = GuidancePlanPage.objects.all()
        total = rebuild_all(
            plans=plans,
            progress=lambda items: tqdm(
                items, total=plans.count(), desc="Planer", unit="plan", file=self.stderr
            ),
        )
        self.stdout.write(self.style.SUCCESS(f"Klart: {total} aktiviteter i aktivitetsbanken."))
