"""Load benchmark: the seeded demo site under gunicorn, driven by wrk over loopback (issue 9).

    python bench/run.py load                     # 60 s per endpoint (what `make bench` runs)
    BENCH_LOAD_SECONDS=5 python bench/run.py load
    python bench/bench_load.py --seconds 5 --connections 8

A fresh database (SQLite in a temporary folder, or BENCH_DATABASE_URL — an empty PostgreSQL
database you created) is migrated and seeded with the demo content; its search indices are
built on the real engine (SEARCH_URL, default http://127.0.0.1:9201) under their own prefix
and deleted afterwards. The site runs with the production settings (DEBUG off, collected and
compressed static files, plain http on 127.0.0.1) under gunicorn on a free loopback port,
with its own Valkey/Redis server as the shared cache (files when neither is installed).

wrk hits, for a fixed time each: the baseline /healthz (the same server and middleware, no
database or engine), method pages and REKAS municipality pages as anonymous visitors get them
(from the page cache) and rendered (a session cookie makes the cache step aside), the search
page (rotating queries), and the engine itself with the very queries the search page sends
(recorded beforehand). For each: requests per second, p50/p95/p99 latency, non-2xx answers and
socket errors, and the ratio to the baseline. One user in one process, median time: /healthz,
the REKAS pages with every cache off (the recorded figure), and the same pages rendered as for
a signed-in member (a session cookie makes the page cache step aside; shared fragments such as
the facts bank's sources box come from the cache). The issue-18 targets are recorded as ratios of this run
(bench/summary.py). Any error makes the benchmark fail (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script or by bench/run.py: the project on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_support import (  # noqa: E402
    WRK_DONE,
    WRK_PATHS,
    cache_server,
    combine,
    engine_capture_script,
    engine_wrk_script,
    get,
    gunicorn,
    parse_line,
    run_wrk,
    single_user_script,
)
from bench.summary import record  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
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
PARTS = 3  # wrk runs per target (see _measure)
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
        return get(url, timeout=3)[0] == 200
    except OSError:
        return False


def _check_pages(base: str, targets: dict[str, Target]) -> None:
    """Every page answers 200 before the load starts, cached pages really come from the cache,
    and search really uses the engine."""
    for target in targets.values():
        if target.engine:
            continue
        for path in target.paths:
            status, _, headers = _get_full(base + path, headers=target.header_dict())
            if status != 200:
                raise RuntimeError(f"{path} svarade {status} före lasttestet")
            if target.cached and _get_full(base + path)[2].get("X-Cache") != "HIT":
                raise RuntimeError(f"{path} kom inte från sidcachen")
    for query in QUERIES:
        _, body = get(f"{base}/api/v1/search/?q={urllib.parse.quote(query)}")
        if not json.loads(body)["engine_used"]:
            raise RuntimeError(f"Sökningen på {query!r} svarade inte från sökmotorn")


def _get_full(url: str, *, headers: dict | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@dataclass
class Target:
    paths: list[str]
    headers: tuple[str, ...] = ()  # wrk -H values
    cached: bool = False  # must come from the page cache
    engine: bool = False  # sent to the search engine itself, not the site

    def header_dict(self) -> dict:
        return dict(header.split(": ", 1) for header in self.headers)


def _ratio(baseline_rps: float, rps: float) -> str:
    return f"{baseline_rps / rps:.1f}×" if rps else "–"


def _log_counts(log_path: Path) -> dict[str, int]:
    """Searches the engine did not answer (database fallback) and errors, from the server log."""
    lines = log_path.read_text(errors="replace").splitlines()
    return {
        "fallbacks": sum("search: engine failed" in line for line in lines),
        # The cache backend's breaker: for RETRY_SECONDS after it trips, pages render uncached.
        "cache_outages": sum("cache: server unavailable" in line for line in lines),
        "server_errors": sum(
            " ERROR " in line or "[ERROR]" in line or "[CRITICAL]" in line for line in lines
        ),
    }


def _report(results: dict[str, dict], *, seconds: int, connections: int, workers: int) -> int:
    baseline = results["baseline /healthz"]
    print(
        f"\n{seconds} s per mål i {PARTS} delar (nya anslutningar i varje), {connections} "
        f"samtidiga anslutningar (wrk, 1 tråd), gunicorn {workers} processer × 4 trådar, 127.0.0.1"
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


def _targets(found: dict, engine_requests: list[dict]) -> dict[str, Target]:
    # A session cookie the site does not know: the visitor is anonymous, but the page cache
    # steps aside (it never serves a request with a session), so the page is rendered.
    uncached = ("Cookie: sessionid=bench-load-uncached",)
    return {
        "baseline /healthz": Target(["/healthz"]),
        "metodsida (cache)": Target(found["methods"], cached=True),
        "metodsida (renderad)": Target(found["methods"], headers=uncached),
        "REKAS kommun (cache)": Target(found["rekas"], cached=True),
        "REKAS kommun (rend.)": Target(found["rekas"], headers=uncached),
        "sök /sok/?q=…": Target([f"/sok/?q={urllib.parse.quote(q)}" for q in QUERIES]),
        "sökmotorn direkt": Target([item["path"] for item in engine_requests], engine=True),
    }


def _measure(
    base: str, search_url: str, targets: dict[str, Target], args, workdir: Path, log_path: Path
) -> dict[str, dict]:
    site_script = workdir / "load.lua"
    site_script.write_text(WRK_PATHS + WRK_DONE)
    results = {}
    for name, target in targets.items():
        before = _log_counts(log_path)
        # In parts, each with new connections: gunicorn's workers race to accept them, and one
        # worker holding six or seven of the eight halves a cached page's rate (one core); the
        # parts average that luck instead of letting one draw decide a target.
        runs = [
            run_wrk(
                search_url if target.engine else base,
                target.paths,
                seconds=args.seconds // PARTS,
                connections=args.connections,
                script=workdir / "engine.lua" if target.engine else site_script,
                headers=target.headers,
            )
            for _part in range(PARTS)
        ]
        results[name] = combine(runs)
        after = _log_counts(log_path)
        results[name].update({k: after[k] - before[k] for k in after})
    return results


def _record_targets(results: dict[str, dict], single: dict, errors: int) -> None:
    healthz = results["baseline /healthz"]["rps"]
    record("method_cached", results["metodsida (cache)"]["rps"] / healthz)
    record("rekas_cached", results["REKAS kommun (cache)"]["rps"] / healthz)
    cold_ms = statistics.median(single["cold_ms"].values())
    member_ms = statistics.median(single["pages_ms"].values())
    record(
        "rekas_uncached_single",
        cold_ms / single["healthz_ms"],
        detail=(
            f"{cold_ms:.1f} ms ÷ {single['healthz_ms']:.2f} ms (median, en process, all cache "
            f"av); renderad som för en medlem {member_ms:.1f} ms = "
            f"{member_ms / single['healthz_ms']:.0f}×"
        ),
    )
    engine = results["sökmotorn direkt"]["rps"]
    record("search_vs_engine", results["sök /sok/?q=…"]["rps"] / engine)
    record("load_errors", errors)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    search_url = os.environ.get("SEARCH_URL") or "http://127.0.0.1:9201"
    if shutil.which("wrk") is None:
        sys.exit("wrk saknas: installera det (apt-get install wrk).")
    if not _engine_reachable(search_url):
        sys.exit(
            f"Sökmotorn svarar inte på {search_url}: starta den med search/engine/opensearch.sh start"
        )
    with (
        tempfile.TemporaryDirectory(prefix="bench-load-") as tmp,
        cache_server(Path(tmp)) as cache_url,
    ):
        workdir = Path(tmp)
        env = _site_env(workdir, search_url)
        if cache_url:
            env["CACHE_URL"] = cache_url
        try:
            started = time.monotonic()
            for command in (
                ("migrate", "--noinput"),
                ("seed_demo",),
                ("collectstatic", "--noinput"),
            ):
                _manage(env, *command)
            found = json.loads(_manage(env, "shell", "--no-imports", "-c", DISCOVER))
            captured = parse_line(
                _manage(env, "shell", "-c", engine_capture_script(QUERIES)), "CAPTURED"
            )
            single = parse_line(
                _manage(env, "shell", "-c", single_user_script(found["rekas"])), "SINGLE"
            )
            print(
                f"Demosajten klar på {time.monotonic() - started:.0f} s "
                f"({env['DATABASE_URL'].split(':')[0]}, cache: {cache_url or 'filer'})"
            )
            (workdir / "engine.lua").write_text(engine_wrk_script(captured, WRK_DONE))
            targets = _targets(found, captured)
            log_path = workdir / "gunicorn.log"
            with gunicorn(env, workers=args.workers, log_path=log_path) as base:
                _check_pages(base, targets)
                results = _measure(base, search_url, targets, args, workdir, log_path)
        finally:
            _cleanup(env)
        errors = _report(
            results, seconds=args.seconds, connections=args.connections, workers=args.workers
        )
        print(
            f"En användare, en process (median): /healthz {single['healthz_ms']:.2f} ms, "
            + ", ".join(f"{path} {ms:.1f} ms" for path, ms in single["pages_ms"].items())
        )
        print(
            "Samma sidor med all cache av (även delade fragment): "
            + ", ".join(f"{path} {ms:.1f} ms" for path, ms in single["cold_ms"].items())
        )
        outages = {name: f["cache_outages"] for name, f in results.items() if f["cache_outages"]}
        if outages:
            print(f"Cacheservern svarade inte (sidorna renderades utan cache en stund): {outages}")
        server_errors = sum(f["server_errors"] for f in results.values())
        if server_errors:
            print(f"Serverloggen har {server_errors} fel (ERROR/CRITICAL):")
            print(log_path.read_text(errors="replace")[-3000:])
            errors += server_errors
        _record_targets(results, single, errors)
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
