"""The site served in its own process (`manage.py runserver`), for `demo_site` and the fault checks.

The server starts in its own session and is stopped by process group, so a failing test never
leaves a server (or anything it started) behind.
"""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def serving(site: DemoSite) -> Iterator[DemoSite]:
    """Serve the site at `site.url` until the block ends, whatever happens; the server's
    output goes to `site.log_path`."""
    with open(site.log_path, "w") as log:
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
