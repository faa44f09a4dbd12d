"""The demo site as a newcomer meets it after `make run`: every section answers with content."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/", "Studie- och yrkesvägledning"),
        ("/metoder/", "Gymnasievalet"),
        ("/forum/", "Gymnasievalet"),
        ("/vagledningsplaner/", "Göteborg"),
        ("/rekas/", "REKAS"),
        ("/praktik/", "PRAO"),
        ("/nyheter/", "Nyheter"),
        ("/sok/?q=undersk%C3%B6terska", "Undersköterskor"),
        ("/tillganglighet/", "Tillgänglighetsredogörelse"),
    ],
)
def test_every_section_has_demo_content(demo_site, path, text):
    status, html = demo_site.get(path)
    assert status == 200, html[:500]
    assert '<html lang="sv">' in html
    assert text in html


def test_readyz_reports_database_engine_and_backlog(demo_site):
    import json

    status, body = demo_site.get("/readyz")
    checks = json.loads(body)["checks"]
    assert status == 200
    assert checks["database"]["status"] == "ok"
    assert checks["search_engine"]["status"] == "ok"
    assert "pending" in checks["index_backlog"]


def _connections_to(database_url: str) -> int:
    import psycopg

    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        query = (
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
        )
        return conn.execute(query, [name]).fetchone()[0]


def test_served_site_keeps_no_database_connection_per_request(demo_site):
    """runserver answers each HTTP connection in a new thread. A persistent database connection
    outlived its thread until the garbage collector found it, so the demo site piled up idle
    connections until PostgreSQL (max_connections, shared by every site on the machine)
    refused new ones, and pages answered 503 in the whole suite. Connections must close with
    their request: after many requests, each on its own HTTP connection, only what other
    tests have in flight is left."""
    import time

    from tests.conftest import require_service

    database_url = demo_site.env["DATABASE_URL"]
    require_service(
        database_url.startswith(("postgres://", "postgresql://")),
        "Testet kräver PostgreSQL (DATABASE_URL=postgres://…)",
    )
    requests = 30
    for _ in range(requests):
        assert demo_site.get("/readyz")[0] == 200
    # Other tests on the shared site (the other worker) may have a few requests in flight.
    in_flight_elsewhere = 8
    deadline = time.monotonic() + 15
    while (count := _connections_to(database_url)) > in_flight_elsewhere:
        assert time.monotonic() < deadline, (
            f"{count} anslutningar till databasen kvar efter {requests} förfrågningar"
        )
        time.sleep(0.5)
