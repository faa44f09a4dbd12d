"""RSS 2.0 and Atom 1.0 feeds of the news, optionally narrowed to themes (`?tema=<slug>`)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from ..models import NewsTheme
from ..selectors import news_index, published_news

FEED_SIZE = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _(
        "Nytt om arbetsmarknad, utbildning, styrdokument och vägledning från SYV-portalen."
    )
    language = "sv"

    def get_object(self, request, *args, **kwargs):
        slugs = request.GET.getlist("tema")
        return list(NewsTheme.objects.filter(slug__in=slugs))

    def link(self, themes):
        index = news_index()
        return index.url if index is not None else reverse("wagtail_serve", args=[""])

    def title(self, themes):
        base = str(_("SYV-portalen: nyheter"))
        return f"{base} – {', '.join(t.name for t in themes)}" if themes else base

    def items(self, themes):
        return published_news(theme_slugs=[t.slug for t in themes])[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        # Relative: Django makes it absolute with the host the feed was requested on.
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
