"""What the Django benchmarks share: a fresh database to measure on, and how a cost is timed.

Each benchmark runs against a fresh temporary SQLite database (migrated first) unless
BENCH_DATABASE_URL is set, e.g. postgres://syv:syv@127.0.0.1:5432/syv_bench_<app> (create it
first). The search engine is off and mail stays in memory: only the code under test is timed.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def setup_django(workdir: Path) -> None:
    """Django on a fresh, migrated database (SQLite in `workdir` unless BENCH_DATABASE_URL)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "syvsite.settings.dev")
    os.environ["DATABASE_URL"] = (
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["EMAIL_URL"] = "memorymail://"
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # these time the code; bench_load times the cache
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.SEARCH = {**settings.SEARCH, "URL": "", "DRAIN": "off"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["*"]


def timed(function: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def page_cost(client, url: str, repeat: int) -> tuple[float, int]:
    """Median seconds of the page and the number of SQL queries it makes."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # under DEBUG the log is a bounded deque; a full one counts nothing
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return timed(lambda: client.get(url), repeat), len(queries)
