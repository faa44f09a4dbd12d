"""The outbox and what reaches the index: publish, unpublish, move, delete, related changes,
engine outages. Against the real engine."""

import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search import indices
from search.models import IndexedDocument, OutboxEntry
from search.outbox import enqueue
from search.services import search
from syvsite.organisations.models import Membership
from tests.factories import OrganisationFactory, UserFactory
from tests.search.conftest import ORG_TYPE, publish_page

pytestmark = pytest.mark.search


def engine_doc(search_engine, doc_type, object_id):
    search_engine.refresh()
    alias = indices.alias_name(doc_type)
    body = {"query": {"ids": {"values": [str(object_id)]}}}
    hits = search_engine.engine.request("POST", f"/{alias}/_search", body=body)["hits"]["hits"]
    return hits[0]["_source"] if hits else None


def test_changes_are_coalesced_per_object(db):
    enqueue(doc_type="page", object_ids=[7, 7, 8])
    first = OutboxEntry.objects.get(doc_type="page", object_id="7")
    time.sleep(0.01)
    enqueue(doc_type="page", object_ids=["7"])
    assert OutboxEntry.objects.filter(doc_type="page").count() == 2
    assert OutboxEntry.objects.get(doc_type="page", object_id="7").changed_at > first.changed_at


def test_the_outbox_row_is_written_in_the_changing_transaction(db, org_type):
    with pytest.raises(RuntimeError), transaction.atomic():
        OrganisationFactory(name="Rullas tillbaka")
        assert OutboxEntry.objects.filter(doc_type=ORG_TYPE).count() == 1
        raise RuntimeError("transaction fails")
    assert not OutboxEntry.objects.filter(doc_type=ORG_TYPE).exists()


def test_publish_unpublish_and_delete_follow_the_page(search_engine):
    page = publish_page("Om SYV-portalen", intro="Vilka vi är.")
    search_engine.drain()
    assert engine_doc(search_engine, "page", page.pk)["url"] == "/om-syv-portalen/"
    assert IndexedDocument.objects.filter(doc_type="page", object_id=str(page.pk)).exists()

    page.title = "Om oss"
    page.save_revision()  # a draft: the published version stays in the index
    search_engine.drain()
    assert engine_doc(search_engine, "page", page.pk)["title"] == "Om SYV-portalen"

    page.get_latest_revision().publish()
    search_engine.drain()
    assert engine_doc(search_engine, "page", page.pk)["title"] == "Om oss"

    page.unpublish()
    search_engine.drain()
    assert engine_doc(search_engine, "page", page.pk) is None
    assert not IndexedDocument.objects.filter(doc_type="page", object_id=str(page.pk)).exists()

    page.save_revision().publish()
    search_engine.drain()
    assert engine_doc(search_engine, "page", page.pk) is not None
    page_id = page.pk
    Page.objects.get(pk=page_id).delete()
    search_engine.drain()
    assert engine_doc(search_engine, "page", page_id) is None


def test_moving_or_renaming_a_page_updates_descendants_urls(search_engine):
    parent = publish_page("Om oss", slug="om")
    child = publish_page("Tillgänglighet", slug="tillganglighet", parent=parent)
    other = publish_page("Hjälp", slug="hjalp")
    search_engine.drain()
    assert engine_doc(search_engine, "page", child.pk)["url"] == "/om/tillganglighet/"

    parent.slug = "om-portalen"
    parent.save_revision().publish()
    search_engine.drain()
    assert engine_doc(search_engine, "page", child.pk)["url"] == "/om-portalen/tillganglighet/"

    Page.objects.get(pk=parent.pk).move(Page.objects.get(pk=other.pk), pos="last-child")
    search_engine.drain()
    assert engine_doc(search_engine, "page", parent.pk)["url"] == "/hjalp/om-portalen/"
    assert (
        engine_doc(search_engine, "page", child.pk)["url"] == "/hjalp/om-portalen/tillganglighet/"
    )


def test_plain_model_save_delete_and_related_change(org_type, search_engine):
    organisation = OrganisationFactory(name="Angeredsgymnasiet")
    search_engine.drain()
    assert engine_doc(search_engine, ORG_TYPE, organisation.pk)["tags"] == []

    Membership.objects.create(user=UserFactory(), organisation=organisation)  # a related model
    search_engine.drain()
    assert engine_doc(search_engine, ORG_TYPE, organisation.pk)["tags"] == ["medlem"]

    organisation.name = "Angeredsgymnasiet i Göteborg"
    organisation.save()
    search_engine.drain()
    assert engine_doc(search_engine, ORG_TYPE, organisation.pk)["title"].endswith("Göteborg")

    organisation_id = organisation.pk
    Membership.objects.filter(organisation=organisation).delete()
    organisation.delete()
    search_engine.drain()
    assert engine_doc(search_engine, ORG_TYPE, organisation_id) is None
    assert not OutboxEntry.objects.exists()


def test_engine_down_save_succeeds_and_nothing_is_lost(org_type, search_engine, settings):
    working = settings.SEARCH["URL"]
    settings.SEARCH = {**settings.SEARCH, "URL": "http://127.0.0.1:9"}  # nothing listens there
    organisation = OrganisationFactory(name="Nytt gymnasium under avbrottet")
    report = search_engine.drain()
    assert report.failed == 1 and report.engine_error
    entry = OutboxEntry.objects.get(doc_type=ORG_TYPE, object_id=str(organisation.pk))
    assert entry.attempts == 1 and entry.next_attempt_at and entry.last_error
    # Meanwhile the database answers, and already knows the new organisation.
    result = search(query="avbrottet", types=[ORG_TYPE])
    assert not result.engine_used and result.notice
    assert [hit.id for hit in result.hits] == [str(organisation.pk)]

    settings.SEARCH = {**settings.SEARCH, "URL": working}
    search_engine.drain()
    assert engine_doc(search_engine, ORG_TYPE, organisation.pk)["title"] == organisation.name
    assert not OutboxEntry.objects.exists()


def test_one_broken_document_does_not_block_the_others(org_type, search_engine):
    from dataclasses import replace

    from search import registry
    from tests.search.conftest import organisation_document

    def fragile(organisation):
        if organisation.name == "Trasig":
            raise ValueError("saknar fält")
        return organisation_document(organisation)

    registry.register(replace(org_type, to_document=fragile))
    good = OrganisationFactory(name="Fungerar")
    bad = OrganisationFactory(name="Trasig")
    report = search_engine.drain()
    assert report.indexed == 1 and report.failed == 1
    assert engine_doc(search_engine, ORG_TYPE, good.pk) is not None
    assert engine_doc(search_engine, ORG_TYPE, bad.pk) is None
    assert "saknar fält" in OutboxEntry.objects.get(object_id=str(bad.pk)).last_error


def test_drain_uses_few_queries_per_batch(org_type, search_engine):
    for number in range(30):
        OrganisationFactory(name=f"Skola {number}")
    with CaptureQueriesContext(connection) as queries:
        report = search_engine.drain()
    assert report.indexed == 30
    assert len(queries) < 30 * 4
