"""End-to-end fixtures: the real site, seeded with demo content, served in its own process.

`demo_site` (session) builds a fresh database (PostgreSQL when DATABASE_URL points at one,
else an SQLite file), runs `migrate` and `seed_demo`, builds the search indices on the real
engine under their own prefix, and serves the site with DEBUG off on a free port. It is built
once per test run and shared by every pytest-xdist worker (see site_server.py), so tests on it
make their own names and never assume they are alone. Tests drive it through a browser or HTTP,
like its users; `demo_site.manage(...)` runs a management command against the same database,
and `demo_site.mails()` reads what the site "sent" (file backend).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest

from syvsite.core.seed import demo_password
from tests.browser_fixtures import register_totp_key
from tests.conftest import require_service
from tests.e2e.site_server import RECORD, ROOT, exclusive, shared_dir, start_detached
from tests.search_fixtures import engine_reachable

DEMO_PASSWORD = demo_password()  # the demo accounts' (syvsite/core/data/demo/accounts.yaml)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _new_database(tmp: Path) -> str:
    """A new, empty database for this run (PostgreSQL when DATABASE_URL points at one)."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"syv_e2e_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return base.rsplit("/", 1)[0] + f"/{name}"
    return f"sqlite:///{tmp / 'e2e.sqlite3'}"


def drop_database(database_url: str) -> None:
    """Remove a database made by `_new_database` (an SQLite file goes with the temp folder)."""
    if database_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        server, name = database_url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class DemoSite:
    url: str
    env: dict
    mail_dir: Path
    search_url: str
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    extra: dict = field(default_factory=dict)

    def manage(
        self, *args: str, check: bool = True, timeout: int = 600
    ) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        # The command's own error output, so a failure says why (not just "exit status 1").
        assert not check or result.returncode == 0, (
            f"manage.py {args[0]} avslutades med {result.returncode}:\n{result.stderr[-3000:]}"
        )
        return result

    def get(self, path: str, *, timeout: float = 30) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def mails(self) -> list[Message]:
        """Every message sent so far, oldest first (Django's file e-mail backend, one file per connection)."""
        messages: list[Message] = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
            for chunk in path.read_bytes().split(b"-" * 79 + b"\n"):
                if chunk.strip():
                    messages.append(message_from_bytes(chunk))
        return messages

    def server_log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path else ""


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> DemoSite:
    search_url = os.environ.get("SEARCH_URL") or "http://127.0.0.1:9201"
    require_service(
        engine_reachable(search_url), f"End-to-end-testerna kräver sökmotorn på {search_url}"
    )
    shared = shared_dir(tmp_path_factory)
    record = shared / RECORD
    failure = shared / "demo-site.failed"
    with exclusive(shared / "demo-site.lock"):
        # A failed build is reported once, in full, to every test that needs the site, rather
        # than retried by each of them.
        if failure.exists():
            pytest.fail(f"Demosajten kunde inte byggas:\n{failure.read_text()}", pytrace=False)
        if not record.exists():
            try:
                _build_and_serve(shared / "demo-site", search_url=search_url, record=record)
            except BaseException as error:
                failure.write_text(f"{type(error).__name__}: {error}")
                raise
        data = json.loads(record.read_text())
    # The run's controller stops it when the session ends (tests/conftest.py).
    return DemoSite(
        url=data["url"],
        env=data["env"],
        mail_dir=Path(data["mail_dir"]),
        search_url=data["search_url"],
        log_path=Path(data["log_path"]),
    )


def _build_and_serve(tmp: Path, *, search_url: str, record: Path) -> None:
    tmp.mkdir()
    mail_dir = tmp / "mail"
    mail_dir.mkdir()
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "syvsite.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": _new_database(tmp),
        "SEARCH_URL": search_url,
        "SEARCH_INDEX_PREFIX": f"e2e-{uuid.uuid4().hex[:8]}",
        # Four slashes: the URL parser drops the first of an absolute path ("///tmp" -> "tmp").
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "MEDIA_ROOT": str(tmp / "media"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_FORMAT": "text",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    site = DemoSite(
        url=f"http://127.0.0.1:{port}",
        env=env,
        mail_dir=mail_dir,
        search_url=search_url,
        log_path=tmp / "server.log",
    )
    try:
        site.manage("migrate", "--noinput", timeout=900)
        site.manage("seed_demo", timeout=900)
        pid = start_detached(site)
    except BaseException:
        delete_indices(search_url, env["SEARCH_INDEX_PREFIX"])
        drop_database(env["DATABASE_URL"])
        raise
    record.write_text(
        json.dumps(
            {
                "url": site.url,
                "env": env,
                "mail_dir": str(mail_dir),
                "search_url": search_url,
                "log_path": str(site.log_path),
                "pid": pid,
            }
        )
    )


def delete_indices(search_url: str, prefix: str) -> None:
    request = urllib.request.Request(f"{search_url}/{prefix}-*", method="DELETE")
    # The engine may be the thing a fault test stopped.
    with contextlib.suppress(OSError):
        urllib.request.urlopen(request, timeout=30).close()  # noqa: S310


@pytest.fixture(scope="module")
def xss_accounts(demo_site) -> dict:
    """The XSS tests' own counsellor (own school) and company representative (own company)."""
    script = (Path(__file__).parent / "xss_setup.py").read_text(encoding="utf-8")
    result = demo_site.manage("shell", "-c", script)
    accounts = json.loads(result.stdout.strip().splitlines()[-1])
    register_totp_key(accounts["counsellor"], accounts["counsellor_totp_key"])
    return accounts
