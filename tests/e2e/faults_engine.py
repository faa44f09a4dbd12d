"""Our own OpenSearch nodes for the fault checks (`search/engine/opensearch.sh start-cluster`).

Never the shared engine: the nodes get free base ports of their own, and `stop()` removes them
and their data whatever happened in the test.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import urllib.error
import urllib.request

from tests.e2e.conftest import ROOT
from tests.search_fixtures import SHORT_LIVED_ENGINE_ENV

OPENSEARCH = ROOT / "search" / "engine" / "opensearch.sh"


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def free_engine_base(nodes: int, candidates=(9260, 9270, 9280, 9240, 9230)) -> int:
    """A base port whose HTTP (base+k) and transport (base+100+k) ports are all free."""
    for base in candidates:
        ports = [base + k for k in range(1, nodes + 1)] + [
            base + 100 + k for k in range(1, nodes + 1)
        ]
        if all(_port_free(port) for port in ports):
            return base
    raise RuntimeError(f"Inga lediga portar för {nodes} sökmotornoder bland {candidates}")


def http_json(url: str, *, method: str = "GET", body: dict | None = None, timeout: float = 10):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(  # noqa: S310 - loopback only
        url, data=data, method=method, headers={"content-type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


class EngineCluster:
    """N OpenSearch nodes in N JVMs (`opensearch.sh start-cluster`), node k on http base+k."""

    def __init__(self, *, nodes: int, base: int | None = None, timeout: int = 300):
        self.nodes = nodes
        self.base = base or free_engine_base(nodes)
        self.timeout = timeout
        self.log: list[str] = []
        self.stopped: set[int] = set()

    def _script(self, *args: str) -> subprocess.CompletedProcess:
        completed = subprocess.run(  # noqa: S603
            ["bash", str(OPENSEARCH), *args, "--port", str(self.base)],
            env={**os.environ, **SHORT_LIVED_ENGINE_ENV},
            capture_output=True,
            text=True,
            timeout=self.timeout + 60,
            check=False,
        )
        self.log.append(f"$ opensearch.sh {' '.join(args)}\n{completed.stdout}{completed.stderr}")
        if completed.returncode != 0:
            raise RuntimeError(f"opensearch.sh {' '.join(args)} misslyckades:\n{self.log[-1]}")
        return completed

    def node_url(self, k: int) -> str:
        return f"http://127.0.0.1:{self.base + k}"

    @property
    def urls(self) -> list[str]:
        return [self.node_url(k) for k in range(1, self.nodes + 1)]

    def start(self) -> None:
        self._script("start-cluster", "--nodes", str(self.nodes), "--timeout", str(self.timeout))

    def stop(self) -> None:
        """Stop every node and remove their data (a later start wipes it anyway)."""
        with contextlib.suppress(Exception):
            self._script("stop")
        shutil.rmtree(OPENSEARCH.parent / "data" / str(self.base), ignore_errors=True)

    def stop_node(self, k: int, *, kill: bool = True) -> None:
        self._script("stop-node", str(k), *(["--kill"] if kill else []))
        self.stopped.add(k)

    def start_node(self, k: int) -> None:
        self._script("start-node", str(k), "--timeout", str(self.timeout))
        self.stopped.discard(k)

    def any_url(self, *, except_node: int | None = None) -> str:
        skip = self.stopped | {except_node}
        return next(self.node_url(k) for k in range(1, self.nodes + 1) if k not in skip)

    def cluster_manager(self) -> int:
        """Which node (1..N) is the elected cluster manager."""
        _, answer = http_json(f"{self.any_url()}/_cat/cluster_manager?format=json")
        return int(answer[0]["node"].removeprefix("node-"))

    def health(self, *, via: str | None = None) -> dict:
        return http_json(f"{via or self.any_url()}/_cluster/health")[1]

    def shards(self, prefix: str, *, via: str | None = None) -> list[dict]:
        _, rows = http_json(
            f"{via or self.any_url()}/_cat/shards/{prefix}-*?format=json&h=index,shard,prirep,state,node"
        )
        return rows

    def document(self, alias: str, doc_id: str, *, via: str | None = None) -> dict | None:
        status, answer = http_json(f"{via or self.any_url()}/{alias}/_doc/{doc_id}")
        return answer.get("_source") if status == 200 and answer.get("found") else None
