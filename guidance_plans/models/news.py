"""News: `/nyheter/` lists news pages, filterable by theme, with RSS and Atom feeds."""

from datetime import date

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from syvsite.core.registry import PageContextMixin
from syvsite.home.blocks import BodyBlock

from .mixins import BreadcrumbMixin


class NewsTheme(models.Model):
    """A fixed theme a news item is tagged with (loaded by a data migration)."""

    slug = models.SlugField(_("kortnamn"), max_length=60, unique=True)
    name = models.CharField(_("namn"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("nyhetstema")
        verbose_name_plural = _("nyhetsteman")

    def __str__(self) -> str:
        return self.name


class NewsIndexPage(PageContextMixin, Page):
    """`/nyheter/`: the listing and its theme filter are extra context registered in apps.py."""

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance_plans.NewsPage"]
    max_count = 1
    template = "guidance_plans/news_index.html"

    class Meta:
        verbose_name = _("nyhetslista")


class NewsPage(BreadcrumbMixin, Page):
    date = models.DateField(_("datum"), default=date.today)
    intro = models.TextField(_("ingress"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("brödtext"))
    themes = ParentalManyToManyField(
        NewsTheme, related_name="news_pages", blank=True, verbose_name=_("teman")
    )
    municipalities = ParentalManyToManyField(
        "regions.Municipality",
        related_name="news_pages",
        blank=True,
        verbose_name=_("berörda kommuner"),
        help_text=_("Valfritt: kommuner som nyheten särskilt gäller."),
    )
    source_name = models.CharField(_("källa"), max_length=200, blank=True)
    source_url = models.URLField(_("länk till källan"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("municipalities"),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Källa")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["guidance_plans.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "guidance_plans/news_page.html"

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
