"""The facts bank in the search engine: one document per live, public entry.

Target groups go in the common `audience` field and themes in `method_theme`, the same
fields and vocabularies as the method bank, so one theme or target-group filter in the site
search narrows methods and facts together. Kind and year are the facts bank's own facets.
"""

from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Integer, Keyword

from search.documents import BaseDocument
from search.registry import Facet, ModelLabels, Related, SearchType, register
from search.text import joined

DOC_TYPE = "fact"


class FactDocument(BaseDocument):
    fact_kind = Keyword()
    method_theme = Keyword(multi=True)
    fact_year = Keyword()
    year_sort = Integer()
    title_sort = Keyword()


def get_queryset():
    from .models import FactPage

    return FactPage.objects.live().public().prefetch_related("themes", "target_groups")


def to_document(page) -> dict:
    themes = list(page.themes.all())
    identifiers = [value for _label, value in page.identifiers]
    return {
        "title": page.title,
        "summary": page.summary,
        "body": joined(
            page.authors,
            page.publisher,
            page.series,
            page.key_findings,
            page.implications,
            *identifiers,
            *(theme.name for theme in themes),
        ),
        "url": page.url,
        "audience": [group.name for group in page.target_groups.all()],
        "date": page.last_published_at,
        "tags": [theme.name for theme in themes],
        "fact_kind": page.kind,
        "method_theme": [theme.slug for theme in themes],
        "fact_year": str(page.year) if page.year else None,
        "year_sort": page.year or 0,
        "title_sort": page.title.lower(),
    }


def _kind_labels() -> dict[str, str]:
    from .models import Kind

    return dict(Kind.choices)


def _facts_with_term(term) -> list[int]:
    return list(term.facts.values_list("pk", flat=True))


register(
    SearchType(
        name=DOC_TYPE,
        label=_("Fakta"),
        document=FactDocument,
        model="facts.FactPage",
        get_queryset=get_queryset,
        to_document=to_document,
        is_page=True,
        facets=(
            Facet("fact_kind", _("Typ av underlag"), param="faktatyp", labels=_kind_labels()),
            Facet("method_theme", _("Tema"), param="tema", labels=ModelLabels("methods.Theme")),
            Facet("fact_year", _("År"), param="ar", size=50),
        ),
        related=(
            Related("methods.Theme", _facts_with_term),
            Related("methods.TargetGroup", _facts_with_term),
        ),
        sortable=("year_sort", "title_sort"),
    )
)
