"""/readyz reports the engine and the outbox; the background worker drains after commit."""

import time

import pytest

from search.models import IndexedDocument, OutboxEntry
from tests.factories import OrganisationFactory
from tests.search.conftest import ORG_TYPE


def test_readyz_without_engine_reports_database_fallback(client, db):
    checks = client.get("/readyz").json()["checks"]
    assert checks["search_engine"] == {"status": "not_configured", "fallback": "database"}
    assert checks["index_backlog"]["pending"] == 0


def test_readyz_with_the_engine_down_is_degraded_not_failed(client, db, settings):
    settings.SEARCH = {**settings.SEARCH, "URL": "http://127.0.0.1:9"}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["search_engine"]["status"] == "down"


@pytest.mark.search
def test_readyz_with_the_engine_and_a_backlog(client, search_engine, org_type, settings):
    settings.SEARCH = {**settings.SEARCH, "DRAIN": "off"}
    OrganisationFactory(name="Väntar på indexering")
    data = client.get("/readyz").json()
    assert data["status"] == "ok"
    assert data["checks"]["search_engine"]["engine"].startswith("opensearch")
    assert data["checks"]["index_backlog"]["pending"] == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_background_worker_drains_after_commit(org_type, settings):
    """Production mode: the save returns at once; a thread indexes it right after the commit."""
    from syvsite.regions.models import County, Municipality

    settings.SEARCH = {**settings.SEARCH, "DRAIN": "background"}
    county, _ = County.objects.get_or_create(code="14", defaults={"name": "Västra Götalands län"})
    town, _ = Municipality.objects.get_or_create(
        code="1480", defaults={"name": "Göteborg", "county": county}
    )
    organisation = OrganisationFactory(name="Indexeras i bakgrunden", municipality=town)
    for _ in range(100):  # up to 10 s on a busy machine
        if IndexedDocument.objects.filter(
            doc_type=ORG_TYPE, object_id=str(organisation.pk)
        ).exists():
            break
        time.sleep(0.1)
    assert IndexedDocument.objects.filter(
        doc_type=ORG_TYPE, object_id=str(organisation.pk)
    ).exists()
    assert not OutboxEntry.objects.exists()
