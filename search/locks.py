"""One drain at a time per database and index prefix.

Two drains running at once could write an older version of an object after a newer one, and a
rebuild must not miss a change made while it reads the database. So draining and rebuilding
take this lock: a PostgreSQL advisory lock (every process and machine on that database), and
on SQLite a file lock (every process on this machine) — plus a thread lock for this process.
"""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

_thread_lock = threading.Lock()


def _key() -> str:
    database = str(connection.settings_dict.get("NAME"))
    return f"syv-search-drain:{database}:{settings.SEARCH['INDEX_PREFIX']}"


def _advisory_id() -> int:
    digest = hashlib.sha256(_key().encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextmanager
def drain_lock(*, blocking: bool, timeout: float = 600.0) -> Iterator[bool]:
    """Yields True when held; False if not blocking and somebody else holds it."""
    if not _thread_lock.acquire(blocking=blocking, timeout=timeout if blocking else -1):
        yield False
        return
    try:
        with _process_lock(blocking=blocking, timeout=timeout) as held:
            yield held
    finally:
        _thread_lock.release()


@contextmanager
def _process_lock(*, blocking: bool, timeout: float) -> Iterator[bool]:
    if connection.vendor == "postgresql":
        with _advisory_lock(blocking=blocking, timeout=timeout) as held:
            yield held
    else:
        with _file_lock(blocking=blocking, timeout=timeout) as held:
            yield held


def _keep_trying(attempt: Callable[[], bool], *, blocking: bool, timeout: float) -> bool:
    """Whether `attempt` (one try that does not wait) succeeded: once when not blocking, else
    every 0.2 s until it does or `timeout` seconds have passed."""
    deadline = time.monotonic() + (timeout if blocking else 0)
    while not attempt():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def _try_advisory_lock(lock_id: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_id])
        return bool(cursor.fetchone()[0])


def _try_flock(handle) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def _advisory_lock(*, blocking: bool, timeout: float) -> Iterator[bool]:
    lock_id = _advisory_id()
    held = _keep_trying(lambda: _try_advisory_lock(lock_id), blocking=blocking, timeout=timeout)
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_id])


@contextmanager
def _file_lock(*, blocking: bool, timeout: float) -> Iterator[bool]:
    name = hashlib.sha256(_key().encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"syv-search-drain-{name}.lock"
    with path.open("a") as handle:
        held = _keep_trying(lambda: _try_flock(handle), blocking=blocking, timeout=timeout)
        try:
            yield held
        finally:
            if held:
                fcntl.flock(handle, fcntl.LOCK_UN)
