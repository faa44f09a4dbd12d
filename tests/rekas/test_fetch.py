"""`manage.py rekas_fetch yrkesbarometer` against a local HTTP server serving real-format
records (Arbetsförmedlingen's excerpt shipped in rekas/data/); nothing reaches the internet."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from rekas.models import Assessment
from rekas.services import BAROMETER_EXCERPT

EXCERPT = BAROMETER_EXCERPT.read_bytes()
CHANGED = json.dumps([{"yrke": "Undersköterska", "region": "14", "omgång": "2026-1"}]).encode()


class Handler(BaseHTTPRequestHandler):
    release = threading.Event()  # the "slow" answer waits for this (set when the test ends)

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/yrkesbarometer.json":
            self._send(200, EXCERPT)
        elif self.path == "/saknas.json":
            self._send(404, b"Not found")
        elif self.path == "/trasig.json":
            self.send_response(200)
            self.send_header("Content-Length", str(len(EXCERPT)))
            self.end_headers()
            self.wfile.write(EXCERPT[: len(EXCERPT) // 2])  # then the connection closes
        elif self.path == "/nytt-format.json":
            self._send(200, CHANGED)
        elif self.path == "/langsam.json":
            self.release.wait(10)
            self._send(200, EXCERPT)

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, *_args):
        pass  # the client that gave up on the slow answer closed the connection: expected


@pytest.fixture
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    Handler.release.clear()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def fetch(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("rekas_fetch", "yrkesbarometer", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_fetch_downloads_and_imports_from_the_setting(db, server, settings):
    settings.REKAS_YRKESBAROMETER_URL = f"{server}/yrkesbarometer.json"

    output = fetch()

    records = json.loads(EXCERPT)
    assert Assessment.objects.count() == len(records)
    assert output.strip().splitlines()[-1].startswith(f"Lästa rader: {len(records)}.")


def test_fetching_the_same_round_twice_keeps_one_copy(db, server, settings):
    settings.REKAS_YRKESBAROMETER_URL = f"{server}/yrkesbarometer.json"
    fetch()
    before = Assessment.objects.count()

    fetch()

    assert Assessment.objects.count() == before


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/saknas.json", "HTTP-status 404"),
        ("/trasig.json", "avbröts"),
        ("/nytt-format.json", "formatet kan ha ändrats"),
    ],
)
def test_a_failed_fetch_says_why_in_swedish_and_writes_nothing(db, server, path, message):
    with pytest.raises(CommandError) as raised:
        fetch(f"{server}{path}")

    assert message in str(raised.value) and "inget sparades" in str(raised.value).lower()
    assert not Assessment.objects.exists()


def test_a_server_that_does_not_answer_times_out(db, server, settings):
    settings.REKAS_YRKESBAROMETER_TIMEOUT = 0.5

    with pytest.raises(CommandError) as raised:
        fetch(f"{server}/langsam.json")

    assert "svarade inte inom 0.5 sekunder" in str(raised.value)
    assert not Assessment.objects.exists()


def test_an_address_nobody_listens_on_is_a_clear_error(db):
    with pytest.raises(CommandError) as raised:
        fetch("http://127.0.0.1:9/yrkesbarometer.json")

    assert "Kunde inte nå" in str(raised.value)
