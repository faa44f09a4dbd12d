"""Real processes for the fault checks: a copy of the demo site (own database, own index prefix,
own port), an editor saving pages in its own process and visitors searching in a thread.

Processes start in their own session and are stopped by process group, so a failing test never
leaves a server behind. The shared `demo_site` is never changed: copies get their own database.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tests.e2e.conftest import ROOT, DemoSite, _free_port
from tests.e2e.faults_engine import EngineCluster, http_json
from tests.e2e.site_server import stop_process_group


# --------------------------------------------------------------------------- site copies
def _is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


def copy_database(source_url: str, tmp: Path) -> tuple[str, Callable[[], None]]:
    """A copy of the demo site's database (seeded content, users, database search copy)."""
    if _is_postgres(source_url):
        import psycopg

        name = f"syv_faults_{uuid.uuid4().hex[:8]}"
        server = source_url.rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        dump = tmp / f"{name}.sql"
        subprocess.run(  # noqa: S603
            ["pg_dump", "--no-owner", "--file", str(dump), source_url],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(  # noqa: S603
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(dump), f"{server}/{name}"],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=300,
        )
        dump.unlink()

        def drop() -> None:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return f"{server}/{name}", drop
    source = source_url.removeprefix("sqlite:///")
    target = tmp / f"copy-{uuid.uuid4().hex[:8]}.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # consistent even while the demo site's server is running
    return f"sqlite:///{target}", lambda: None


def site_copy(demo_site: DemoSite, tmp: Path, *, search_url: str, database_url: str) -> DemoSite:
    """A DemoSite description for a copy: own database, own index prefix, own port."""
    port = _free_port()
    mail_dir = tmp / "mail"
    mail_dir.mkdir(exist_ok=True)
    env = {
        **demo_site.env,
        "DATABASE_URL": database_url,
        "SEARCH_URL": search_url,
        "SEARCH_INDEX_PREFIX": f"faults-{uuid.uuid4().hex[:8]}",
        # A fresh JVM on a busy 2-core CI machine can take more than the default 2 s for a
        # search; a dead node refuses at once, so a longer timeout hides no fault.
        "SEARCH_TIMEOUT": "10",
        "EMAIL_URL": f"filemail://{mail_dir}",
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    return replace(
        demo_site,
        url=f"http://127.0.0.1:{port}",
        env=env,
        mail_dir=mail_dir,
        search_url=search_url,
        process=None,
        log_path=tmp / f"server-{port}.log",
        extra={"port": port},
    )


# --------------------------------------------------------------------------- page writer
WRITER = r"""
import json, sys
from syvsite.home.models import HomePage, StandardPage
home = HomePage.objects.live().first()
for line in sys.stdin:
    command = json.loads(line)
    try:
        if command["op"] == "create":
            page = StandardPage(title=command["title"], slug=command["slug"],
                                intro=command["intro"])
            home.add_child(instance=page)
        else:
            page = StandardPage.objects.get(pk=command["id"])
            page.title = command["title"]
        page.save_revision().publish()
        answer = {"ok": True, "id": page.pk, "title": page.title}
    except Exception as error:
        answer = {"ok": False, "error": repr(error)[:300]}
    print(json.dumps(answer), flush=True)
"""


class PageWriter:
    """An editor's saves: creates and re-publishes information pages in its own process
    (`manage.py shell`), through Wagtail's publish path, so every save goes through the
    outbox exactly as in the admin. One JSON command in, one JSON answer out."""

    def __init__(self, site: DemoSite, *, tag: str):
        self.site = site
        self.tag = tag
        self.pages: dict[int, str] = {}  # id -> latest title
        self.saves = 0
        self.failures: list[str] = []
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", WRITER],
            cwd=ROOT,
            env=site.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )

    def _send(self, command: dict) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("Skrivprocessen avslutades oväntat")
        answer = json.loads(line)
        self.saves += 1
        if answer["ok"]:
            self.pages[answer["id"]] = answer["title"]
        else:
            self.failures.append(answer["error"])
        return answer

    def create(self, number: int) -> dict:
        word = f"feltest{self.tag}n{number}"
        return self._send(
            {
                "op": "create",
                "title": f"Feltestsida {self.tag} nummer {number}",
                "slug": f"feltest-{self.tag}-{number}",
                "intro": f"Sidan sparades under ett feltest ({word}).",
            }
        )

    def rename(self, page_id: int) -> dict:
        return self._send(
            {"op": "update", "id": page_id, "title": f"{self.pages[page_id]} (uppdaterad)"}
        )

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            stop_process_group(self.process)


# --------------------------------------------------------------------------- searches
class SearchLoop(threading.Thread):
    """A visitor searching over and over (API and search page alternately) until stopped."""

    QUERIES = ["vägledning", "gymnasievalet", "praktik", "undersköterska", "feltest", "prao"]

    def __init__(self, site: DemoSite, *, pause: float = 0.2):
        super().__init__(daemon=True)
        self.site = site
        self.pause = pause
        self.stop_event = threading.Event()
        self.results: list[dict] = []  # {"status", "engine", "seconds", "at", "kind"}

    def one(self, number: int) -> dict:
        query = urllib.request.quote(self.QUERIES[number % len(self.QUERIES)])
        started = time.monotonic()
        if number % 2:
            status, body = self.site.get(f"/sok/?q={query}", timeout=30)
            engine = None if status != 200 else "Sökmotorn svarar inte just nu" not in body
            kind = "page"
        else:
            status, body = self.site.get(f"/api/v1/search/?q={query}", timeout=30)
            engine = json.loads(body)["engine_used"] if status == 200 else None
            kind = "api"
        return {
            "status": status,
            "engine": engine,
            "seconds": time.monotonic() - started,
            "at": started,
            "kind": kind,
            "traceback": "Traceback" in body,
        }

    def run(self) -> None:
        number = 0
        while not self.stop_event.is_set():
            try:
                self.results.append(self.one(number))
            except OSError as error:  # connection refused/reset: a failed search too
                self.results.append(
                    {
                        "status": f"{error.__class__.__name__}",
                        "engine": None,
                        "seconds": 0,
                        "at": time.monotonic(),
                        "kind": "?",
                        "traceback": False,
                    }
                )
            number += 1
            time.sleep(self.pause)

    def stop(self) -> list[dict]:
        self.stop_event.set()
        self.join(timeout=60)
        return self.results


def wait_for_engine(site: DemoSite, timeout: float = 180) -> float:
    """Until a search is answered by the engine (a new node's first searches are slow).
    Returns the seconds it took; fails the test if the engine never answers."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        status, body = site.get("/api/v1/search/?q=v%C3%A4gledning", timeout=30)
        if status == 200 and json.loads(body)["engine_used"]:
            return time.monotonic() - started
        time.sleep(2)
    raise AssertionError(f"Sökmotorn svarade inte på sökningar inom {timeout:.0f} s")


def summary(results: list[dict]) -> dict:
    ok = [r for r in results if r["status"] == 200]
    seconds = sorted(r["seconds"] for r in ok) or [0.0]
    return {
        "searches": len(results),
        "answered": len(ok),
        "failed": len(results) - len(ok),
        "by_engine": sum(1 for r in ok if r["engine"]),
        "from_database": sum(1 for r in ok if r["engine"] is False),
        "p50_ms": round(1000 * seconds[len(seconds) // 2]),
        "max_ms": round(1000 * seconds[-1]),
    }


# --------------------------------------------------------------------------- after an engine fault
def report(name: str, figures: dict) -> None:
    """Figures for the closing note: printed (pytest -s) and kept in the junit/terminal log."""
    print(f"\n[fel] {name}: {json.dumps(figures, ensure_ascii=False)}")


def sync_and_check(
    name: str,
    figures: dict,
    *,
    engine: EngineCluster,
    writer: PageWriter,
    results: list[dict],
    started: float,
) -> None:
    """Once the engine fault is over, `search_index sync` must leave the outbox empty and every
    saved page in the engine as last saved, and engine and database must agree. The check's
    own `figures` are reported with the saves, searches and counts (before the last checks,
    so a failure still shows them)."""
    sync = writer.site.manage("search_index", "sync")
    lost = _lost_documents(engine, writer)
    counts, drift = _engine_and_database(engine, writer.site)
    report(
        name,
        {
            **figures,
            "saves": writer.saves,
            "failed_saves": len(writer.failures),
            "searches": summary(results),
            "documents_lost": len(lost),
            "engine_counts_after_sync": counts,
            "lost": lost[:10],
            "drift": drift,
            "seconds": round(time.monotonic() - started, 1),
        },
    )
    assert "Utkorgen är tom" in sync.stdout, sync.stdout
    assert lost == [], f"Dokument saknas i sökmotorn efter sync: {lost}"
    assert not drift, f"Databas/sökmotor/utkorg skiljer sig: {drift}"


def _lost_documents(engine: EngineCluster, writer: PageWriter) -> list[str]:
    """Saved pages whose current title is not what the engine holds."""
    alias = f"{writer.site.env['SEARCH_INDEX_PREFIX']}-page"
    lost = []
    for page_id, title in writer.pages.items():
        source = engine.document(alias, str(page_id))
        if source is None or source.get("title") != title:
            lost.append(f"{page_id}: {title!r} → {source and source.get('title')!r}")
    return lost


def _engine_and_database(engine: EngineCluster, site: DemoSite) -> tuple[dict, dict]:
    """Documents per type in the engine, and the types where database, engine and outbox
    disagree: {type: (in database, in engine, pending)}."""
    http_json(f"{engine.any_url()}/{site.env['SEARCH_INDEX_PREFIX']}-*/_refresh", method="POST")
    status = json.loads(site.manage("search_index", "status", "--json").stdout)
    drift = {
        row["doc_type"]: (row["in_database"], row["in_engine"], row["pending"])
        for row in status["types"]
        if row["in_database"] != row["in_engine"] or row["pending"]
    }
    return {row["doc_type"]: row["in_engine"] for row in status["types"]}, drift
