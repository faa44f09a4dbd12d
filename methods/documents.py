"""The method bank in the search engine: one document per published method page.

Target groups go in the common `audience` field (labels, shared with other content types in
the unified search); themes, formats and duration are the method bank's own facets (slugs,
shown with their current names). Feedback counters are indexed so "most used" and "best
rated" sort in the engine, and a new rating or use re-indexes its method (`related`).
"""

import time
from collections.abc import Iterator, Mapping

from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Float, Integer, Keyword

from search.documents import VISIBILITY_PUBLIC, BaseDocument
from search.registry import Facet, Related, SearchType, register

DOC_TYPE = "method"


class MethodDocument(BaseDocument):
    method_theme = Keyword(multi=True)
    method_format = Keyword(multi=True)
    method_duration = Keyword()
    use_count = Integer()
    rating_count = Integer()
    rating_average = Float()
    # Sort keys with the database path's tie-breakers folded in (see rank helpers below).
    use_rank = Float()
    rating_rank = Float()
    title_sort = Keyword()


class TermLabels(Mapping):
    """slug → current name of a vocabulary model, for facet labels (re-read every minute)."""

    ttl_seconds = 60

    def __init__(self, model_name: str):
        self.model_name = model_name
        self._cache: dict[str, str] = {}
        self._read_at = float("-inf")

    def _labels(self) -> dict[str, str]:
        from django.apps import apps

        if time.monotonic() - self._read_at > self.ttl_seconds:
            model = apps.get_model("methods", self.model_name)
            self._cache = dict(model.objects.values_list("slug", "name"))
            self._read_at = time.monotonic()
        return self._cache

    def __getitem__(self, key: str) -> str:
        return self._labels()[key]

    def __contains__(self, key) -> bool:
        return key in self._labels()

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels())

    def __len__(self) -> int:
        return len(self._labels())


def get_queryset():
    from .models import MethodPage

    return (
        MethodPage.objects.live()
        .public()
        .select_related("author_organisation")
        .prefetch_related("target_groups", "themes", "formats")
    )


def use_rank(page) -> float:
    """use_count, ties broken by newest (the fraction stays below 1)."""
    published = page.first_published_at.timestamp() if page.first_published_at else 0
    return page.use_count + published / 1e11


def rating_rank(page) -> float | None:
    """Average first, then the number of ratings; unrated methods sort last (None)."""
    if page.rating_average is None:
        return None
    return round(page.rating_average, 2) + min(page.rating_count, 9999) / 1e6


def to_document(page) -> dict:
    themes = list(page.themes.all())
    formats = list(page.formats.all())
    return {
        "title": page.title,
        "summary": page.summary,
        "body": "\n".join([page.full_text(), *(term.name for term in themes + formats)]),
        "url": page.url or "",
        "county": [],
        "municipality": [],
        "audience": [group.name for group in page.target_groups.all()],
        "date": page.first_published_at,
        "visibility": VISIBILITY_PUBLIC,
        "location": None,
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
            Facet("method_theme", _("Tema"), param="tema", labels=TermLabels("Theme")),
            Facet(
                "method_format",
                _("Arbetsform"),
                param="arbetsform",
                labels=TermLabels("MethodFormat"),
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
