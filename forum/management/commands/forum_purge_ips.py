"""Remove the IP addresses of forum posts older than the retention period (default 90 days).

Run daily from cron; the privacy page promises the 90 days:

    15 3 * * *  python manage.py forum_purge_ips
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from forum import conf
from forum.models import Post

BATCH = 1000


class Command(BaseCommand):
    help = "Tar bort IP-adresser från foruminlägg som är äldre än lagringstiden (90 dagar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=conf.get("IP_RETENTION_DAYS"),
            help="Lagringstid i dagar (standard: %(default)s).",
        )

    def handle(self, *args, days: int, **options):
        cutoff = timezone.now() - timedelta(days=days)
        stale = Post.objects.filter(created_at__lt=cutoff, ip_address__isnull=False)
        ids = list(stale.values_list("pk", flat=True))
        with tqdm(total=len(ids), desc="IP-adresser", unit="inlägg", disable=not ids,
                  file=self.stderr) as progress:  # fmt: skip
            for start in range(0, len(ids), BATCH):
                chunk = ids[start : start + BATCH]
                Post.objects.filter(pk__in=chunk).update(ip_address=None)
                progress.update(len(chunk))
        self.stdout.write(f"Tog bort IP-adressen från {len(ids)} inlägg äldre än {days} dagar.")
