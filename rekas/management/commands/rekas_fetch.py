"""`manage.py rekas_fetch KIND …`: fetch a source from its publisher and import it, the same
way as a downloaded file (all or nothing, same report). Kinds: `scb TABLE`,
`yrkesbarometer [URL]`."""

from django.core.management.base import BaseCommand, CommandError

from rekas import conf
from rekas.exceptions import RekasError
from rekas.importers import run_import
from rekas.importers.download import download
from rekas.importers.scb_api import fetch_table


def fetch_scb(command: BaseCommand, *, target: str | None, dry_run: bool):
    if not target:
        raise CommandError("Ange tabellen, t.ex. rekas_fetch scb RegionInd19M2N.")
    command.stdout.write(f"Hämtar {target} från SCB …")
    data = fetch_table(target)
    return run_import(
        "scb",
        source=data,
        file_name=f"{target.rsplit('/', 1)[-1]}.json",
        commit=not dry_run,
        progress=True,
        table=target,
    )


def fetch_yrkesbarometer(command: BaseCommand, *, target: str | None, dry_run: bool):
    """The current round from REKAS_YRKESBAROMETER_URL (or `target`), with a progress bar."""
    url = target or conf.get("YRKESBAROMETER_URL")
    command.stdout.write(f"Hämtar Yrkesbarometern från {url} …")
    data = download(
        url,
        timeout=conf.get("YRKESBAROMETER_TIMEOUT"),
        progress=True,
        label="Hämtar Yrkesbarometern",
    )
    return run_import(
        "yrkesbarometer",
        source=data,
        file_name=url.rsplit("/", 1)[-1] or "yrkesbarometer.json",
        commit=not dry_run,
        progress=True,
    )


FETCHERS = {"scb": fetch_scb, "yrkesbarometer": fetch_yrkesbarometer}


class Command(BaseCommand):
    help = (
        "Hämtar REKAS-data från källan och importerar den: scb TABELL (SCB:s PxWeb-API, "
        "adressen i inställningen REKAS_SCB_API_URL), t.ex. scb RegionInd19M2N; "
        "yrkesbarometer [ADRESS] (Arbetsförmedlingens Yrkesbarometer, adressen i "
        "inställningen REKAS_YRKESBAROMETER_URL). Hela svaret eller ingenting sparas."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(FETCHERS), help="Vilken källa.")
        parser.add_argument(
            "target", nargs="?", help="Tabell (scb) eller en annan adress (yrkesbarometer)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Validera utan att spara.")

    def handle(self, *_args, kind, target=None, dry_run=False, **_options):
        try:
            report = FETCHERS[kind](self, target=target, dry_run=dry_run)
        except RekasError as error:
            raise CommandError(f"{error} Inget sparades.") from error
        for note in report.notes:
            self.stdout.write(note)
        if not report.ok:
            for issue in report.sorted_errors()[:100]:
                self.stderr.write(self.style.ERROR(str(issue)))
            raise CommandError(
                f"Svaret avvisades (formatet kan ha ändrats), inget sparades. {report.summary()}"
            )
        prefix = "Provkörning, inget sparades. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
