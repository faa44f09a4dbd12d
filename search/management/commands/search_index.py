"""manage.py search_index rebuild | sync [--follow] | status | reconcile"""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError

from search import registry
from search.client import EngineError, EngineUnavailable, get_engine
from search.indexing import drain
from search.maintenance import reconcile, status
from search.models import OutboxEntry
from search.rebuild import rebuild

MAX_BACKOFF = 60


class Command(BaseCommand):
    help = "Sökindexet: bygg om, töm utkorgen, visa status eller hitta och rätta avvikelser."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="{rebuild,sync,status,reconcile}"
        )
        for name, text in [
            ("rebuild", "Bygg nya index för alla typer och byt alias atomärt."),
            ("sync", "Skicka väntande ändringar (utkorgen) till sökmotorn, med omförsök."),
            ("status", "Visa per index: objekt i databasen, dokument i sökmotorn, väntande rader."),
            ("reconcile", "Hitta dokument som saknas eller inte längre hör hemma, och rätta dem."),
        ]:
            command = sub.add_parser(name, help=text, description=text)
            command.add_argument(
                "--type",
                action="append",
                dest="types",
                metavar="TYP",
                help="Bara denna typ (kan upprepas).",
            )
            if name == "rebuild":
                command.add_argument(
                    "--chunk-size", type=int, default=None, help="Objekt per bulkanrop."
                )
                command.add_argument(
                    "--no-progress", action="store_true", help="Ingen förloppsindikator."
                )
            if name == "sync":
                command.add_argument(
                    "--follow",
                    action="store_true",
                    help="Fortsätt bevaka utkorgen tills du avbryter (Ctrl-C).",
                )
                command.add_argument(
                    "--retries",
                    type=int,
                    default=5,
                    help="Omförsök när sökmotorn inte svarar (standard 5).",
                )
                command.add_argument(
                    "--interval",
                    type=float,
                    default=2.0,
                    help="Sekunder mellan varven med --follow.",
                )
            if name == "status":
                command.add_argument(
                    "--json", action="store_true", dest="as_json", help="Skriv ut som JSON."
                )
            if name == "reconcile":
                command.add_argument(
                    "--dry-run", action="store_true", help="Visa bara avvikelserna."
                )

    def handle(self, *args, action, types=None, **options):
        unknown = sorted(set(types or []) - set(registry.names()))
        if unknown:
            raise CommandError(
                f"Okänd typ: {', '.join(unknown)}. Registrerade typer: {', '.join(registry.names()) or '(inga)'}."
            )
        getattr(self, f"do_{action}")(types=types, **options)

    # --- rebuild -------------------------------------------------------------------------
    def do_rebuild(self, *, types, chunk_size=None, no_progress=False, **options):
        if get_engine() is None:
            self.stdout.write(
                "SEARCH_URL är inte satt: bygger bara om databasens sökkopia (reservsökningen)."
            )
        try:
            reports = rebuild(
                types=types,
                chunk_size=chunk_size,
                progress=not no_progress,
                output=self.stderr._out,
            )
        except (EngineUnavailable, EngineError) as error:
            raise CommandError(f"Sökmotorn svarade inte eller gav fel: {error}") from error
        failed = 0
        for report in reports:
            self.stdout.write(
                f"{report.doc_type}: {report.indexed} av {report.objects} dokument på {report.seconds:.1f} s "
                f"({report.per_second:.0f}/s)"
                + (f" → {report.new_index}" if report.new_index else "")
            )
            for error in report.errors:
                self.stderr.write(f"  fel: {error}")
            failed += report.failed
        if failed:
            raise CommandError(f"{failed} objekt kunde inte indexeras (se felen ovan).")
        self.stdout.write(self.style.SUCCESS("Klart."))

    # --- sync ----------------------------------------------------------------------------
    def do_sync(self, *, types, follow=False, retries=5, interval=2.0, **options):
        attempt = 0
        try:
            while True:
                report = drain(ignore_schedule=True, blocking=True)
                left = OutboxEntry.objects.count()
                if report.indexed or report.deleted or report.failed:
                    self.stdout.write(
                        f"Indexerade {report.indexed}, tog bort {report.deleted}, misslyckades {report.failed}; kvar i utkorgen: {left}."
                    )
                if report.failed:
                    attempt += 1
                    if report.engine_error:
                        self.stderr.write(f"Sökmotorn: {report.engine_error}")
                    for error in report.errors[:3]:
                        self.stderr.write(f"  fel: {error}")
                    if not follow and attempt > retries:
                        raise CommandError(
                            f"{left} ändringar ligger kvar i utkorgen efter {retries} omförsök."
                        )
                    delay = min(MAX_BACKOFF, 2**attempt)
                    self.stdout.write(f"Försöker igen om {delay} s …")
                    engine = get_engine()
                    time.sleep(delay)
                    if engine is not None:
                        engine.reset_breaker()
                    continue
                attempt = 0
                if not follow:
                    self.stdout.write(
                        self.style.SUCCESS(
                            f"Utkorgen är tom ({left} kvar)." if not left else f"{left} kvar."
                        )
                    )
                    return
                time.sleep(interval)
        except KeyboardInterrupt:
            self.stdout.write("Avbrutet.")

    # --- status --------------------------------------------------------------------------
    def do_status(self, *, types, as_json=False, **options):
        engine_state, rows = status(types=types)
        if as_json:
            self.stdout.write(
                json.dumps(
                    {"engine": engine_state, "types": [row.__dict__ for row in rows]},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        self.stdout.write(
            f"Sökmotor: {engine_state.get('engine', engine_state['status'])} ({engine_state['status']})"
        )
        header = f"{'typ':<22}{'i databasen':>12}{'i sökmotorn':>13}{'i kopian':>10}{'väntar':>8}{'fel':>6}{'äldsta':>10}"
        self.stdout.write(header)
        for row in rows:
            engine_count = "–" if row.in_engine is None else str(row.in_engine)
            oldest = "–" if row.oldest_pending_seconds is None else _age(row.oldest_pending_seconds)
            self.stdout.write(
                f"{row.doc_type:<22}{row.in_database:>12}{engine_count:>13}{row.in_mirror:>10}{row.pending:>8}{row.failing:>6}{oldest:>10}"
            )
            if row.indices:
                self.stdout.write(f"  {row.alias} → {', '.join(row.indices)}")
            if row.last_error:
                self.stdout.write(f"  senaste fel: {row.last_error}")

    # --- reconcile -----------------------------------------------------------------------
    def do_reconcile(self, *, types, dry_run=False, **options):
        try:
            drifts = reconcile(types=types, fix=not dry_run)
        except (EngineUnavailable, EngineError) as error:
            raise CommandError(f"Sökmotorn svarade inte eller gav fel: {error}") from error
        for drift in drifts:
            self.stdout.write(
                f"{drift.doc_type}: saknas i sökmotorn {len(drift.missing_in_engine)}, ska bort ur sökmotorn "
                f"{len(drift.extra_in_engine)}, saknas i kopian {len(drift.missing_in_mirror)}, ska bort ur kopian {len(drift.extra_in_mirror)}"
            )
        if dry_run:
            return
        report = drain(ignore_schedule=True, blocking=True, refresh=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Rättat: indexerade {report.indexed}, tog bort {report.deleted}, misslyckades {report.failed}."
            )
        )
        if report.failed:
            raise CommandError("Alla avvikelser kunde inte rättas; kör `search_index sync`.")


def _age(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
