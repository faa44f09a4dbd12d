"""Search fixtures (pytest plugin loaded from tests/conftest.py).

`search_engine`: the real engine at SEARCH_URL (default http://127.0.0.1:9201) for one test,
with empty indices for every registered type under this run's own prefix. Saves made in the
test reach the index through the outbox as in production, drained synchronously: a search
(services, API or page) first applies pending changes, and `search_engine.drain()` does it
explicitly. Unreachable engine: the test fails when REQUIRE_SERVICES=1 (CI), else it is
skipped with the reason.

    def test_finds_method(search_engine, client):
        MethodPageFactory(title="Yrkesvägledning i åk 8")
        assert "Yrkesvägledning" in client.get("/sok/?q=vägledning").text
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import urllib3

from tests.conftest import require_service

# For the engines a test starts and stops itself (outage and fault tests): small heaps (a few
# hundred documents) and the quick JIT and serial GC, which halve the CPU a JVM spends
# starting up on a shared 2-core machine (9 s → 5 s measured); OpenSearch behaves the same.
SHORT_LIVED_ENGINE_ENV = {
    "OPENSEARCH_JAVA_OPTS": "-Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
}


def engine_reachable(url: str) -> bool:
    try:
        response = urllib3.request("GET", url, timeout=3.0, retries=False)
    except urllib3.exceptions.HTTPError:
        return False
    return response.status == 200


@dataclass
class SearchEngineFixture:
    url: str

    @property
    def engine(self):
        from search.client import get_engine

        return get_engine()

    def drain(self):
        """Apply every pending outbox row now and make it searchable."""
        from search.indexing import drain

        return drain(ignore_schedule=True, refresh=True, blocking=True)

    def refresh(self) -> None:
        from search import indices

        self.engine.request("POST", f"/{indices.prefix()}-*/_refresh")

    def count(self, doc_type: str) -> int:
        from search import indices

        self.refresh()
        answer = self.engine.request("GET", f"/{indices.alias_name(doc_type)}/_count")
        return answer["count"]

    def ids(self, doc_type: str) -> set[str]:
        from search import indices

        self.refresh()
        body = {"query": {"match_all": {}}, "size": 10_000, "_source": False}
        answer = self.engine.request("POST", f"/{indices.alias_name(doc_type)}/_search", body=body)
        return {hit["_id"] for hit in answer["hits"]["hits"]}


def _all_indices(engine, prefix: str) -> list[str]:
    from search.client import EngineError

    try:
        return sorted(engine.request("GET", f"/{prefix}-*/_settings/index.provided_name"))
    except EngineError:
        return []


@pytest.fixture(scope="session")
def _search_indices_session():
    """Deletes this run's indices at the end of the session."""
    used: dict = {}
    yield used
    engine = used.get("engine")
    if engine is not None:
        from search.client import EngineUnavailable

        try:
            for name in _all_indices(engine, used["prefix"]):
                engine.request("DELETE", f"/{name}", timeout=60)
        except EngineUnavailable:
            pass


@pytest.fixture(scope="session")
def _engine_url() -> str:
    """The engine's address, checked once per run (a test that stops it uses its own)."""
    from django.conf import settings

    url = settings.SEARCH["TEST_URL"]
    require_service(
        engine_reachable(url),
        f"Testet kräver sökmotorn på {url} (SEARCH_URL). Starta den med "
        "`search/engine/opensearch.sh start`",
    )
    return url


@pytest.fixture
def search_engine(request, db, settings, _engine_url, _search_indices_session):
    # `db` must be named here (not requested dynamically) so pytest-django sets up the test
    # database; a test that also asks for `transactional_db` gets a transactional one.
    from search import indices, registry
    from search.client import get_engine

    settings.SEARCH = {**settings.SEARCH, "URL": _engine_url, "DRAIN": "sync"}
    engine = get_engine()
    engine.reset_breaker()
    _search_indices_session.update(engine=engine, prefix=indices.prefix())
    # The indices are made once per run and emptied for each test: one request to see which
    # aliases exist (a test may have rebuilt or dropped some), one to empty them when needed.
    indices.forget_known_aliases()
    indices.ensure_indices(engine, registry.all_types())
    counted = engine.request("GET", f"/{indices.prefix()}-*/_count")
    if counted["count"]:  # a previous test's documents
        engine.request(
            "POST",
            f"/{indices.prefix()}-*/_delete_by_query",
            body={"query": {"match_all": {}}},
            params={"refresh": "true", "conflicts": "proceed"},
            timeout=60,
        )
    fixture = SearchEngineFixture(url=_engine_url)
    fixture.drain()
    yield fixture
    indices.forget_known_aliases()
    engine.reset_breaker()


def pytest_collection_modifyitems(items):
    """Every test using the engine carries the `search` marker (`make test-fast` skips them)."""
    for item in items:
        if "search_engine" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.search)
