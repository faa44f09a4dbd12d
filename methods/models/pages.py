from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from syvsite.core.registry import PageContextMixin

from ..blocks import REFERENCE_BLOCKS, STEP_BLOCKS
from .terms import Duration, MethodFormat, TargetGroup, Theme

# Paths under /metoder/ that methods/urls.py answers, so no method page may take them.
RESERVED_SLUGS = frozenset({"bidra", "kommentarer", "granska", "skriv-ut"})

# Counters that live on the page row but belong to no revision (see with_content_json).
FEEDBACK_FIELDS = ("use_count", "rating_count", "rating_average", "comment_count")


class MethodIndexPage(PageContextMixin, Page):
    """/metoder/: the bank itself. Lists, filters and sorts the live method pages, with the
    context its builder adds (registered in methods/apps.py)."""

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["methods.MethodPage"]
    max_count = 1

    class Meta:
        verbose_name = _("metodbank")


class MethodPage(PageContextMixin, Page):
    """One method. Feedback, related methods and sharing links come from its context builder
    (registered in methods/apps.py); ratings, "used" and comments are posted to addresses
    under the page's own, answered by methods/urls.py."""

    summary = models.TextField(
        _("sammanfattning"), max_length=300, help_text=_("En eller två meningar, högst 300 tecken.")
    )
    purpose = models.TextField(_("syfte"), max_length=2000)
    target_groups = ParentalManyToManyField(
        TargetGroup, related_name="methods", verbose_name=_("målgrupper")
    )
    formats = ParentalManyToManyField(
        MethodFormat, related_name="methods", verbose_name=_("arbetsformer")
    )
    themes = ParentalManyToManyField(Theme, related_name="methods", verbose_name=_("teman"))
    duration = models.CharField(
        _("tidsåtgång"), max_length=10, choices=Duration.choices, db_index=True
    )
    time_needed = models.CharField(
        _("tidsåtgång i detalj"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Två lektioner à 60 minuter”."),
    )
    preparation = models.TextField(_("förberedelser"), max_length=3000, blank=True)
    materials = models.TextField(
        _("material"), max_length=2000, blank=True, help_text=_("En sak per rad.")
    )
    steps = StreamField(STEP_BLOCKS, min_num=1, verbose_name=_("genomförande"))
    adaptation_tips = models.TextField(_("tips för anpassning"), max_length=3000, blank=True)
    steering_references = StreamField(
        REFERENCE_BLOCKS, blank=True, verbose_name=_("koppling till styrdokument")
    )
    author_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="methods",
        verbose_name=_("organisation"),
    )
    last_reviewed = models.DateField(_("senast granskad"), null=True, blank=True)

    # Denormalised feedback, recounted by every feedback write and indexed for the "most used"
    # and "best rated" sorts.
    use_count = models.PositiveIntegerField(_("antal som använt"), default=0, editable=False)
    rating_count = models.PositiveIntegerField(_("antal betyg"), default=0, editable=False)
    rating_average = models.FloatField(_("medelbetyg"), null=True, editable=False)
    comment_count = models.PositiveIntegerField(_("antal kommentarer"), default=0, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=CheckboxSelectMultiple),
                FieldPanel("formats", widget=CheckboxSelectMultiple),
                FieldPanel("themes", widget=CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("time_needed")]),
            ],
            heading=_("Målgrupp, arbetsform och tema"),
        ),
        FieldPanel("preparation"),
        FieldPanel("materials"),
        FieldPanel("steps"),
        FieldPanel("adaptation_tips"),
        FieldPanel("steering_references"),
        InlinePanel("images", label=_("Bilder")),
        InlinePanel("attachments", label=_("Bilagor")),
        MultiFieldPanel(
            [FieldPanel("author_organisation"), FieldPanel("last_reviewed")],
            heading=_("Ansvar"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("purpose"),
    ]
    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("metod")
        verbose_name_plural = _("metoder")
        indexes = [
            models.Index(fields=["use_count"], name="method_use_count_idx"),
            models.Index(fields=["rating_average", "rating_count"], name="method_rating_idx"),
        ]

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Den här adressen är reserverad. Välj en annan.")})

    def with_content_json(self, content):
        # Feedback counters belong to the page, not to a revision: publishing an older
        # revision must not reset them.
        obj = super().with_content_json(content)
        for name in FEEDBACK_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def material_lines(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.materials.splitlines() if line.strip()]

    def full_text(self) -> str:
        """Every piece of text a counsellor might search for, for the search index."""
        parts = [self.summary, self.purpose, self.preparation, self.materials, self.time_needed]
        for step in self.steps:
            parts += [step.value["title"], step.value["instructions"]]
        parts.append(self.adaptation_tips)
        return "\n".join(part for part in parts if part)


class MethodImage(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("bild")
    )
    alt_text = models.CharField(
        _("alternativtext"),
        max_length=250,
        help_text=_("Beskriv vad bilden visar för den som inte ser den. Obligatorisk."),
    )
    caption = models.CharField(_("bildtext"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("bild")
        verbose_name_plural = _("bilder")

    def clean(self):
        super().clean()
        if not (self.alt_text or "").strip():
            raise ValidationError({"alt_text": _("Skriv en alternativtext till bilden.")})


class MethodAttachment(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("dokument"),
    )
    title = models.CharField(_("rubrik"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
