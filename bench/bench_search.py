"""Search benchmark on 100,000 generated Swedish documents (issue "Search infrastructure").

Figures, each against a baseline measured in the same run:
1. full `rebuild` throughput (database → documents → engine + database copy) against a bare
   bulk load of the same, already built documents into an index with the same body
   (goal: ≥ 0.9×);
2. p50/p95 of GET /api/v1/search/ over HTTP against the bare engine query with the same body
   (goal: p95 ratio ≤ 1.5);
3. the same API answered by the database fallback against the engine (ratio reported).

Needs the engine at SEARCH_URL (default http://127.0.0.1:9201). Uses a fresh SQLite database
in a temporary folder unless BENCH_DATABASE_URL is set (e.g. postgres://syv:syv@127.0.0.1:5432/
syv_bench_search, created if missing), and its own index prefix, deleted at the end.
BENCH_SEARCH_DOCS changes the corpus size (default 100000).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
DOCS = int(os.environ.get("BENCH_SEARCH_DOCS", "100000"))
API_ROUNDS = 10  # × 20 queries
FALLBACK_ROUNDS = 2


def setup(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "syvsite.settings.dev")
    os.environ["DATABASE_URL"] = (
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9201")
    os.environ["SEARCH_INDEX_PREFIX"] = f"bench-{uuid.uuid4().hex[:6]}"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log
    settings.SEARCH["DRAIN"] = "off"
    call_command("migrate", verbosity=0)


def define_corpus_type():
    """A benchmark-only model and search type, registered like a domain app's."""
    from django.db import connection, models
    from elasticsearch_dsl import Keyword

    from search.documents import BaseDocument
    from search.registry import Facet, SearchType, register

    class BenchArticle(models.Model):
        title = models.TextField()
        summary = models.TextField()
        body = models.TextField()
        county = models.CharField(max_length=2)
        municipality = models.CharField(max_length=4)
        audience = models.CharField(max_length=40)
        published = models.DateField()
        members_only = models.BooleanField(default=False)
        latitude = models.FloatField(null=True)
        longitude = models.FloatField(null=True)

        class Meta:
            app_label = "search"
            db_table = "bench_search_article"

        def __str__(self) -> str:
            return self.title

    class ArticleDocument(BaseDocument):
        stage = Keyword(multi=True)

    def to_document(article):
        return {
            "title": article.title,
            "summary": article.summary,
            "body": article.body,
            "url": f"/bench/{article.pk}/",
            "county": [article.county],
            "municipality": [article.municipality],
            "audience": [article.audience],
            "date": article.published,
            "visibility": "members" if article.members_only else "public",
            "location": {"lat": article.latitude, "lon": article.longitude}
            if article.latitude
            else None,
            "tags": [],
            "stage": [article.audience],
        }

    with connection.schema_editor() as editor:
        editor.create_model(BenchArticle)
    register(
        SearchType(
            name="bench",
            label="Artiklar",
            document=ArticleDocument,
            model="search.BenchArticle",
            get_queryset=BenchArticle.objects.all,
            to_document=to_document,
            facets=(Facet("stage", "Skolform", param="skolform"),),
            chunk_size=1000,
        )
    )
    return BenchArticle


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def bench_rebuild(model) -> float:
    from search.rebuild import rebuild

    started = time.monotonic()
    report = rebuild(types=["bench"], progress=True)[0]
    seconds = time.monotonic() - started
    assert report.indexed == DOCS, report
    rate = DOCS / seconds
    print(
        f"rebuild:   {DOCS} dokument på {seconds:.1f} s = {rate:.0f} dok/s (databas → dokument → motor + databaskopia)"
    )
    return rate


def bench_bare_bulk(model) -> float:
    """The same documents, built beforehand, bulk-loaded raw into an index with the same body."""
    import urllib3

    from search import indices, registry
    from search.client import dumps, dumps_ndjson, get_engine
    from search.indexing import prepare_source
    from search.rebuild import chunks

    search_type = registry.get("bench")
    bodies = []
    for objects in chunks(search_type, search_type.chunk_size):
        lines = []
        for obj in objects:
            lines += [
                {"index": {"_index": "BARE", "_id": str(obj.pk)}},
                prepare_source(search_type, obj),
            ]
        bodies.append(lines)
    engine = get_engine()
    name = f"{indices.prefix()}-bare"
    http = urllib3.PoolManager()
    url = engine.urls[0].rstrip("/")
    headers = {"content-type": "application/json"}
    http.request(
        "PUT",
        f"{url}/{name}",
        body=dumps(indices.index_body(search_type, for_bulk_load=True)),
        headers=headers,
    )
    payloads = [
        dumps_ndjson(lines).replace(b'"_index":"BARE"', f'"_index":"{name}"'.encode())
        for lines in bodies
    ]
    started = time.monotonic()
    for payload in payloads:
        answer = http.request(
            "POST",
            f"{url}/_bulk",
            body=payload,
            headers={"content-type": "application/x-ndjson"},
            timeout=120,
        )
        assert b'"errors":false' in answer.data[:200], answer.data[:300]
    http.request(
        "PUT",
        f"{url}/{name}/_settings",
        body=b'{"index":{"refresh_interval":"1s"}}',
        headers=headers,
    )
    http.request("POST", f"{url}/{name}/_refresh")
    seconds = time.monotonic() - started
    http.request("DELETE", f"{url}/{name}")
    rate = DOCS / seconds
    print(
        f"bare bulk: {DOCS} färdiga dokument på {seconds:.1f} s = {rate:.0f} dok/s (samma index, samma bitar)"
    )
    return rate


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    from django.core.wsgi import get_wsgi_application

    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def api_call(http, base: str, params: dict) -> float:
    started = time.perf_counter()
    response = http.request("GET", f"{base}/api/v1/search/?{urlencode(params, doseq=True)}")
    elapsed = time.perf_counter() - started
    assert response.status == 200, response.data[:300]
    return elapsed


def bare_call(http, target: tuple) -> float:
    method, url, body = target
    started = time.perf_counter()
    response = http.request(method, url, body=body, headers={"content-type": "application/json"})
    elapsed = time.perf_counter() - started
    assert response.status == 200, response.data[:300]
    return elapsed


def recorded_engine_requests(http, base: str, queries: list[dict], engine_url: str) -> list[tuple]:
    """The exact engine request the API makes for each query, ready to replay bare."""
    from search.client import Engine, dumps

    recorded = []
    original = Engine.request

    def recording(self, method, path, **kwargs):
        if path.endswith("/_search"):
            params = urlencode(kwargs.get("params") or {})
            recorded.append((method, f"{engine_url}{path}?{params}", dumps(kwargs.get("body"))))
        return original(self, method, path, **kwargs)

    targets = []
    Engine.request = recording
    try:
        for params in queries:
            recorded.clear()
            api_call(http, base, params)
            targets.append(recorded[-1])  # the last: a page past the end is asked again
    finally:
        Engine.request = original
    return targets


def paired(
    http, base: str, queries: list[dict], targets: list[tuple], rounds: int, *, fallback=False
):
    """Each query through the API and bare (or through the API with the engine and with the
    database), one right after the other: load changes on the machine hit both alike."""
    from django.conf import settings

    first, second = [], []
    url = settings.SEARCH["URL"]
    for _ in range(rounds):
        for params, target in zip(queries, targets, strict=True):
            settings.SEARCH["URL"] = url
            first.append(api_call(http, base, params))
            if fallback:
                settings.SEARCH["URL"] = ""  # the database fallback answers
                second.append(api_call(http, base, params))
            else:
                second.append(bare_call(http, target))
    settings.SEARCH["URL"] = url
    return first, second


def report(label: str, samples: list[float]) -> tuple[float, float]:
    p50, p95 = percentiles(samples)
    print(
        f"{label:<28} p50 {p50 * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   ({len(samples)} anrop)"
    )
    return p50, p95


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        setup(Path(workdir))
        import urllib3

        from bench.search_corpus import QUERIES, generate
        from bench.summary import record
        from search import indices
        from search.client import get_engine

        model = define_corpus_type()
        print(f"Korpus: {DOCS} genererade svenska dokument …", flush=True)
        model.objects.bulk_create([model(**row) for row in generate(DOCS)], batch_size=5000)
        engine = get_engine()
        engine_url = engine.urls[0].rstrip("/")
        print(f"Sökmotor: {engine.info.flavour} {engine.info.version} på {engine_url}")
        try:
            # Bare load before and after the rebuild: the machine's load drifts over minutes.
            bare_rates = [bench_bare_bulk(model)]
            rebuild_rate = bench_rebuild(model)
            bare_rates.append(bench_bare_bulk(model))
            bare_rate = statistics.mean(bare_rates)
            print(
                f"  → rebuild / bare bulk (medel) = {rebuild_rate / bare_rate:.2f}× (mål ≥ 0,9×)\n"
            )
            record(
                "rebuild_vs_bulk",
                rebuild_rate / bare_rate,
                detail=f"{rebuild_rate:.0f} ÷ {bare_rate:.0f} dok/s, {DOCS} dokument",
            )

            server = serve()
            base = f"http://127.0.0.1:{server.server_address[1]}"
            http = urllib3.PoolManager(maxsize=2)
            targets = recorded_engine_requests(http, base, QUERIES, engine_url)
            paired(http, base, QUERIES, targets, 1)  # warm-up
            api, bare = paired(http, base, QUERIES, targets, API_ROUNDS)
            api_p = report("/api/v1/search/ (motor)", api)
            bare_p = report("samma sökning direkt", bare)
            print(
                f"  → p95 API / direkt = {api_p[1] / bare_p[1]:.2f} (mål ≤ 1,5); p50 {api_p[0] / bare_p[0]:.2f}\n"
            )

            engine_api, database_api = paired(
                http, base, QUERIES, targets, FALLBACK_ROUNDS, fallback=True
            )
            engine_p = report("/api/v1/search/ (motor)", engine_api)
            database_p = report("/api/v1/search/ (databas)", database_api)
            print(f"  → p95 databas / motor = {database_p[1] / engine_p[1]:.1f}")
            server.shutdown()
        finally:
            indices.delete_all_indices(get_engine())


if __name__ == "__main__":
    main()
