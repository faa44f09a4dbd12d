"""Wagtail admin integration: snippets, the model-plan action and section/permission setup."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CoordinationBody, GuidancePlanIndexPage, MunicipalitySection, NewsTheme
from .services.sections import ensure_editor_group
from .services.workflow import ensure_plan_workflow
from .views.admin import CreatePlanFromModelView


class CoordinationBodyViewSet(SnippetViewSet):
    model = CoordinationBody
    icon = "group"
    menu_label = _("Regional samverkan")
    list_display = ["name", "short_name", "kind", "county"]
    list_filter = ["kind", "county"]
    search_fields = ["name", "short_name"]
    ordering = ["county__code", "name"]


class NewsThemeViewSet(SnippetViewSet):
    model = NewsTheme
    icon = "tag"
    menu_label = _("Nyhetsteman")
    list_display = ["name", "slug", "sort_order"]


class GuidancePlanSnippets(SnippetViewSetGroup):
    items = (CoordinationBodyViewSet, NewsThemeViewSet)
    menu_icon = "list-ul"
    menu_label = _("Vägledningsplaner")
    menu_name = "vagledningsplaner"


register_snippet(GuidancePlanSnippets)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "vagledningsplaner/ny-fran-modellplan/",
            CreatePlanFromModelView.as_view(),
            name="guidance_plans_create_from_model",
        )
    ]


def _create_from_model_button(page, user, priority):
    specific = page.specific_deferred
    if (
        isinstance(specific, MunicipalitySection)
        and page.permissions_for_user(user).can_add_subpage()
    ):
        url = reverse("guidance_plans_create_from_model") + f"?section={page.pk}"
        yield Button(_("Skapa plan från modellplanen"), url, icon_name="copy", priority=priority)


@hooks.register("register_page_header_buttons")
def section_header_buttons(page, user, view_name, next_url=None):
    yield from _create_from_model_button(page, user, priority=16)


@hooks.register("register_page_listing_more_buttons")
def section_listing_buttons(page, user, next_url=None):
    yield from _create_from_model_button(page, user, priority=15)


@hooks.register("after_create_page")
def set_up_new_page(request, page):
    """Sections get their editor group, the index its review workflow, whoever creates them."""
    specific = page.specific
    if isinstance(specific, MunicipalitySection):
        ensure_editor_group(section=specific)
    elif isinstance(specific, GuidancePlanIndexPage):
        ensure_plan_workflow(index_page=specific)
