"""Helpers for the search tests.

Besides the site's information pages (syvsite.home, a real registered type), the tests use a
type registered only for the test over a stable core model, Organisation: it has everything a
domain type has (plain-model saves and deletes, a related model, a facet with labels, counties,
municipalities, coordinates, both visibilities), without depending on another app's progress.
"""

from __future__ import annotations

import pytest
from django.utils import timezone
from elasticsearch_dsl import Keyword
from wagtail.models import Page
from wagtail.rich_text import RichText

from search import registry
from search.documents import VISIBILITY_MEMBERS, VISIBILITY_PUBLIC, BaseDocument
from search.registry import Facet, Related, SearchType
from syvsite.home.models import StandardPage
from syvsite.organisations.models import Organisation

ORG_TYPE = "test_org"


class OrganisationDocument(BaseDocument):
    kind = Keyword(multi=True)


def organisation_document(organisation: Organisation) -> dict:
    municipality = organisation.municipality
    location = None
    if municipality.latitude is not None:
        location = {"lat": municipality.latitude, "lon": municipality.longitude}
    return {
        "title": organisation.name,
        "summary": organisation.get_kind_display(),
        "body": f"{organisation.name} i {municipality.name}. {organisation.website}",
        "url": f"/organisationer/{organisation.pk}/",
        "county": [municipality.county.code],
        "municipality": [municipality.code],
        "audience": ["Gymnasieskola"] if organisation.kind == "school" else [],
        "date": organisation.created_at or timezone.now(),
        # Not yet approved organisations stand in for members-only content.
        "visibility": VISIBILITY_PUBLIC if organisation.is_approved else VISIBILITY_MEMBERS,
        "location": location,
        "tags": ["medlem"] if organisation.members.exists() else [],
        "kind": [organisation.kind],
    }


def organisation_type() -> SearchType:
    return SearchType(
        name=ORG_TYPE,
        label="Organisationer",
        document=OrganisationDocument,
        model="organisations.Organisation",
        get_queryset=lambda: Organisation.objects.select_related("municipality__county"),
        to_document=organisation_document,
        facets=(
            Facet(
                "kind",
                "Typ av organisation",
                param="orgtyp",
                labels=dict(Organisation.Kind.choices),
            ),
        ),
        related=(
            Related("organisations.Membership", lambda membership: [membership.organisation_id]),
        ),
        sortable=("date",),
    )


@pytest.fixture
def org_type():
    """The test type, registered for one test (before `search_engine` if both are used)."""
    search_type = registry.register(organisation_type())
    yield search_type
    registry.unregister(ORG_TYPE)


def publish_page(
    title: str, *, intro: str = "", body: str = "", slug: str = "", parent=None, reviewed=None
):
    """A published information page under the home page (or `parent`)."""
    parent = parent or Page.objects.get(depth=2, slug="start")
    page = StandardPage(title=title, slug=slug or _slug(title), intro=intro, last_reviewed=reviewed)
    if body:
        page.body = [("paragraph", RichText(f"<p>{body}</p>"))]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title.replace("å", "a").replace("ä", "a").replace("ö", "o"))[:50] or "sida"
