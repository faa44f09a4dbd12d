"""The adapter speaks to OpenSearch and to Elasticsearch 8 with identical request bodies.

A small local HTTP server answers like each engine (root response, product header) and records
every request; the same operations of our code run against both, and the recordings must match.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from search import indices, registry
from search.client import get_engine
from search.engine_search import engine_search, engine_suggest
from search.facets import facets_for
from search.indexing import bulk_lines, send_bulk
from search.queries import QueryPlan
from search.results import GeoFilter

ROOTS = {
    "opensearch": {
        "name": "node-1",
        "cluster_name": "recorder",
        "version": {"distribution": "opensearch", "number": "3.8.0"},
        "tagline": "The OpenSearch Project: https://opensearch.org/",
    },
    "elasticsearch": {
        "name": "node-1",
        "cluster_name": "recorder",
        "version": {"number": "8.19.3", "build_flavor": "default"},
        "tagline": "You Know, for Search",
    },
}


def answer_for(path: str):
    if path.endswith("/_search"):
        return {
            "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
            "aggregations": {},
            "suggest": {},
        }
    if path == "/_bulk":
        return {"errors": False, "items": []}
    if path.startswith("/_cat/aliases"):
        return []
    if path == "/_cluster/health":
        return {"status": "green"}
    return {"acknowledged": True}


class Recorder(ThreadingHTTPServer):
    def __init__(self, flavour: str):
        self.flavour = flavour
        self.requests: list[dict] = []
        super().__init__(("127.0.0.1", 0), Handler)


class Handler(BaseHTTPRequestHandler):
    def _handle(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        if url.path == "/":
            payload = ROOTS[self.server.flavour]
        else:
            self.server.requests.append(
                {"method": self.command, "path": url.path, "query": url.query, "body": body}
            )
            payload = answer_for(url.path)
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        if self.server.flavour == "elasticsearch":
            self.send_header("X-Elastic-Product", "Elasticsearch")
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

    def log_message(self, *args):
        pass


@pytest.fixture
def recorders():
    servers = {flavour: Recorder(flavour) for flavour in ROOTS}
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers.values()]
    for thread in threads:
        thread.start()
    yield servers
    for server in servers.values():
        server.shutdown()
        server.server_close()


def run_operations(settings, server) -> str:
    """The requests our code makes: create index, alias, bulk, search with everything, suggest."""
    host, port = server.server_address
    settings.SEARCH = {**settings.SEARCH, "URL": f"http://{host}:{port}"}
    engine = get_engine()
    page_type = registry.get("page")
    index = indices.create_index(engine, page_type)
    indices.point_alias(engine, alias=indices.alias_name("page"), new_index=index, old_indices=[])
    source = {"title": "Yrkesvägledning", "body": "Åäö “citat” \u00e9", "visibility": "public"}
    send_bulk(engine, bulk_lines(indices.alias_name("page"), {"1": source}, ["2"]), to_alias=True)
    plan = QueryPlan(
        text='studie- och yrkesvägledare "(*)~^',
        types=["page"],
        visibilities=["public", "members"],
        filters={"county": ["14"], "audience": ["Gymnasieskola"]},
        facets=facets_for(["page"]),
        sort="relevance",
        offset=20,
        size=10,
        geo=GeoFilter(lat=57.7, lon=11.97, km=30),
    )
    engine_search(engine, plan)
    engine_suggest(engine, "vägl", ["public"], size=8)
    return engine.info.flavour


def test_engine_is_detected_from_the_root_response(db, settings, recorders):
    assert run_operations(settings, recorders["opensearch"]) == "opensearch"
    assert run_operations(settings, recorders["elasticsearch"]) == "elasticsearch"


def test_both_engines_receive_identical_requests(db, settings, recorders):
    run_operations(settings, recorders["opensearch"])
    run_operations(settings, recorders["elasticsearch"])
    sent_to_opensearch = recorders["opensearch"].requests
    sent_to_elasticsearch = recorders["elasticsearch"].requests
    assert len(sent_to_opensearch) == len(sent_to_elasticsearch) == 5
    for ours, theirs in zip(sent_to_opensearch, sent_to_elasticsearch, strict=True):
        assert ours["method"] == theirs["method"]
        assert strip_version(ours["path"]) == strip_version(theirs["path"])
        assert ours["query"] == theirs["query"]
        assert strip_version(ours["body"].decode()) == strip_version(theirs["body"].decode())
    bodies = b"".join(r["body"] for r in sent_to_opensearch).decode()
    assert "sv_synonyms" in bodies and "light_swedish" in bodies  # the analysis went along
    assert '"geo_distance"' in bodies and '"post_filter"' in bodies and '"highlight"' in bodies
    assert "Yrkesvägledning" in bodies  # UTF-8, not \\u escapes


def strip_version(text: str) -> str:
    import re

    return re.sub(r"-\d{20}", "-<version>", text)
