"""/fakta/ and its entries: one Wagtail page per publication, law, report or statistics source.

Methods and guidance-plan activities link to entries (a method's "Underlag", an activity's
source); the entry page lists both back. Link-check results live on the page row but belong
to no revision (see with_content_json), like the method bank's feedback counters.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from syvsite.core.registry import PageContextMixin

from .. import validation
from .choices import Access, Kind, Language

# Paths under /fakta/ that facts/urls.py answers, so no entry may take them.
RESERVED_SLUGS = frozenset({"foresla", "granska", "export"})
# Written by the link checker, not by editors: kept when an older revision is published.
LINK_FIELDS = ("link_checked_at", "link_ok", "link_status")


class FactIndexPage(PageContextMixin, Page):
    """/fakta/: lists, filters and exports the live entries (context built in views/listing.py)."""

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["facts.FactPage"]
    max_count = 1

    class Meta:
        verbose_name = _("faktabank")


class FactPage(PageContextMixin, Page):
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, db_index=True)
    authors = models.TextField(
        _("författare"),
        blank=True,
        max_length=2000,
        help_text=_("En per rad, ”Efternamn, Förnamn”. Tomt när en myndighet står som utgivare."),
    )
    publisher = models.CharField(_("utgivare"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True, db_index=True)
    link = models.URLField(_("länk"), max_length=500, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    sfs_number = models.CharField(_("SFS-nummer"), max_length=12, blank=True)
    sou_number = models.CharField(_("SOU-nummer"), max_length=14, blank=True)
    diarienummer = models.CharField(_("diarienummer"), max_length=40, blank=True)
    series = models.CharField(
        _("serie eller tidskrift"),
        max_length=200,
        blank=True,
        help_text=_(
            "Till exempel ”Journal of Social Policy” eller ”Skolinspektionens rapport 2013:5”."
        ),
    )
    language = models.CharField(
        _("språk"), max_length=10, choices=Language.choices, default=Language.SWEDISH
    )
    access = models.CharField(
        _("åtkomst"), max_length=20, choices=Access.choices, default=Access.OPEN
    )
    licence = models.CharField(_("licens"), max_length=200, blank=True)
    summary = models.TextField(_("sammanfattning"), max_length=1500)
    key_findings = models.TextField(
        _("viktigaste slutsatser"), blank=True, max_length=3000, help_text=_("En per rad.")
    )
    implications = models.TextField(
        _("vad det betyder för en vägledare"), blank=True, max_length=3000
    )
    themes = ParentalManyToManyField(
        "methods.Theme", related_name="facts", blank=True, verbose_name=_("teman")
    )
    target_groups = ParentalManyToManyField(
        "methods.TargetGroup", related_name="facts", blank=True, verbose_name=_("målgrupper")
    )
    methods = ParentalManyToManyField(
        "methods.MethodPage",
        related_name="facts",
        blank=True,
        verbose_name=_("metoder som bygger på underlaget"),
    )
    source_for_rekas = models.BooleanField(
        _("statistikkälla i REKAS"),
        default=False,
        help_text=_("Visas under ”Källor och licens” på REKAS-sidorna."),
    )
    last_reviewed = models.DateField(_("senast granskad"), null=True, blank=True)
    link_checked_at = models.DateTimeField(_("länken kontrollerad"), null=True, editable=False)
    link_ok = models.BooleanField(_("länken fungerar"), null=True, editable=False)
    link_status = models.CharField(_("länkstatus"), max_length=300, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("series")]),
        FieldPanel("link"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
                FieldRowPanel(
                    [FieldPanel("sfs_number"), FieldPanel("sou_number"), FieldPanel("diarienummer")]
                ),
            ],
            heading=_("Identifierare"),
        ),
        FieldRowPanel([FieldPanel("language"), FieldPanel("access"), FieldPanel("licence")]),
        FieldPanel("summary"),
        FieldPanel("key_findings"),
        FieldPanel("implications"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=CheckboxSelectMultiple),
                FieldPanel("methods"),
                FieldPanel("source_for_rekas"),
            ],
            heading=_("Teman, målgrupper och kopplingar"),
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["facts.FactIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("faktauppgift")
        verbose_name_plural = _("faktauppgifter")

    def clean(self):
        super().clean()
        self.clean_fact_fields()

    def clean_fact_fields(self) -> None:
        """The facts bank's own rules (identifiers, year, reserved slugs), normalising in place;
        the editor's form, the member's form and the demo data all pass through them."""
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Den här adressen är reserverad. Välj en annan.")
        for name, cleaner in validation.CLEANERS.items():
            try:
                setattr(self, name, cleaner(getattr(self, name)))
            except ValidationError as error:
                errors[name] = error.messages
        try:
            validation.clean_year(self.year)
        except ValidationError as error:
            errors["year"] = error.messages
        if self.kind == Kind.LAW and not self.sfs_number:
            errors["sfs_number"] = _("En lag eller förordning behöver sitt SFS-nummer.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in LINK_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def author_list(self) -> list[str]:
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    @property
    def finding_lines(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.key_findings.splitlines() if line.strip()]

    @property
    def identifiers(self) -> list[tuple[str, str]]:
        """(label, value) of each identifier the entry has, for the page and the exports."""
        fields = ("sfs_number", "sou_number", "doi", "isbn", "diarienummer")
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]
