"""The page tree of guidance plans: index → one section per municipality → plans.

The model plan lives directly under the index. A plan's municipality is never chosen: it is
derived from the section the plan lives in, so a plan without a municipality cannot exist.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from syvsite.core.registry import PageContextMixin
from syvsite.regions.models import Municipality

from ..blocks import (
    RICH_TEXT_FEATURES,
    ActivityBlock,
    AttachmentBlock,
    GoalBlock,
    ResponsibilityBlock,
)
from ..constants import PLAN_SECTIONS, PlanStatus

# The Wagtail admin form is the one thing of the request layer a page names (Wagtail asks the
# page for it); forms.py imports no model, so this cannot go round in a circle.
from ..forms import GuidancePlanForm
from ..validation import MISSING_MUNICIPALITY, validity_errors
from .mixins import BreadcrumbMixin

STATUS_BADGES = {
    PlanStatus.CURRENT: "badge--success",
    PlanStatus.UPCOMING: "badge--warning",
    PlanStatus.EXPIRED: "badge--error",
}


class GuidancePlanIndexPage(PageContextMixin, Page):
    """`/vagledningsplaner/`: the status of every municipality's plan (extra context: apps.py)."""

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance_plans.MunicipalitySection", "guidance_plans.ModelPlanPage"]
    max_count = 1
    template = "guidance_plans/overview.html"

    class Meta:
        verbose_name = _("startsida för vägledningsplaner")


class MunicipalitySection(PageContextMixin, BreadcrumbMixin, Page):
    """One municipality's folder of plans; its editor group has page permissions here.

    Its listing of plans is extra context registered in apps.py.
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.PROTECT,
        related_name="guidance_plan_section",
        verbose_name=_("kommun"),
    )

    content_panels = [*Page.content_panels, FieldPanel("municipality")]
    parent_page_types = ["guidance_plans.GuidancePlanIndexPage"]
    subpage_types = ["guidance_plans.GuidancePlanPage"]
    template = "guidance_plans/municipality_section.html"

    class Meta:
        verbose_name = _("kommunens vägledningsplaner")
        verbose_name_plural = _("kommunernas vägledningsplaner")


class PlanContent(models.Model):
    """The structured sections every plan has, the model plan included."""

    summary = models.TextField(
        _("sammanfattning"),
        blank=True,
        help_text=_("Två–tre meningar som visas i listor och sökresultat."),
    )
    current_state = RichTextField(_("nulägesanalys"), blank=True, features=RICH_TEXT_FEATURES)
    goals = StreamField([("goal", GoalBlock())], blank=True, verbose_name=_("mål"))
    responsibilities = StreamField(
        [("responsibility", ResponsibilityBlock())],
        blank=True,
        verbose_name=_("ansvarsfördelning"),
    )
    activities = StreamField(
        [("activity", ActivityBlock())], blank=True, verbose_name=_("aktiviteter per skolform")
    )
    follow_up = RichTextField(
        _("uppföljning och utvärdering"), blank=True, features=RICH_TEXT_FEATURES
    )
    attachments = StreamField(
        [("attachment", AttachmentBlock())], blank=True, verbose_name=_("bilagor")
    )

    content_section_panels = [
        FieldPanel("summary"),
        FieldPanel("current_state"),
        FieldPanel("goals"),
        FieldPanel("responsibilities"),
        FieldPanel("activities"),
        FieldPanel("follow_up"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        index.SearchField("summary"),
        index.SearchField("current_state"),
        index.SearchField("follow_up"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_list"] = [(key, str(heading)) for key, heading in PLAN_SECTIONS]
        return context


class ModelPlanPage(PageContextMixin, BreadcrumbMixin, PlanContent, Page):
    """The national model plan an editor copies to start their municipality's plan.

    Whether the reader may start a plan from it is extra context registered in apps.py.
    """

    content_panels = [
        *Page.content_panels,
        HelpPanel(
            content=_(
                "Modellplanen är utgångspunkt för kommunernas egna planer. Redaktörer skapar en "
                "ny plan från den under sin kommun med ”Skapa plan från modellplanen”."
            )
        ),
        *PlanContent.content_section_panels,
    ]
    search_fields = [*Page.search_fields, *PlanContent.search_fields]
    parent_page_types = ["guidance_plans.GuidancePlanIndexPage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "guidance_plans/model_plan.html"

    class Meta:
        verbose_name = _("modellplan")

    def __str__(self) -> str:
        return self.title


class GuidancePlanPage(BreadcrumbMixin, PlanContent, Page):
    """A municipality's plan for study and career guidance, valid for a period."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="guidance_plans",
        editable=False,
        verbose_name=_("kommun"),
    )
    valid_from = models.DateField(_("giltig från"))
    valid_to = models.DateField(
        _("giltig till"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt om planen gäller tills vidare."),
    )
    adopted_by = models.CharField(
        _("beslutad av"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Utbildningsnämnden 2025-02-12, § 14”."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_to"), FieldPanel("adopted_by")],
            heading=_("Giltighet och beslut"),
        ),
        *PlanContent.content_section_panels,
    ]
    search_fields = [*Page.search_fields, *PlanContent.search_fields]
    parent_page_types = ["guidance_plans.MunicipalitySection"]
    subpage_types: list[str] = []
    template = "guidance_plans/plan.html"
    base_form_class = GuidancePlanForm

    class Meta:
        verbose_name = _("vägledningsplan")
        verbose_name_plural = _("vägledningsplaner")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.derive_municipality()
        return super().save(*args, **kwargs)

    @property
    def changes_url(self) -> str:
        """“Vad har ändrats?” (`<plan>/andringar/`, a view in urls.py); empty for a page not yet
        in the tree (a preview of a new plan)."""
        if not self.url:
            return ""
        section_slug, plan_slug = self.url_path.strip("/").split("/")[-2:]
        return reverse("guidance_plans:plan_changes", args=[section_slug, plan_slug])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["status_badge"] = STATUS_BADGES.get(self.status(), "")
        return context

    def status(self, today: date | None = None) -> str:
        """Gällande / kommande / utgången from the validity period; drafts are "ej publicerad"."""
        if not self.live:
            return PlanStatus.DRAFT
        today = today or timezone.localdate()
        if self.valid_from > today:
            return PlanStatus.UPCOMING
        if self.valid_to and self.valid_to < today:
            return PlanStatus.EXPIRED
        return PlanStatus.CURRENT

    def get_status_display(self) -> str:
        return PlanStatus(self.status()).label

    def derive_municipality(self) -> None:
        """Take the municipality from the parent section; refuse any other parent."""
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        section = parent.specific if parent is not None else None
        if not isinstance(section, MunicipalitySection):
            raise ValidationError(MISSING_MUNICIPALITY)
        self.municipality_id = section.municipality_id

    def clean(self):
        super().clean()
        errors = validity_errors(self.valid_from, self.valid_to)
        if errors:
            raise ValidationError(errors)
        if self.path:
            self.derive_municipality()
