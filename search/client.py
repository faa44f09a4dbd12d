"""The one adapter between this site and a search engine: OpenSearch 2/3 or Elasticsearch 8.

Which engine `SEARCH_URL` points at is read from its root response; requests then go through
the matching official client (opensearch-py or elasticsearch-py). Bodies are serialised here,
once, to bytes, and handed to the client's transport unchanged, so both engines receive exactly
the same bytes (tests/search/test_adapter.py proves it with a recording server).

Failures: a connection error or timeout raises `EngineUnavailable` and opens a short circuit
breaker, so while the engine is away searches fall back to the database at once instead of
each waiting for the timeout. An error answer from the engine raises `EngineError`.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import urllib3
from django.conf import settings

BREAKER_SECONDS = 5.0


class EngineUnavailable(Exception):  # noqa: N818 - reads better at call sites
    """The engine did not answer (not running, network, timeout)."""


class EngineError(Exception):
    """The engine answered with an error."""

    def __init__(self, status: int, body: Any):
        self.status = status
        self.body = body
        super().__init__(f"{status}: {_error_reason(body)}")


@dataclass(frozen=True)
class EngineInfo:
    flavour: str  # "opensearch" or "elasticsearch"
    version: str


def _error_reason(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        return f"{error.get('type', '')}: {error.get('reason', '')}"
    return str(body)[:300]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, set | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(body: Any) -> bytes:
    return json.dumps(
        body, ensure_ascii=False, separators=(",", ":"), default=_json_default
    ).encode()


def dumps_ndjson(lines: list[dict]) -> bytes:
    return b"".join(dumps(line) + b"\n" for line in lines)


def detect(url: str, *, timeout: float, verify_certs: bool = True) -> EngineInfo:
    """Ask the engine's root endpoint what it is."""
    parsed = urllib3.util.parse_url(url)
    headers = urllib3.make_headers(basic_auth=parsed.auth) if parsed.auth else {}
    root = parsed._replace(auth=None).url.rstrip("/") + "/"
    http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED" if verify_certs else "CERT_NONE")
    try:
        response = http.request(
            "GET", root, headers=headers, timeout=urllib3.Timeout(total=timeout), retries=False
        )
    except urllib3.exceptions.HTTPError as error:
        raise EngineUnavailable(f"{root}: {error.__class__.__name__}") from error
    if response.status != 200:
        raise EngineUnavailable(f"{root} svarade {response.status}")
    try:
        data = json.loads(response.data)
        version = data["version"]
    except (ValueError, KeyError, TypeError) as error:
        raise EngineUnavailable(f"{root} är ingen sökmotor") from error
    number = str(version.get("number", ""))
    if version.get("distribution") == "opensearch":
        flavour = "opensearch"
    elif number.split(".")[0] == "8":
        flavour = "elasticsearch"
    else:
        raise EngineUnavailable(f"{root}: Elasticsearch {number} stöds inte (bara 8.x)")
    return EngineInfo(flavour=flavour, version=number)


CONNECTIONS_PER_NODE = 10  # elasticsearch-py's default; opensearch-py's is 1


class _OpenSearchTransport:
    def __init__(self, urls: list[str], *, timeout: float, verify_certs: bool):
        from opensearchpy import OpenSearch

        # A connection refused by one node is retried on the next (a cluster that lost a node
        # still answers from the replicas); timeouts are not retried (retry_on_timeout=False).
        # urllib3 keeps one connection per node unless told otherwise: a threaded server
        # (gunicorn --threads) would open and discard one per request.
        self.client = OpenSearch(
            hosts=urls,
            timeout=timeout,
            verify_certs=verify_certs,
            max_retries=len(urls) - 1,
            pool_maxsize=CONNECTIONS_PER_NODE,
        )

    def __call__(self, method, path, *, body, params, headers, timeout):
        from opensearchpy import exceptions

        try:
            return self.client.transport.perform_request(
                method, path, params=params or None, body=body, timeout=timeout, headers=headers
            )
        except exceptions.ConnectionError as error:
            raise EngineUnavailable(str(error)) from error
        except exceptions.TransportError as error:
            if not isinstance(error.status_code, int):
                raise EngineUnavailable(str(error)) from error
            raise EngineError(error.status_code, error.info) from error


class _ElasticsearchTransport:
    def __init__(self, urls: list[str], *, timeout: float, verify_certs: bool):
        from elasticsearch import Elasticsearch

        self.client = Elasticsearch(
            hosts=urls,
            request_timeout=timeout,
            verify_certs=verify_certs,
            max_retries=len(urls) - 1,
            connections_per_node=CONNECTIONS_PER_NODE,
        )

    def __call__(self, method, path, *, body, params, headers, timeout):
        import elastic_transport
        from elasticsearch import ApiError

        client = self.client.options(request_timeout=timeout) if timeout else self.client
        try:
            response = client.perform_request(
                method, path, params=params or None, headers=headers, body=body
            )
        except elastic_transport.TransportError as error:
            raise EngineUnavailable(str(error)) from error
        except ApiError as error:
            raise EngineError(error.meta.status, error.body) from error
        return response.body


class Engine:
    """One configured engine (one or more node URLs). Thread-safe; cached per process."""

    def __init__(self, *, url: str, timeout: float, verify_certs: bool = True):
        self.urls = [part.strip() for part in url.split(",") if part.strip()]
        self.timeout = timeout
        self.verify_certs = verify_certs
        self._info: EngineInfo | None = None
        self._transport = None
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def info(self) -> EngineInfo:
        self._connect()
        return self._info

    def _connect(self) -> None:
        if self._transport is not None:
            return
        with self._lock:
            if self._transport is not None:
                return
            self._check_breaker()
            info = None
            for url in self.urls:  # the first node that answers tells what the cluster is
                try:
                    info = detect(url, timeout=self.timeout, verify_certs=self.verify_certs)
                    break
                except EngineUnavailable as error:
                    failure = error
            if info is None:
                self._down_until = time.monotonic() + BREAKER_SECONDS
                raise failure
            transport_class = (
                _OpenSearchTransport if info.flavour == "opensearch" else _ElasticsearchTransport
            )
            self._transport = transport_class(
                self.urls, timeout=self.timeout, verify_certs=self.verify_certs
            )
            self._info = info

    def _check_breaker(self) -> None:
        if time.monotonic() < self._down_until:
            raise EngineUnavailable("sökmotorn svarade inte nyss; försöker igen om en stund")

    def reset_breaker(self) -> None:
        self._down_until = 0.0

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict | None = None,
        timeout: float | None = None,
        ndjson: bool = False,
    ) -> Any:
        """Send one request. `body` is a dict (JSON), a list of dicts (NDJSON) or bytes."""
        self._check_breaker()
        self._connect()
        content_type = "application/x-ndjson" if ndjson else "application/json"
        if body is not None and not isinstance(body, bytes):
            body = dumps_ndjson(body) if ndjson else dumps(body)
        headers = {"content-type": content_type, "accept": "application/json"}
        try:
            return self._transport(
                method,
                path,
                body=body,
                params=params,
                headers=headers if body is not None else {"accept": "application/json"},
                timeout=timeout or self.timeout,
            )
        except EngineUnavailable:
            self._down_until = time.monotonic() + BREAKER_SECONDS
            raise

    def health(self) -> dict:
        try:
            health = self.request("GET", "/_cluster/health")
        except (EngineUnavailable, EngineError) as error:
            return {"status": "down", "error": str(error)[:200], "fallback": "database"}
        return {
            "status": "ok" if health.get("status") in ("green", "yellow") else "down",
            "engine": f"{self.info.flavour} {self.info.version}",
            "cluster_status": health.get("status"),
        }


_engines: dict[tuple, Engine] = {}
_engines_lock = threading.Lock()


def get_engine() -> Engine | None:
    """The configured engine, or None when SEARCH_URL is empty (database search only)."""
    config = settings.SEARCH
    url = config.get("URL") or ""
    if not url:
        return None
    key = (url, float(config.get("TIMEOUT", 2.0)), bool(config.get("VERIFY_CERTS", True)))
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = Engine(url=key[0], timeout=key[1], verify_certs=key[2])
    return engine
