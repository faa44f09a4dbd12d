"""Search registration for the site's own information pages (about, accessibility, privacy).

The reference example for domain apps: a document class with the common fields (plus, here,
nothing of its own) and a SearchType saying which objects belong in the index and how one
object becomes a document. The search app finds this module by itself (registry.autodiscover).
"""

from django.utils.translation import gettext_lazy as _

from search.documents import BaseDocument
from search.registry import SearchType, register
from search.text import joined, stream_text


class InformationPageDocument(BaseDocument):
    """Only the common fields. A domain type adds its own, e.g. `phase = Keyword(multi=True)`."""


def get_queryset():
    from .models import StandardPage

    # Exactly what belongs in the index: published and without a view restriction.
    return StandardPage.objects.live().public()


def to_document(page) -> dict:
    """What this page knows; common fields left out (county, audience, location, …) are
    filled with their empty values by search.indexing.prepare_source."""
    return {
        "title": page.title,
        "summary": page.search_description or page.intro,
        "body": joined(page.intro, stream_text(page.body)),
        "url": page.url,
        "date": page.last_reviewed or page.last_published_at,
    }


register(
    SearchType(
        name="page",
        label=_("Informationssidor"),
        document=InformationPageDocument,
        model="home.StandardPage",
        get_queryset=get_queryset,
        to_document=to_document,
        is_page=True,
    )
)
