"""Omvärldsbevakning in the Wagtail admin: the feeds (with their health) and the theme rules."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Feed, ThemeRule
from .services.tagging import retag_all


class FeedViewSet(SnippetViewSet):
    model = Feed
    icon = "link"
    list_display = ["name", "agency", "status", "last_fetched_at", "last_error", "active"]
    list_filter = ["status", "active"]
    search_fields = ["name", "agency", "url"]


class ThemeRuleViewSet(SnippetViewSet):
    model = ThemeRule
    icon = "tag"
    list_display = ["theme", "words", "active"]


class OmvarldGroup(SnippetViewSetGroup):
    menu_label = _("Omvärldsbevakning")
    menu_icon = "globe"
    menu_name = "omvarld"
    items = (FeedViewSet, ThemeRuleViewSet)


register_snippet(OmvarldGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def retag_after_rule_change(request, instance):
    # A changed rule applies to the items already fetched too, not only to new ones.
    rules = instance if isinstance(instance, list) else [instance]
    if any(isinstance(rule, ThemeRule) for rule in rules):
        retag_all()
