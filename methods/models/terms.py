"""Controlled vocabularies: target groups, formats and themes (the first terms come from the
data migration 0002).

Editors can add themes in the Wagtail admin; the slugs are the values in filter URLs and in
the search index, so they never change once in use.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Term(models.Model):
    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(
        _("kortnamn"),
        max_length=80,
        unique=True,
        help_text=_("Används i webbadresser och filter. Ändra inte när termen används."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class MethodFormat(Term):
    class Meta(Term.Meta):
        verbose_name = _("arbetsform")
        verbose_name_plural = _("arbetsformer")


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("tema")
        verbose_name_plural = _("teman")


class Duration(models.TextChoices):
    """Time needed, in buckets a counsellor plans with (a lesson is 40–60 minutes)."""

    SHORT = "kort", _("Kortare än 30 minuter")
    LESSON = "lektion", _("30–60 minuter")
    LONG = "lang", _("Mer än en timme")
    SERIES = "flera", _("Flera tillfällen")
