"""The method bank in the search engine: one document per published method page.

Target groups go in the common `audience` field (labels, shared with other content types in
the unified search); themes, formats and duration are the method bank's own facets (slugs,
shown with their current names). Feedback counters are indexed so "most used" and "best
rated" sort in the engine, and a new rating or use re-indexes its method (`related`).
"""

from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Float, Integer, Keyword

from search.documents import BaseDocument
from search.registry import Facet, ModelLabels, Related, SearchType, register
from search.text import joined

DOC_TYPE = "method"


class MethodDocument(BaseDocument):
    method_theme = Keyword(multi=True)
    method_format = Keyword(multi=True)
    method_duration = Keyword()
    use_count = Integer()
    rating_count = Integer()
    rating_average = Float()
    # Sort keys with their tie-breakers folded in (see the rank helpers below).
    use_rank = Float()
    rating_rank = Float()
    title_sort = Keyword()


def get_queryset():
    from .models import MethodPage

    return (
        MethodPage.objects.live()
        .public()
        .select_related("author_organisation")
        .prefetch_related("target_groups", "themes", "formats")
    )


def _newness(page) -> float:
    """Below 1 and larger for a newer method: the "newest first" tie-breaker."""
    published = page.first_published_at.timestamp() if page.first_published_at else 0
    return published / 1e11


def use_rank(page) -> float:
    """use_count, ties broken by newest."""
    return page.use_count + _newness(page)


def rating_rank(page) -> float:
    """Average first, then the number of ratings (an average is at least 1). Unrated methods
    rank below 1, newest first; a number rather than None, so that every sort puts them last."""
    if page.rating_average is None:
        return _newness(page)
    return round(page.rating_average, 2) + min(page.rating_count, 9999) / 1e6


def to_document(page) -> dict:
    """What a method knows; the common fields it leaves out (county, municipality, location,
    visibility public) are filled in by search.indexing.prepare_source."""
    themes = list(page.themes.all())
    formats = list(page.formats.all())
    return {
        "title": page.title,
        "summary": page.summary,
        "body": joined(page.full_text(), *(term.name for term in themes + formats)),
        "url": page.url,
        "audience": [group.name for group in page.target_groups.all()],
        "date": page.first_published_at,
        "tags": [term.name for term in themes + formats],
        "method_theme": [theme.slug for theme in themes],
        "method_format": [fmt.slug for fmt in formats],
        "method_duration": page.duration,
        "use_count": page.use_count,
        "rating_count": page.rating_count,
        "rating_average": page.rating_average,
        "use_rank": use_rank(page),
        "rating_rank": rating_rank(page),
        "title_sort": page.title.lower(),
    }


def _method_id(feedback) -> list[int]:
    return [feedback.method_id]


def _methods_with_term(term) -> list[int]:
    return list(term.methods.values_list("pk", flat=True))


def _duration_labels() -> dict[str, str]:
    from .models import Duration

    return dict(Duration.choices)


register(
    SearchType(
        name=DOC_TYPE,
        label=_("Metoder"),
        document=MethodDocument,
        model="methods.MethodPage",
        get_queryset=get_queryset,
        to_document=to_document,
        is_page=True,
        facets=(
            Facet("method_theme", _("Tema"), param="tema", labels=ModelLabels("methods.Theme")),
            Facet(
                "method_format",
                _("Arbetsform"),
                param="arbetsform",
                labels=ModelLabels("methods.MethodFormat"),
            ),
            Facet(
                "method_duration", _("Tidsåtgång"), param="tidsatgang", labels=_duration_labels()
            ),
        ),
        related=(
            Related("methods.MethodRating", _method_id),
            Related("methods.MethodUse", _method_id),
            Related("methods.MethodComment", _method_id),
            Related("methods.Theme", _methods_with_term),
            Related("methods.MethodFormat", _methods_with_term),
            Related("methods.TargetGroup", _methods_with_term),
        ),
        sortable=("use_rank", "rating_rank", "title_sort", "use_count", "rating_average"),
    )
)
