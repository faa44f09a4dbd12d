"""A real HTTP server on 127.0.0.1 for tests of code that fetches addresses (the facts bank's
link checker, omvärldsbevakning's feed fetcher). Routes are set per test:

    def test_x(local_server):
        local_server.route("/flode.xml", body=b"<rss>…</rss>", content_type="application/rss+xml")
        local_server.route("/slinga", status=302, headers={"Location": "/slinga"})
        fetch(local_server.url("/flode.xml"))

A route's `stall` makes the server wait (until the test ends) before answering, to provoke
the client's timeout; `chunks` streams a body of that many 1 MiB pieces without holding it;
`drip` sends the body one byte at a time, that many seconds apart (never silent for long, but
slow in all), until the body ends or the test does.
"""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

MIB = 1024 * 1024


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    head_status: int | None = None  # answer HEAD differently (e.g. 405)
    stall: bool = False
    chunks: int = 0
    send_length: bool = True  # False: no Content-Length, the body ends when the server closes
    drip: float = 0  # seconds between single bytes of the body


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _answer(self, method: str):
                server.requests.append((method, self.path))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                    return
                if route.stall:
                    server.release.wait(30)
                    return
                status = (
                    route.head_status if method == "HEAD" and route.head_status else route.status
                )
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                length = route.chunks * MIB if route.chunks else len(route.body)
                if route.send_length:
                    self.send_header("Content-Length", str(length))
                self.end_headers()
                if method == "HEAD":
                    return
                try:
                    if route.chunks:
                        piece = b" " * MIB
                        for _ in range(route.chunks):
                            self.wfile.write(piece)
                    elif route.drip:
                        for index in range(len(route.body)):
                            self.wfile.write(route.body[index : index + 1])
                            self.wfile.flush()
                            if server.release.wait(route.drip):
                                return  # the test is over
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (as a capped fetch should)

            def do_GET(self):  # noqa: N802
                self._answer("GET")

            def do_HEAD(self):  # noqa: N802
                self._answer("HEAD")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str, **kwargs) -> None:
        self.routes[path] = Route(**kwargs)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def local_server():
    server = LocalServer()
    server.start()
    yield server
    server.stop()
