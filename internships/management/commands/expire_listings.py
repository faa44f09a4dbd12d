"""Expire listings whose last period has ended. Safe to run often, e.g. nightly from cron:

15 0 * * *  cd /srv/syv && .venv/bin/python manage.py expire_listings
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from internships.selectors.listings import listings_due_to_expire, today
from internships.services.listings import expire_listings


class Command(BaseCommand):
    help = "Sätter status ”Utgången” på publicerade annonser vars sista period har passerat."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Räkna som om det vore detta datum (ÅÅÅÅ-MM-DD). Standard: i dag.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa vilka annonser som skulle gå ut."
        )

    def handle(self, *args, **options):
        try:
            on = date.fromisoformat(options["date"]) if options["date"] else today()
        except ValueError as error:
            raise CommandError(f"Ogiltigt datum: {options['date']} (ange ÅÅÅÅ-MM-DD).") from error
        if options["dry_run"]:
            due = listings_due_to_expire(on=on)
            for listing in due:
                self.stdout.write(f"  {listing.pk}: {listing.title} (sista dag {listing.last_end})")
            self.stdout.write(f"{due.count()} annonser skulle gå ut (inget ändrat).")
            return
        expired = expire_listings(on=on)
        self.stdout.write(self.style.SUCCESS(f"{len(expired)} annonser har gått ut (per {on})."))
