"""Regional coordination: counties/regions and municipal associations, with contact persons."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from syvsite.regions.models import County


class CoordinationBody(index.Indexed, ClusterableModel):
    """A body that coordinates guidance across municipalities (a Wagtail snippet)."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region/län")
        ASSOCIATION = "kommunalforbund", _("Kommunalförbund eller kommunal samverkan")
        SUBREGION = "delregion", _("Delregion")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(
        _("förkortning"), max_length=40, blank=True, help_text=_("Till exempel GR.")
    )
    slug = models.SlugField(_("kortnamn i adressen"), max_length=80, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="coordination_bodies",
        verbose_name=_("län"),
    )
    description = models.TextField(_("beskrivning"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    members = ParentalManyToManyField(
        "regions.Municipality",
        related_name="coordination_bodies",
        verbose_name=_("medlemskommuner"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("county"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("members"),
        InlinePanel("contacts", label=_("Kontaktpersoner"), min_num=0),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["county__code", "kind", "name"]
        verbose_name = _("regional samverkan")
        verbose_name_plural = _("regional samverkan")

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class CoordinationContact(Orderable):
    body = ParentalKey(CoordinationBody, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("namn"), max_length=120)
    title = models.CharField(_("titel"), max_length=160)
    area = models.CharField(
        _("ansvarsområde"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Delregional samordning av SYV-nätverket”."),
    )
    email = models.EmailField(_("e-post"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("area"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"
