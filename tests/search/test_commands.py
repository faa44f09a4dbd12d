"""`search_index` without a working engine: clear Swedish messages, nothing lost."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.models import IndexedDocument, OutboxEntry
from tests.factories import OrganisationFactory
from tests.search.conftest import ORG_TYPE


def test_rebuild_without_engine_rebuilds_the_database_copy(org_type, db):
    organisation = OrganisationFactory(name="Bara i databasen")
    IndexedDocument.objects.all().delete()
    out = StringIO()
    call_command("search_index", "rebuild", "--type", ORG_TYPE, "--no-progress", stdout=out)
    assert "SEARCH_URL är inte satt" in out.getvalue()
    assert IndexedDocument.objects.filter(object_id=str(organisation.pk)).exists()


def test_rebuild_with_the_engine_down_says_so(org_type, db, settings):
    settings.SEARCH = {**settings.SEARCH, "URL": "http://127.0.0.1:9"}
    with pytest.raises(CommandError, match="Sökmotorn svarade inte"):
        call_command(
            "search_index", "rebuild", "--type", ORG_TYPE, "--no-progress", stdout=StringIO()
        )


def test_sync_with_the_engine_down_keeps_the_rows_and_says_how_many(org_type, db, settings):
    settings.SEARCH = {**settings.SEARCH, "URL": "http://127.0.0.1:9", "DRAIN": "off"}
    OrganisationFactory(name="Väntar")
    OrganisationFactory(name="Väntar också")
    with pytest.raises(CommandError, match="2 ändringar ligger kvar i utkorgen efter 0 omförsök"):
        call_command("search_index", "sync", "--retries", "0", stdout=StringIO(), stderr=StringIO())
    assert OutboxEntry.objects.count() == 2
    assert IndexedDocument.objects.filter(doc_type=ORG_TYPE).count() == 2  # the copy is current


def test_status_without_engine(org_type, db):
    OrganisationFactory(name="Ett")
    out = StringIO()
    call_command("search_index", "status", "--type", ORG_TYPE, "--json", stdout=out)
    assert '"status": "not_configured"' in out.getvalue()
    assert '"in_database": 1' in out.getvalue()
