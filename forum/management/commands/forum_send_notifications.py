"""Mail followers about new posts: one mail per user and thread. Run from cron every 15 minutes:

*/15 * * * *  python manage.py forum_send_notifications
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from forum.services.notifications import pending_groups, send_pending


class Command(BaseCommand):
    help = "Skickar samlade mejl om nya foruminlägg (ett mejl per tråd och mottagare)."

    def handle(self, *args, **options):
        groups = pending_groups()
        progress = tqdm(
            groups, desc="Forumaviseringar", unit="mejl", disable=not groups, file=self.stderr
        )
        counts = send_pending(groups=progress)
        self.stdout.write(
            f"Skickade {counts['sent']} mejl; {counts['waiting']} väntar på intervallet, "
            f"{counts['dropped']} behövdes inte längre, {counts['failed']} misslyckades."
        )
