"""What bench_load.py needs besides gunicorn and wrk: a cache server, the engine's own query
for the search page, and the one-user timing inside one process.

Everything runs on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRK_PATHS = r"""
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
"""
WRK_DONE = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
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
# The search page's engine request for each query, recorded as the page sends it: the bare
# engine is then loaded with exactly these requests.
ENGINE_CAPTURE = r"""
import json
from urllib.parse import quote
from django.test import Client
from search import client as search_client

queries = QUERIES_JSON
captured = []
original = search_client.Engine.request
def recording(self, method, path, **kwargs):
    if path.endswith("/_search") and method == "POST":
        body = kwargs.get("body")
        params = kwargs.get("params") or {}
        query = "&".join(f"{k}={v}" for k, v in params.items())
        captured.append({"path": path + ("?" + query if query else ""),
                         "body": search_client.dumps(body).decode()})
    return original(self, method, path, **kwargs)
search_client.Engine.request = recording
visitor = Client(HTTP_HOST="127.0.0.1")
for q in queries:
    before = len(captured)
    assert visitor.get("/sok/?q=" + quote(q)).status_code == 200
    del captured[before + 1:]  # the results query; suggestions and the like are extra
print("CAPTURED " + json.dumps(captured))
"""

# One user, one process: /healthz and an uncached REKAS municipality page, median of many.
SINGLE_USER = r"""
import json, statistics, time
from django.conf import settings
from django.test import Client
import syvsite.wsgi  # set up as a gunicorn worker is: the URLs loaded, the startup heap frozen
# Rendered: a session cookie makes the page cache step aside, as for a signed-in member (the
# shared fragments, such as the facts bank's sources box, still come from the cache).
member = Client(HTTP_HOST="127.0.0.1")
member.cookies[settings.SESSION_COOKIE_NAME] = "bench-single-rendered"
cold = Client(HTTP_HOST="127.0.0.1")
def median_ms(visitor, path, repeat):
    for _ in range(3):
        assert visitor.get(path).status_code == 200
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        visitor.get(path)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)
healthz = median_ms(member, "/healthz", 300)
pages = {path: median_ms(member, path, 40) for path in PATHS}
for path in PATHS:
    assert "X-Cache" not in member.get(path), "the page came from the page cache"
settings.PAGE_CACHE_SECONDS = 0  # every cache off: nothing but the database
cold_pages = {path: median_ms(cold, path, 40) for path in PATHS}
print("SINGLE " + json.dumps({"healthz_ms": healthz, "pages_ms": pages, "cold_ms": cold_pages}))
"""

ENGINE_WRK = r"""
local items = {ITEMS}
local index = 0
function init(args) non2xx = 0 end
function request()
  index = index % #items + 1
  return wrk.format("POST", items[index][1],
    {["Content-Type"] = "application/json"}, items[index][2])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
"""


def get(url: str, *, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")
    return False


@contextlib.contextmanager
def cache_server(workdir: Path):
    """A Valkey or Redis server of our own on a free port (its URL), or "" when neither is
    installed (the site then caches in files, as `make run` does)."""
    binary = shutil.which("valkey-server") or shutil.which("redis-server")
    if binary is None:
        yield ""
        return
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not _answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{binary} startade inte")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=30)


def engine_capture_script(queries: list[str]) -> str:
    return ENGINE_CAPTURE.replace("QUERIES_JSON", json.dumps(queries))


def single_user_script(paths: list[str]) -> str:
    return SINGLE_USER.replace("PATHS", json.dumps(paths))


def engine_wrk_script(captured: list[dict[str, str]], done: str) -> str:
    """A wrk script replaying the recorded engine requests, ending with `done` (the report)."""

    def lua(text: str) -> str:
        return "[==[" + text + "]==]"

    items = ", ".join("{" + lua(item["path"]) + ", " + lua(item["body"]) + "}" for item in captured)
    return ENGINE_WRK.replace("{ITEMS}", "{" + items + "}") + done


def parse_line(output: str, prefix: str):
    line = next(line for line in output.splitlines() if line.startswith(prefix + " "))
    return json.loads(line.removeprefix(prefix + " "))


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
                if get(f"{base}/healthz", timeout=2)[0] == 200:
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


def run_wrk(
    base: str,
    paths: list[str],
    *,
    seconds: int,
    connections: int,
    script: Path,
    headers: tuple[str, ...] = (),
) -> dict:
    header_args = [arg for header in headers for arg in ("--header", header)]
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
            *header_args,
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


def combine(runs: list[dict]) -> dict:
    """Several wrk runs of one target as one: requests and errors over their summed time, the
    latency percentiles as the runs' medians."""
    combined = {key: sum(run[key] for run in runs) for key in runs[0] if key not in LATENCIES}
    combined.update({key: statistics.median(run[key] for run in runs) for key in LATENCIES})
    combined["rps"] = combined["requests"] / (combined["duration_us"] / 1e6)
    return combined


LATENCIES = ("p50", "p95", "p99", "max", "rps")
