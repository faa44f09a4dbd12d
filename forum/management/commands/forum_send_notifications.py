"""Mail followers about new posts: one mail per user and thread. Run from cron every 15 minutes:

*/15 * * * *  python manage.py forum_send_notifications
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from forum.services.notifications import pending_groups, send_pending


class Command(BaseCommand):
    help = "Skickar samlade mejl om nya foruminlägg (ett mejl per tråd och mottagare)."

    def handle(self, *args, **options):
        total = len(pending_groups())
        with tqdm(total=total, desc="Forumaviseringar", unit="tråd", disable=not total,
                  file=self.stderr) as progress:  # fmt: skip
            counts = send_pending(progress=progress.update)
        self.stdout.write(
            f"Skickade {counts['sent']} mejl; {counts['waiting']} väntar på intervallet, "
            f"{counts['dropped']} behövdes inte längre, {counts['failed']} misslyckades."
        )
