"""Engine stopped → 100 saves → engine started → `search_index sync` → parity.

A real outage: a second OpenSearch (one node, its own JVM, port 9251) is stopped with SIGTERM
and started again with its data, by the runner in search/engine/. Takes a minute or two.
"""

import contextlib
import os
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from search import indices, registry
from search.client import EngineError, EngineUnavailable, get_engine
from search.maintenance import engine_ids
from search.models import IndexedDocument, OutboxEntry
from search.services import search
from syvsite.organisations.models import Organisation
from syvsite.regions.models import Municipality
from tests.conftest import require_service
from tests.search.conftest import ORG_TYPE
from tests.search_fixtures import SHORT_LIVED_ENGINE_ENV, engine_reachable

pytestmark = pytest.mark.search

RUNNER = Path(__file__).resolve().parents[2] / "search" / "engine" / "opensearch.sh"
BASE_PORT = "9250"
URL = "http://127.0.0.1:9251"


def runner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(RUNNER), *args, "--port", BASE_PORT],
        env={**os.environ, **SHORT_LIVED_ENGINE_ENV},
        capture_output=True,
        text=True,
        timeout=400,
    )


@pytest.fixture(scope="module")
def own_engine():
    started = runner("start-cluster", "--nodes", "1", "--timeout", "300")
    require_service(
        started.returncode == 0 and engine_reachable(URL),
        f"En andra OpenSearch på {URL} gick inte att starta: {started.stdout[-500:]}{started.stderr[-500:]}",
    )
    yield URL
    runner("stop")


@pytest.fixture
def outage_setup(own_engine, org_type, settings):
    settings.SEARCH = {**settings.SEARCH, "URL": own_engine, "DRAIN": "sync", "TIMEOUT": 5.0}
    engine = get_engine()
    engine.reset_breaker()
    indices.forget_known_aliases()
    indices.ensure_index(engine, registry.get(ORG_TYPE))
    town = Municipality.objects.get(code="1480")
    yield engine, town
    # The engine may be stopped if the test failed half-way; `stop` ends it anyway.
    with contextlib.suppress(EngineUnavailable, EngineError):
        indices.delete_all_indices(engine)


# Real commits (the drain runs after each), and the data migrations' rows restored afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saves_during_an_outage_reach_the_index_after_sync(outage_setup):
    engine, town = outage_setup
    before = [
        Organisation.objects.create(
            kind="school", name=f"Skola {n}", municipality=town, is_approved=True
        )
        for n in range(20)
    ]
    assert len(engine_ids(engine, indices.alias_name(ORG_TYPE))) == 20

    assert runner("stop-node", "1").returncode == 0
    assert not engine_reachable(URL)

    # 100 saves while the engine is down: 60 new, 30 renamed, 10 deleted. Every save succeeds.
    created = [
        Organisation.objects.create(
            kind="school", name=f"Ny skola {n}", municipality=town, is_approved=True
        )
        for n in range(60)
    ]
    for organisation in [*before[:15], *created[:15]]:
        organisation.name += " (nytt namn)"
        organisation.save()
    for organisation in [*before[15:], *created[55:]]:
        organisation.delete()
    assert OutboxEntry.objects.count() == 80  # coalesced per object: 20 + 60
    assert OutboxEntry.objects.filter(attempts__gt=0).exists()  # the drain tried and kept them
    # Searching works meanwhile, from the database copy.
    during = search(query="nytt namn", types=[ORG_TYPE])
    assert not during.engine_used and during.total == 30

    started = runner("start-node", "1", "--timeout", "300")
    assert started.returncode == 0, started.stdout[-800:]
    out = StringIO()
    call_command("search_index", "sync", "--retries", "8", stdout=out)

    engine.request("POST", f"/{indices.alias_name(ORG_TYPE)}/_refresh")
    wanted = {str(pk) for pk in Organisation.objects.values_list("pk", flat=True)}
    assert len(wanted) == 70
    assert engine_ids(engine, indices.alias_name(ORG_TYPE)) == wanted
    # Only this type: the restored data migrations index their own rows (SSYK occupations…).
    mirrored = IndexedDocument.objects.filter(doc_type=ORG_TYPE)
    assert set(mirrored.values_list("object_id", flat=True)) == wanted
    assert not OutboxEntry.objects.exists()
    after = search(query="nytt namn", types=[ORG_TYPE])
    assert after.engine_used and after.total == 30
