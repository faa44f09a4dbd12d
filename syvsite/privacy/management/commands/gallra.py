"""Retention (gallring): remove or anonymise personal data older than its rule allows.

Run daily by the scheduler (README, "Scheduled commands"):

    30 3 * * *  python manage.py gallra

`--dry-run` lists per rule how many rows would go and the oldest date, and changes nothing.
The rules and their periods are on the privacy page and in docs/architecture.md.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats
from tqdm import tqdm

from syvsite.privacy.retention import apply_rule, retention_rules, survey


def _date(value) -> str:
    return formats.date_format(value, "Y-m-d") if value else "–"


class Command(BaseCommand):
    help = "Gallrar personuppgifter som är äldre än lagringstiden för sitt slag."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Visa vad som skulle gallras (antal per slag, äldsta datum) utan att ändra något.",
        )
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="SLAG",
            help="Kör bara denna regel (kan anges flera gånger).",
        )

    def handle(self, *args, dry_run: bool, only: list[str], **options):
        rules = retention_rules()
        unknown = sorted(set(only) - {rule.key for rule in rules})
        if unknown:
            known = ", ".join(rule.key for rule in rules)
            raise CommandError(f"Okänd regel: {', '.join(unknown)}. Reglerna är: {known}.")
        rules = [rule for rule in rules if not only or rule.key in only]
        total = 0
        for rule in rules:
            found = survey(rule)
            line = (
                f"{rule.key:22} {found.count:7} st  äldsta {_date(found.oldest):10}  "
                f"(lagras {rule.days()} dagar {rule.after})"
            )
            if dry_run or not found.count:
                self.stdout.write(line)
                total += found.count
                continue
            with tqdm(total=found.count, desc=rule.key, unit="rad", file=self.stderr) as bar:
                result = apply_rule(rule, progress=bar.update)
            total += result.erased
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(f"Inget ändrat (--dry-run). {total} rader skulle gallras.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Gallrat {total} rader."))
