"""Load benchmark: the seeded demo site under gunicorn, driven by wrk over loopback (issue 9).

    python bench/run.py load                     # 60 s per endpoint (what `make bench` runs)
    BENCH_LOAD_SECONDS=5 python bench/run.py load
    python bench/bench_load.py --seconds 5 --connections 8

A fresh database (SQLite in a temporary folder, or BENCH_DATABASE_URL — an empty PostgreSQL
database you created) is migrated and seeded with the demo content; its search indices are
built on the real engine (SEARCH_URL, default http://127.0.0.1:9201) under their own prefix
and deleted afterwards. The site runs with the production settings (DEBUG off, collected and
compressed static files, plain http on 127.0.0.1) under gunicorn on a free loopback port.

wrk hits, for a fixed time each: the baseline /healthz (the same server and middleware, no
database or engine), the search page (rotating queries), method pages and REKAS municipality
pages. For each: requests per second, p50/p95/p99 latency, non-2xx answers and socket errors,
and the ratio to the baseline. Any error makes the benchmark fail (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK_SCRIPT = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  paths = args
  index = 0
  non2xx = 0
end
function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"duration_us":%d,"non2xx":%d,"connect":%d,"read":%d,' ..
    '"write":%d,"timeout":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\n',
    summary.requests, summary.duration, bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""
# Pages a visitor opens, found in the seeded database (never hard-coded slugs).
DISCOVER = r"""
import json
from methods.models import MethodPage
from rekas.models import AdmissionStatistic
methods = [p.url for p in MethodPage.objects.live().public().order_by("pk")[:5]]
codes = list(AdmissionStatistic.objects.order_by("municipality__code")
             .values_list("municipality__code", flat=True).distinct()[:5])
print(json.dumps({"methods": methods, "rekas": [f"/rekas/kommun/{c}/" for c in codes]}))
"""
QUERIES = ["vägledning", "gymnasievalet", "praktik", "prao", "undersköterska", "studieteknik"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Lasttest av demosajten med wrk.")
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    )
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_LOAD_CONNECTIONS", "8"))
    )
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("BENCH_LOAD_WORKERS", "2"))
    )
    return parser.parse_args(argv)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, *, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _site_env(workdir: Path, search_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "syvsite.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "false",  # plain http on loopback; TLS ends at the proxy
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL")
        or f"sqlite:///{workdir / 'load.sqlite3'}",
        "SEARCH_URL": search_url,
        "SEARCH_INDEX_PREFIX": f"bench-load-{uuid.uuid4().hex[:8]}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_URL": f"filemail://{workdir / 'mail'}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "text",
    }


def _manage(env: dict, *args: str) -> str:
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} misslyckades:\n{completed.stderr[-3000:]}")
    return completed.stdout


def _engine_reachable(url: str) -> bool:
    try:
        return _get(url, timeout=3)[0] == 200
    except OSError:
        return False


@contextlib.contextmanager
def gunicorn(env: dict, *, workers: int, log_path: Path):
    port = _free_port()
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "syvsite.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                # The default 30 s kills workers that boot or answer slowly on a busy machine.
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn avslutades:\n{log_path.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                if _get(f"{base}/healthz", timeout=2)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn svarade inte på /healthz inom 300 s")
            time.sleep(0.5)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _check_pages(base: str, endpoints: dict[str, list[str]]) -> None:
    """Every page answers 200 before the load starts, and search really uses the engine."""
    for paths in endpoints.values():
        for path in paths:
            status, _ = _get(base + path)
            if status != 200:
                raise RuntimeError(f"{path} svarade {status} före lasttestet")
    for query in QUERIES:
        _, body = _get(f"{base}/api/v1/search/?q={urllib.parse.quote(query)}")
        if not json.loads(body)["engine_used"]:
            raise RuntimeError(f"Sökningen på {query!r} svarade inte från sökmotorn")


def run_wrk(base: str, paths: list[str], *, seconds: int, connections: int, script: Path) -> dict:
    completed = subprocess.run(  # noqa: S603
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            base,
            "--",
            *paths,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    line = next(line for line in completed.stdout.splitlines() if line.startswith("WRK "))
    figures = json.loads(line.removeprefix("WRK "))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["socket_errors"] = sum(figures[k] for k in ("connect", "read", "write", "timeout"))
    return figures


def _ratio(baseline_rps: float, rps: float) -> str:
    return f"{baseline_rps / rps:.1f}×" if rps else "–"


def _log_counts(log_path: Path) -> dict[str, int]:
    """Searches the engine did not answer (database fallback) and errors, from the server log."""
    lines = log_path.read_text(errors="replace").splitlines()
    return {
        "fallbacks": sum("search: engine failed" in line for line in lines),
        "server_errors": sum(
            " ERROR " in line or "[ERROR]" in line or "[CRITICAL]" in line for line in lines
        ),
    }


def _report(results: dict[str, dict], *, seconds: int, connections: int, workers: int) -> int:
    baseline = results["baseline /healthz"]
    print(
        f"\n{seconds} s per mål, {connections} samtidiga anslutningar (wrk, 1 tråd), "
        f"gunicorn {workers} processer × 4 trådar, 127.0.0.1"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Maskinen: {os.cpu_count()} kärnor, belastning (1/5/15 min) efter mätningen: {load}")
    header = (
        f"{'mål':<22}{'anrop/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'anrop':>9}{'ej 2xx':>8}{'socket':>8}{'från db':>9}{'baslinje/mål':>14}"
    )
    print(header)
    print("-" * len(header))
    errors = 0
    for name, f in results.items():
        errors += f["non2xx"] + f["socket_errors"]
        print(
            f"{name:<22}{f['rps']:>9.1f}{f['p50'] / 1000:>9.1f}{f['p95'] / 1000:>9.1f}"
            f"{f['p99'] / 1000:>9.1f}{f['requests']:>9}{f['non2xx']:>8}{f['socket_errors']:>8}"
            f"{f['fallbacks']:>9}"
            f"{_ratio(baseline['rps'], f['rps']):>14}"
        )
    print(f"\nFel totalt (ej 2xx + socketfel): {errors}")
    print("'från db': sökningar som sökmotorn inte hann svara på (databasen svarade i stället).")
    return errors


def _cleanup(env: dict) -> None:
    request = urllib.request.Request(  # noqa: S310 - loopback engine
        f"{env['SEARCH_URL']}/{env['SEARCH_INDEX_PREFIX']}-*", method="DELETE"
    )
    with contextlib.suppress(OSError):
        urllib.request.urlopen(request, timeout=30).close()  # noqa: S310


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    search_url = os.environ.get("SEARCH_URL") or "http://127.0.0.1:9201"
    if shutil.which("wrk") is None:
        sys.exit("wrk saknas: installera det (apt-get install wrk).")
    if not _engine_reachable(search_url):
        sys.exit(
            f"Sökmotorn svarar inte på {search_url}: starta den med search/engine/opensearch.sh start"
        )
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        workdir = Path(tmp)
        env = _site_env(workdir, search_url)
        try:
            started = time.monotonic()
            for command in (
                ("migrate", "--noinput"),
                ("seed_demo",),
                ("collectstatic", "--noinput"),
            ):
                _manage(env, *command)
            found = json.loads(_manage(env, "shell", "--no-imports", "-c", DISCOVER))
            print(
                f"Demosajten klar på {time.monotonic() - started:.0f} s ({env['DATABASE_URL'].split(':')[0]})"
            )
            script = workdir / "load.lua"
            script.write_text(WRK_SCRIPT)
            endpoints = {
                "baseline /healthz": ["/healthz"],
                "sök /sok/?q=…": [f"/sok/?q={urllib.parse.quote(q)}" for q in QUERIES],
                "metodsida": found["methods"],
                "REKAS kommunsida": found["rekas"],
            }
            log_path = workdir / "gunicorn.log"
            with gunicorn(env, workers=args.workers, log_path=log_path) as base:
                _check_pages(base, endpoints)
                results = {}
                for name, paths in endpoints.items():
                    before = _log_counts(log_path)
                    results[name] = run_wrk(
                        base,
                        paths,
                        seconds=args.seconds,
                        connections=args.connections,
                        script=script,
                    )
                    after = _log_counts(log_path)
                    results[name].update({k: after[k] - before[k] for k in after})
        finally:
            _cleanup(env)
        errors = _report(
            results, seconds=args.seconds, connections=args.connections, workers=args.workers
        )
        server_errors = sum(f["server_errors"] for f in results.values())
        if server_errors:
            print(f"Serverloggen har {server_errors} fel (ERROR/CRITICAL):")
            print(log_path.read_text(errors="replace")[-3000:])
            errors += server_errors
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
