"""Staff manage forum categories in the Wagtail admin (snippet), with a link to moderation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category
from .permissions import can_moderate


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Forumkategorier")
    menu_name = "forumkategorier"
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name", "slug", "visibility", "position"]
    list_filter = ["visibility"]
    search_fields = ["name", "description"]
    ordering = ["position", "name"]


register_snippet(CategoryViewSet)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Forummoderering"), reverse("forum:moderation"), icon_name="warning", order=410
    )
