from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rekas.importers import IMPORTERS, run_import


class Command(BaseCommand):
    help = (
        "Importerar REKAS-data: yrkesbarometer (Arbetsförmedlingens JSON), admissions "
        "(antagningsstatistik, CSV eller XLSX), mapping (programkod;ssyk;vikt) eller "
        "uhr (UHR:s antagningsstatistik för högskoleprogram, JSON), yh och yh_outcomes "
        "(YH-sökande och uppföljning, SCB:s PX-Web-CSV) eller scb (SCB:s matchningsindikatorer, "
        "JSON-stat 2.0 eller PX-Web-CSV). "
        "Hela filen eller ingenting skrivs; samma fil två gånger ger samma data."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(IMPORTERS), help="Vad filen innehåller.")
        parser.add_argument("path", help="Sökväg till filen.")
        parser.add_argument("--year", type=int, help="Antagningsår när filen saknar kolumnen år.")
        parser.add_argument(
            "--round",
            choices=["preliminary", "final", "preliminar", "slutlig"],
            help="Antagningsomgång när filen saknar den: preliminary/preliminar eller final/slutlig.",
        )
        parser.add_argument(
            "--table", help="SCB-tabellen (scb), t.ex. RegionInd19M2N, när filen inte säger det."
        )
        parser.add_argument("--dry-run", action="store_true", help="Validera utan att spara.")

    def handle(
        self, *_args, kind, path, year=None, round=None, table=None, dry_run=False, **_options
    ):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Filen {path} finns inte.")
        if (year or round) and "year" not in IMPORTERS[kind].options:
            raise CommandError("--year och --round gäller bara antagningsstatistik (admissions).")
        if table and "table" not in IMPORTERS[kind].options:
            raise CommandError("--table gäller bara SCB:s matchningsindikatorer (scb).")
        report = run_import(
            kind,
            source=file,
            file_name=file.name,
            commit=not dry_run,
            progress=True,
            year=year,
            round={"preliminar": "preliminary", "slutlig": "final"}.get(round, round),
            table=table,
        )
        for note in report.notes:
            self.stdout.write(note)
        for issue in report.flagged[:50]:
            self.stdout.write(self.style.WARNING(f"Granska: {issue}"))
        if not report.ok:
            for issue in report.sorted_errors()[:100]:
                self.stderr.write(self.style.ERROR(str(issue)))
            if len(report.errors) > 100:
                self.stderr.write(f"… och {len(report.errors) - 100} fel till.")
            raise CommandError(f"Filen avvisades, inget sparades. {report.summary()}")
        prefix = "Provkörning, inget sparades. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
