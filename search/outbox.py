"""The outbox: "object X of type T changed", written in the caller's transaction.

`enqueue()` is all a domain app ever calls (and only for unusual cases: signals call it for
registered models). After the transaction commits, the outbox is drained according to
`settings.SEARCH["DRAIN"]`:

- "background" (default on PostgreSQL): a daemon thread in this process drains it, off the
  request's path;
- "sync" (default on SQLite, and in tests): drained in the committing thread; a search in this mode
  first drains what is pending, so code that saves and then searches sees its own change;
- "off": nothing happens until `manage.py search_index sync`.

Whatever the mode, rows stay in the table until the engine has accepted them, so a crash or an
engine outage loses nothing: `search_index sync` finishes the job.
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


def schedule_drain() -> None:
    """Called after commit: drain now (sync), wake the worker (background) or do nothing."""
    mode = drain_mode()
    if mode == "sync":
        from .indexing import drain

        drain(refresh=True)
    elif mode == "background":
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

        while True:
            self._event.wait(timeout=self.IDLE_SECONDS)
            time.sleep(self.DEBOUNCE_SECONDS)  # let a burst of saves arrive: one drain for all
            self._event.clear()
            try:
                close_old_connections()
                report = drain()
                if report.retry_soon:
                    # The engine is away or another drain holds the lock: look again later.
                    threading.Timer(report.retry_after, self._event.set).start()
            except Exception:  # the worker must survive anything; rows stay in the outbox
                logger.exception("search outbox drain failed")
            finally:
                connections.close_all()


_worker = _Worker()
