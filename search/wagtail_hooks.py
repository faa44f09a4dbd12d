"""The editors' search tools in the staff pages: statistics, promoted results, synonyms."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .views import editors


class EditorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return editors.can_manage(request.user)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("sok/", editors.statistics, name="search_admin_statistics"),
        path("sok/rekommenderade/", editors.promoted, name="search_admin_promoted"),
        path("sok/rekommenderade/ny/", editors.pin, name="search_admin_pin"),
        path(
            "sok/rekommenderade/<int:promotion_id>/ta-bort/",
            editors.unpin,
            name="search_admin_unpin",
        ),
        path("sok/synonymer/", editors.synonym_list, name="search_admin_synonyms"),
    ]


search_menu = Menu(register_hook_name="register_search_editor_menu_item", construct_hook_name=None)


@hooks.register("register_search_editor_menu_item")
def statistics_item():
    return EditorMenuItem(_("Sökstatistik"), reverse("search_admin_statistics"), order=100)


@hooks.register("register_search_editor_menu_item")
def promoted_item():
    return EditorMenuItem(_("Rekommenderade träffar"), reverse("search_admin_promoted"), order=200)


@hooks.register("register_search_editor_menu_item")
def synonyms_item():
    return EditorMenuItem(_("Synonymer"), reverse("search_admin_synonyms"), order=300)


class SearchSubmenu(SubmenuMenuItem):
    def is_shown(self, request) -> bool:
        return editors.can_manage(request.user)


@hooks.register("register_admin_menu_item")
def search_menu_item():
    return SearchSubmenu(_("Sökningen"), search_menu, icon_name="search", order=910)
