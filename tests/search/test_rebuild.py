"""Rebuild with an atomic alias swap, status and reconcile, against the real engine."""

import threading
from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import call_command

from search import indices, registry
from search.client import get_engine
from search.maintenance import find_drift
from search.models import IndexedDocument, OutboxEntry
from search.queries import QueryPlan, search_body
from syvsite.organisations.models import Organisation
from tests.factories import OrganisationFactory
from tests.search.conftest import ORG_TYPE, organisation_document

pytestmark = pytest.mark.search


@pytest.fixture
def many(org_type, search_engine):
    organisations = [OrganisationFactory(name=f"Gymnasium nummer {n}") for n in range(300)]
    search_engine.drain()
    return organisations


def rebuild(*options: str) -> None:
    """`manage.py search_index rebuild` of the organisations' index, without output."""
    call_command(
        "search_index", "rebuild", "--type", ORG_TYPE, "--no-progress", *options, stdout=StringIO()
    )


class Searcher(threading.Thread):
    """Searches the alias in a loop (engine only, no database) and records what it saw."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.totals: list[int] = []
        self.indices_seen: list[str] = []
        self.errors: list[str] = []
        self.engine = get_engine()
        plan = QueryPlan(
            text="gymnasium",
            types=[ORG_TYPE],
            visibilities=["public"],
            filters={},
            facets=[],
            sort="relevance",
            offset=0,
            size=1,
            with_suggestion=False,
        )
        self.body = search_body(plan)
        self.path = f"/{indices.alias_name(ORG_TYPE)}/_search"

    def run(self):
        while not self.stop.is_set():
            try:
                answer = self.engine.request("POST", self.path, body=self.body)
            except Exception as error:  # recorded and asserted on
                self.errors.append(repr(error))
                continue
            self.totals.append(answer["hits"]["total"]["value"])
            if answer["hits"]["hits"]:
                index = answer["hits"]["hits"][0]["_index"]
                if not self.indices_seen or self.indices_seen[-1] != index:
                    self.indices_seen.append(index)


def test_searches_during_rebuild_never_see_an_empty_index(many):
    alias = indices.alias_name(ORG_TYPE)
    engine = get_engine()
    old = indices.indices_behind(engine, alias)
    searcher = Searcher()
    searcher.start()
    try:
        rebuild("--chunk-size", "20")
    finally:
        searcher.stop.set()
        searcher.join()
    new = indices.indices_behind(engine, alias)
    assert new != old and len(new) == 1
    assert searcher.errors == []
    assert len(searcher.totals) > 10
    assert set(searcher.totals) == {300}  # never empty, never half-built
    assert searcher.indices_seen == [*old, *new]  # answered by the old, then the new version
    assert indices.versions_of(engine, ORG_TYPE) == new  # the old version is gone


def test_a_change_made_during_rebuild_reaches_the_new_index(many, search_engine):
    first = many[0]
    renamed = {}

    def saving_during_rebuild(organisation):
        # An editor renames the first organisation after the rebuild has read it.
        if organisation.pk == many[100].pk and not renamed:
            Organisation.objects.filter(pk=first.pk).update(name="Omdöpt under ombyggnad")
            Organisation.objects.get(pk=first.pk).save()  # the save writes the outbox row
            renamed["done"] = True
        return organisation_document(organisation)

    registry.register(replace(registry.get(ORG_TYPE), to_document=saving_during_rebuild))
    rebuild("--chunk-size", "50")
    assert renamed
    search_engine.refresh()
    answer = search_engine.engine.request(
        "POST",
        f"/{indices.alias_name(ORG_TYPE)}/_search",
        body={"query": {"ids": {"values": [str(first.pk)]}}},
    )
    assert answer["hits"]["hits"][0]["_source"]["title"] == "Omdöpt under ombyggnad"
    assert IndexedDocument.objects.get(doc_type=ORG_TYPE, object_id=str(first.pk)).title == (
        "Omdöpt under ombyggnad"
    )
    assert not OutboxEntry.objects.exists()


def test_rebuild_also_rebuilds_the_database_copy(many):
    IndexedDocument.objects.filter(doc_type=ORG_TYPE)[:1].get().delete()
    IndexedDocument.objects.create(doc_type=ORG_TYPE, object_id="999999", title="Finns inte")
    rebuild()
    mirrored = set(
        IndexedDocument.objects.filter(doc_type=ORG_TYPE).values_list("object_id", flat=True)
    )
    assert mirrored == {str(o.pk) for o in many}


def test_status_shows_counts_per_index(org_type, search_engine):
    OrganisationFactory(name="Ett")
    OrganisationFactory(name="Två")
    search_engine.drain()
    OrganisationFactory(name="Tre")  # not drained yet: pending in the outbox
    out = StringIO()
    call_command("search_index", "status", "--type", ORG_TYPE, stdout=out)
    row = next(line for line in out.getvalue().splitlines() if line.startswith(ORG_TYPE))
    assert row.split()[1:6] == ["3", "2", "2", "1", "0"]  # database, engine, copy, pending, failing
    assert "opensearch" in out.getvalue()


def test_reconcile_fixes_drift_both_ways(many, search_engine):
    engine = search_engine.engine
    alias = indices.alias_name(ORG_TYPE)
    missing = many[5]
    engine.request("DELETE", f"/{alias}/_doc/{missing.pk}", params={"refresh": "true"})
    engine.request(
        "PUT", f"/{alias}/_doc/424242", body={"title": "Spöke"}, params={"refresh": "true"}
    )
    IndexedDocument.objects.filter(doc_type=ORG_TYPE, object_id=str(many[6].pk)).delete()
    drift = find_drift(types=[ORG_TYPE])[0]
    assert drift.missing_in_engine == {str(missing.pk)}
    assert drift.extra_in_engine == {"424242"}
    assert drift.missing_in_mirror == {str(many[6].pk)}

    out = StringIO()
    call_command("search_index", "reconcile", "--type", ORG_TYPE, stdout=out)
    assert "saknas i sökmotorn 1" in out.getvalue()
    drift = find_drift(types=[ORG_TYPE])[0]
    assert not drift.to_fix
    assert search_engine.count(ORG_TYPE) == 300


def test_unknown_type_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Okänd typ: planeter"):
        call_command("search_index", "status", "--type", "planeter")
