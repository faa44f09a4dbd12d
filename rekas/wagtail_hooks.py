from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import admin as admin_views
from .views import review


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_import(request.user)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("rekas/import/", admin_views.upload, name="rekas_admin_upload"),
        path("rekas/import/spara/", admin_views.confirm, name="rekas_admin_confirm"),
        path("rekas/okanda-namn/", review.queue, name="rekas_admin_review"),
    ]


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("REKAS-import"), reverse("rekas_admin_upload"), icon_name="upload", order=900
    )


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return ImportMenuItem(
        _("Okända namn att koppla"), reverse("rekas_admin_review"), icon_name="warning", order=901
    )
