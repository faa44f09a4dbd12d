"""Feeds staff follow, the items fetched from them and the rules that tag items with themes.

Themes are the news themes (guidance_plans.NewsTheme), so an item turned into a news article
keeps its themes and the stream and /nyheter/ filter by the same words.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Feed(models.Model):
    class Status(models.TextChoices):
        NEVER = "never", _("Inte hämtat ännu")
        OK = "ok", _("Fungerar")
        ERROR = "error", _("Fel")

    name = models.CharField(_("namn"), max_length=120)
    slug = models.SlugField(
        _("kortnamn"), max_length=60, unique=True, help_text=_("Används i filter.")
    )
    agency = models.CharField(_("myndighet"), max_length=120)
    url = models.URLField(_("flödets adress"), max_length=500, unique=True)
    source_page = models.URLField(
        _("var adressen står"),
        max_length=500,
        help_text=_("Myndighetens sida som anger flödets adress, så att den kan kontrolleras."),
    )
    active = models.BooleanField(_("hämtas"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEVER, editable=False
    )
    last_fetched_at = models.DateTimeField(_("senast hämtat"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("senast lyckat"), null=True, editable=False)
    last_error = models.CharField(_("senaste fel"), max_length=500, blank=True, editable=False)
    failures = models.PositiveIntegerField(
        _("misslyckade hämtningar i rad"), default=0, editable=False
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("agency"),
        FieldPanel("url"),
        FieldPanel("source_page"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("flöde")
        verbose_name_plural = _("flöden")

    def __str__(self) -> str:
        return self.name


class ThemeRule(models.Model):
    """Items whose title or summary contains one of the words get the theme."""

    theme = models.ForeignKey(
        "guidance_plans.NewsTheme",
        on_delete=models.CASCADE,
        related_name="omvarld_rules",
        verbose_name=_("tema"),
    )
    words = models.TextField(
        _("ord"),
        help_text=_(
            "Ett ord eller uttryck per rad. Stora och små bokstäver spelar ingen roll; "
            "”yrkesprogram” träffar också ”yrkesprogrammen”."
        ),
    )
    active = models.BooleanField(_("används"), default=True)

    panels = [FieldPanel("theme"), FieldPanel("words"), FieldPanel("active")]

    class Meta:
        ordering = ["theme__sort_order", "pk"]
        verbose_name = _("temaregel")
        verbose_name_plural = _("temaregler")

    def __str__(self) -> str:
        return f"{self.theme}: {', '.join(self.word_list[:3])}"

    @property
    def word_list(self) -> list[str]:
        return [line.strip() for line in self.words.splitlines() if line.strip()]


class FeedItem(models.Model):
    feed = models.ForeignKey(
        Feed, on_delete=models.CASCADE, related_name="items", verbose_name=_("flöde")
    )
    key = models.CharField(
        _("id i flödet"), max_length=500, help_text=_("Postens id, annars dess länk.")
    )
    title = models.CharField(_("rubrik"), max_length=500)
    link = models.URLField(_("länk"), max_length=1000, blank=True)
    summary_html = models.TextField(_("sammanfattning"), blank=True)  # sanitised when stored
    summary_text = models.TextField(_("sammanfattning som text"), blank=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, db_index=True)
    fetched_at = models.DateTimeField(_("hämtad"), auto_now_add=True)
    themes = models.ManyToManyField(
        "guidance_plans.NewsTheme",
        related_name="omvarld_items",
        blank=True,
        verbose_name=_("teman"),
    )
    news_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nyhetsartikel"),
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("post i omvärldsbevakningen")
        verbose_name_plural = _("poster i omvärldsbevakningen")
        constraints = [
            models.UniqueConstraint(fields=["feed", "key"], name="omvarld_item_once_per_feed")
        ]

    def __str__(self) -> str:
        return self.title
