"""The method bank in the Wagtail admin: vocabularies and comments under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MethodComment, MethodFormat, MethodPage, TargetGroup, Theme
from .services.feedback import refresh_feedback_counts


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class MethodFormatViewSet(SnippetViewSet):
    model = MethodFormat
    icon = "list-ul"
    list_display = ["name", "slug", "sort_order"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class MethodCommentViewSet(SnippetViewSet):
    model = MethodComment
    icon = "comment"
    list_display = ["text", "method", "user", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["text"]
    ordering = ["-created_at"]
    panels = [FieldPanel("text"), FieldPanel("status"), FieldPanel("moderation_note")]


class MethodBankGroup(SnippetViewSetGroup):
    menu_label = _("Metodbank")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (ThemeViewSet, TargetGroupViewSet, MethodFormatViewSet, MethodCommentViewSet)


register_snippet(MethodBankGroup)


@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def refresh_counts_after_admin_edit(request, instance):
    # A comment approved or removed in the admin changes the method's counters too.
    comments = instance if isinstance(instance, list) else [instance]
    method_ids = {c.method_id for c in comments if isinstance(c, MethodComment)}
    for method in MethodPage.objects.filter(pk__in=method_ids):
        refresh_feedback_counts(method=method)
