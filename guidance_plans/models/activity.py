"""A denormalised table of the activities in published plans: the activity bank reads it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from syvsite.regions.models import Municipality

from ..constants import PlanRole, Stage


class PlanActivity(models.Model):
    """One activity block of a published plan. Rebuilt from the plan on every publish."""

    plan = models.ForeignKey(
        "guidance_plans.GuidancePlanPage",
        on_delete=models.CASCADE,
        related_name="activity_rows",
        verbose_name=_("plan"),
    )
    block_id = models.CharField(_("block-id"), max_length=64)
    position = models.PositiveIntegerField(_("ordning"), default=0)
    title = models.CharField(_("aktivitet"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    stage = models.CharField(_("skolform/stadium"), max_length=20, choices=Stage.choices)
    responsible_role = models.CharField(_("ansvarig roll"), max_length=30, choices=PlanRole.choices)
    timing = models.CharField(_("när"), max_length=120, blank=True)
    method = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("metod"),
    )
    fact = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("underlag"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommun")
    )
    updated_at = models.DateTimeField(_("uppdaterad"), auto_now=True)

    class Meta:
        ordering = ["municipality__name", "plan_id", "position"]
        verbose_name = _("aktivitet i vägledningsplan")
        verbose_name_plural = _("aktiviteter i vägledningsplaner")
        constraints = [
            models.UniqueConstraint(fields=["plan", "block_id"], name="one_row_per_plan_block")
        ]
        indexes = [
            models.Index(fields=["stage", "responsible_role"]),
            models.Index(fields=["municipality", "stage"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.municipality})"

    def get_absolute_url(self) -> str:
        return f"{self.plan.url}#aktivitet-{self.block_id}"
