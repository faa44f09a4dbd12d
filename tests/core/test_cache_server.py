"""The shared cache on a real Redis/Valkey server, and the site when that server goes away.

The test starts its own server (Debian's redis-server or valkey-server) on a free loopback
port, stops it in the middle and starts it again: pages keep answering, uncached, and caching
comes back by itself.
"""

import contextlib
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache
from django.test import Client

from tests.conftest import require_service
from tests.methods.factories import make_method

pytestmark = pytest.mark.django_db

SERVER = shutil.which("valkey-server") or shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")
    return False


class CacheServer:
    def __init__(self, tmp_path):
        self.port = _free_port()
        self.folder = tmp_path
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while not _answers(self.port):
            assert self.process.poll() is None, "cache server exited"
            assert time.monotonic() < deadline, "cache server did not answer within 20 s"
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture
def cache_server(settings, tmp_path):
    require_service(SERVER is not None, "redis-server/valkey-server saknas (apt-get install)")
    server = CacheServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "syvsite.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "KEY_PREFIX": "test",
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    yield server
    if server.process.poll() is None:
        server.stop()


def test_pages_answer_uncached_while_the_cache_server_is_down(cache_server, monkeypatch):
    from syvsite.core import cache as cache_module

    monkeypatch.setattr(cache_module, "RETRY_SECONDS", 0.2)  # the breaker's pause, short here
    page = make_method(title="Framtidsbrevet")
    visitor = Client()
    assert visitor.get(page.url)["X-Cache"] == "MISS"
    assert visitor.get(page.url)["X-Cache"] == "HIT"

    cache_server.stop()
    started = time.monotonic()
    for _ in range(5):
        response = visitor.get(page.url)
        assert response.status_code == 200 and "Framtidsbrevet" in response.content.decode()
        assert "X-Cache" not in response
    assert time.monotonic() - started < 10  # no waiting on the dead server per request
    assert cache.get("anything", "default") == "default"
    ready = visitor.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["cache"]["status"] == "down"

    cache_server.start()  # an empty server, as after a restart
    deadline = time.monotonic() + 10
    while visitor.get(page.url).get("X-Cache") != "HIT":
        assert time.monotonic() < deadline, "caching did not resume after the restart"
        time.sleep(0.05)
    assert visitor.get("/readyz").json()["checks"]["cache"]["status"] == "ok"
