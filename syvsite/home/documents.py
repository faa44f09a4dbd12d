"""Search registration for the site's own information pages (about, accessibility, privacy).

The reference example for domain apps: a document class with the common fields (plus, here,
nothing of its own) and a SearchType saying which objects belong in the index and how one
object becomes a document. The search app finds this module by itself (registry.autodiscover).
"""

from django.utils.translation import gettext_lazy as _

from search.documents import VISIBILITY_PUBLIC, BaseDocument
from search.registry import SearchType, register


class InformationPageDocument(BaseDocument):
    """Only the common fields. A domain type adds its own, e.g. `phase = Keyword(multi=True)`."""


def searchable_text(stream) -> str:
    """The words of a StreamField, as Wagtail's own search sees them (no markup)."""
    parts: list[str] = []
    for child in stream:
        parts += [str(text) for text in child.block.get_searchable_content(child.value)]
    return "\n".join(part for part in parts if part)


def get_queryset():
    from .models import StandardPage

    # Exactly what belongs in the index: published and without a view restriction.
    return StandardPage.objects.live().public()


def to_document(page) -> dict:
    return {
        "title": page.title,
        "summary": page.search_description or page.intro,
        "body": "\n".join(filter(None, [page.intro, searchable_text(page.body)])),
        "url": page.url or "",
        "county": [],
        "municipality": [],
        "audience": [],
        "date": page.last_reviewed or page.last_published_at,
        "visibility": VISIBILITY_PUBLIC,
        "location": None,
        "tags": [],
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
