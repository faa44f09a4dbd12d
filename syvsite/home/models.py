from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from syvsite.core.registry import home_panels

from .blocks import BodyBlock, SectionLinkBlock


class HomePage(Page):
    intro = models.TextField(_("ingress"), blank=True)
    sections = StreamField(
        [("section", SectionLinkBlock())], blank=True, verbose_name=_("genvägar till delarna")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("startsida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = home_panels(request)
        return context


class StandardPage(Page):
    """Plain content: about, accessibility statement, privacy policy."""

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))
    last_reviewed = models.DateField(_("senast granskad"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standardsida")
