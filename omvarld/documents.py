"""Omvärldsbevakning in the search engine: one document per fetched item of an active feed.

The source is the feed's slug (shown with its name); themes are the news themes' slugs, the
same field (`news_theme`) whoever else registers it.
"""

from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Keyword

from search.documents import BaseDocument
from search.registry import Facet, ModelLabels, Related, SearchType, register
from search.text import joined

DOC_TYPE = "omvarld"


class FeedItemDocument(BaseDocument):
    omvarld_source = Keyword()
    news_theme = Keyword(multi=True)


def get_queryset():
    from .models import FeedItem

    return (
        FeedItem.objects.filter(feed__active=True).select_related("feed").prefetch_related("themes")
    )


def to_document(item) -> dict:
    from django.urls import reverse

    themes = list(item.themes.all())
    return {
        "title": item.title,
        "summary": item.summary_text[:1000],
        "body": joined(item.summary_text, item.feed.agency),
        "url": item.link or reverse("omvarld:stream"),
        "date": item.published_at or item.fetched_at,
        "tags": [theme.name for theme in themes],
        "omvarld_source": item.feed.slug,
        "news_theme": [theme.slug for theme in themes],
    }


def _items_of_feed(feed) -> list[int]:
    return list(feed.items.values_list("pk", flat=True))


def _items_with_theme(theme) -> list[int]:
    return list(theme.omvarld_items.values_list("pk", flat=True))


register(
    SearchType(
        name=DOC_TYPE,
        label=_("Omvärld"),
        document=FeedItemDocument,
        model="omvarld.FeedItem",
        get_queryset=get_queryset,
        to_document=to_document,
        facets=(
            Facet("omvarld_source", _("Källa"), param="kalla", labels=ModelLabels("omvarld.Feed")),
            Facet(
                "news_theme",
                _("Nyhetstema"),
                param="nyhetstema",
                labels=ModelLabels("guidance_plans.NewsTheme"),
            ),
        ),
        related=(
            Related("omvarld.Feed", _items_of_feed),
            Related("guidance_plans.NewsTheme", _items_with_theme),
        ),
    )
)
