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
