"""Turning an item into a news article: a draft under /nyheter/ for the editor to finish.

The draft carries the item's title, a plain-text intro, the sanitised summary as its body,
its themes and the source (the feed's agency and the item's link). It is never published
here: the editor reads it through, edits and publishes in Wagtail.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from guidance_plans.models import NewsIndexPage, NewsPage
from guidance_plans.services.sections import ensure_news_index
from syvsite.accounts.roles import Role, has_role

from ..exceptions import NotAllowed
from ..models import FeedItem

_TRANSLITERATION = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def can_make_news(user: AbstractBaseUser) -> bool:
    return has_role(user, Role.MODERATOR) or has_role(user, Role.ADMIN)


@transaction.atomic
def make_news(*, item: FeedItem, user: AbstractBaseUser) -> NewsPage:
    if not can_make_news(user):
        raise NotAllowed(_("Bara redaktörer kan göra nyheter av omvärldsbevakningen."))
    item = FeedItem.objects.select_for_update().select_related("feed").get(pk=item.pk)
    if item.news_page_id:
        return NewsPage.objects.get(pk=item.news_page_id)
    index = NewsIndexPage.objects.first() or ensure_news_index()
    intro = Truncator(item.summary_text or item.title).chars(400)
    page = NewsPage(
        title=item.title[:255],
        slug=_unique_slug(index, item.title),
        date=(item.published_at or timezone.now()).date(),
        intro=intro,
        body=[("paragraph", item.summary_html)] if item.summary_html else [],
        source_name=item.feed.agency[:200],
        source_url=item.link,
        owner=user,
        live=False,
    )
    page.themes = list(item.themes.all())
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    item.news_page = page
    item.save(update_fields=["news_page"])
    return page


def _unique_slug(index: NewsIndexPage, title: str) -> str:
    base = slugify(title.lower().translate(_TRANSLITERATION))[:60].strip("-") or "nyhet"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
