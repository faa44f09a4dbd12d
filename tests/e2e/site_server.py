"""The site served in its own process (`manage.py runserver`), for `demo_site` and the fault checks.

The server starts in its own session and is stopped by process group, so a failing test never
leaves a server (or anything it started) behind.

The seeded demo site is one per test run, shared by every pytest-xdist worker: the first worker
that needs it builds and starts it under a file lock in the run's shared temporary folder and
writes `demo-site.json` there; the others read that record; the run's controller (the only
process when xdist is off) stops it when the session ends (`stop_shared_demo_site`).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from tests.e2e.conftest import DemoSite

ROOT = Path(__file__).resolve().parents[2]
RECORD = "demo-site.json"


def shared_dir(tmp_path_factory) -> Path:
    """The folder every process of this run sees: under pytest-xdist each worker's basetemp is
    <the run's basetemp>/<worker id>; without xdist it is the basetemp itself."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """One process at a time in the block (a lock file; released if the process dies)."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_detached(site: DemoSite) -> int:
    """Start serving `site` until `stop_group(pid)`; returns the server's process id."""
    with open(site.log_path, "a") as log:
        site.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", urlsplit(site.url).netloc, "--noreload"],
            cwd=ROOT,
            env=site.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_up(site)
    except BaseException:
        stop_process_group(site.process)
        raise
    return site.process.pid


def stop_group(pid: int, timeout: float = 20) -> None:
    """Stop a process group this process did not start (SIGTERM, then SIGKILL)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):  # our own child: reap it
                os.waitpid(pid, os.WNOHANG)
            os.killpg(pid, 0)  # raises ProcessLookupError once the group is gone
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)


def stop_shared_demo_site(run_dir: Path) -> None:
    """At the end of the run: stop the shared demo site, drop its indices and database."""
    from tests.e2e.conftest import delete_indices, drop_database

    record_path = run_dir / RECORD
    if not record_path.exists():
        return
    record = json.loads(record_path.read_text())
    stop_group(record["pid"])
    delete_indices(record["search_url"], record["env"]["SEARCH_INDEX_PREFIX"])
    drop_database(record["env"]["DATABASE_URL"])
    record_path.unlink()


@contextlib.contextmanager
def serving(site: DemoSite) -> Iterator[DemoSite]:
    """Serve the site at `site.url` until the block ends, whatever happens; the server's
    output goes to `site.log_path`."""
    start_detached(site)
    try:
        yield site
    finally:
        stop_process_group(site.process)


def wait_until_up(site: DemoSite, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if site.process.poll() is not None:
            raise RuntimeError(f"Servern avslutades:\n{site.server_log()[-3000:]}")
        try:
            if site.get("/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("Servern svarade inte på /healthz inom två minuter")


def stop_process_group(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
