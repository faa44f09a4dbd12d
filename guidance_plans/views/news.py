"""`/nyheter/`: news with theme filters and pagination; RSS and Atom feeds beside it."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode

from ..forms import NewsFilterForm
from ..models import NewsPage, NewsTheme

PER_PAGE = 10


def published_news(*, theme_slugs: list[str] | None = None) -> QuerySet:
    news = NewsPage.objects.live().public().prefetch_related("themes")
    if theme_slugs:
        news = news.filter(themes__slug__in=theme_slugs).distinct()
    return news.order_by("-date", "-first_published_at", "-pk")


def news_listing_context(request: HttpRequest, *, index_page) -> dict:
    themes = list(NewsTheme.objects.all())
    form = NewsFilterForm(
        request.GET or None, theme_choices=[(theme.slug, theme.name) for theme in themes]
    )
    chosen = form.cleaned_data.get("tema", []) if form.is_valid() else []
    news = published_news(theme_slugs=chosen).descendant_of(index_page)
    page_obj = Paginator(news, PER_PAGE).get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "themes": themes,
        "chosen_themes": chosen,
        "page_obj": page_obj,
        "news_items": page_obj.object_list,
        "feed_query": urlencode({"tema": chosen}, doseq=True) if chosen else "",
    }
