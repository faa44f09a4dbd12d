"""The outbox: "object X of type T changed", written in the caller's transaction.

`enqueue()` is all a domain app ever calls (and only for unusual cases: signals call it for
registered models). After the transaction commits, the outbox is drained according to
`settings.SEARCH["DRAIN"]`:

- "background" (default on PostgreSQL): the committing thread applies the change before it
  answers, waiting at most `SEARCH["WAIT"]` seconds, so whoever published, approved or edited
  something finds it in their very next search, whichever process or machine serves it; what
  is left after that (a slow engine, a large import, a retry) goes to a daemon thread;
- "sync" (default on SQLite, and in tests): the committing thread drains everything pending
  (a second writer thread would make SQLite answer "database is locked"); a search in this
  mode first drains what is pending, so code that saves and then searches sees its own change;
- "off": nothing happens until `manage.py search_index sync`.

Whatever the mode, rows stay in the table until the engine has accepted them, so a crash or an
engine outage loses nothing: `search_index sync` finishes the job. Every drain refreshes the
indices it wrote to, so a drained change is searchable at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.utils import timezone

from .models import OutboxEntry

logger = logging.getLogger(__name__)


def drain_mode() -> str:
    """SEARCH["DRAIN"] if set; otherwise "background", except on SQLite: there a second writer
    thread makes the request's own transactions fail with "database is locked"."""
    mode = settings.SEARCH.get("DRAIN")
    if mode:
        return mode
    return "sync" if connections["default"].vendor == "sqlite" else "background"


def enqueue(*, doc_type: str, object_ids: Iterable[int | str], using: str = "default") -> int:
    """Record that these objects changed; coalesced with pending rows. Returns rows touched."""
    ids = sorted({str(object_id) for object_id in object_ids if object_id is not None})
    if not ids:
        return 0
    now = timezone.now()
    OutboxEntry.objects.using(using).bulk_create(
        [
            OutboxEntry(doc_type=doc_type, object_id=object_id, changed_at=now, created_at=now)
            for object_id in ids
        ],
        update_conflicts=True,
        unique_fields=["doc_type", "object_id"],
        update_fields=["changed_at", "next_attempt_at"],
    )
    transaction.on_commit(schedule_drain, using=using, robust=True)
    return len(ids)


DEFAULT_WAIT_SECONDS = 5.0


def schedule_drain() -> None:
    """Called after commit: apply the change now (sync, and background within WAIT seconds),
    leaving the rest to the worker (background), or do nothing (off)."""
    mode = drain_mode()
    if mode == "off":
        return
    from .indexing import drain

    if mode == "sync":
        drain(refresh=True)
        return
    wait = float(settings.SEARCH.get("WAIT", DEFAULT_WAIT_SECONDS))
    try:
        report = drain(refresh=True, blocking=True, within=wait)
    except Exception:  # the save has committed: never fail the request because of the index
        logger.exception("search outbox: draining after commit failed; the worker retries")
        _worker.wake()
        return
    if report.retry_soon:
        _worker.wake()


class _Worker:
    """One daemon thread per process. Draining is idempotent, so a wake-up that finds nothing
    to do, or a second process draining too, costs a query and nothing else."""

    IDLE_SECONDS = 30.0
    DEBOUNCE_SECONDS = 0.2

    def __init__(self) -> None:
        self._event = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def wake(self) -> None:
        self._event.set()
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="search-outbox", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        from .indexing import drain

        wait = self.IDLE_SECONDS
        while True:
            self._event.wait(timeout=wait)
            time.sleep(self.DEBOUNCE_SECONDS)  # let a burst of saves arrive: one drain for all
            self._event.clear()
            if drain_mode() != "background":  # settings changed (tests): nothing for us to do
                with self._lock:
                    self._thread = None
                return
            wait = self.IDLE_SECONDS
            try:
                close_old_connections()
                report = drain(refresh=True)
                # Look again when the next row is due (a retry after backoff), another drain
                # has let go of the lock, or a large backlog has more to do.
                wait = report.retry_after if report.retry_soon else _seconds_to_next_due()
            except Exception:  # the worker must survive anything; rows stay in the outbox
                logger.exception("search outbox drain failed")
            finally:
                connections.close_all()


def _seconds_to_next_due() -> float:
    """Until the earliest pending row may be tried again (at most the idle interval)."""
    from django.db.models import Min

    earliest = OutboxEntry.objects.aggregate(next=Min("next_attempt_at"))["next"]
    if earliest is None:
        return _Worker.IDLE_SECONDS
    seconds = (earliest - timezone.now()).total_seconds()
    return min(_Worker.IDLE_SECONDS, max(_Worker.DEBOUNCE_SECONDS, seconds))


_worker = _Worker()
