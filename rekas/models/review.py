"""Names REKAS could not place and what staff mapped them to ("Okända namn att koppla").

A row of an admission file whose programme or place (school, organiser, municipality) is
unknown waits as a `PendingAdmission`; staff map the name once (`NameAlias`), every later
import uses the alias, and the waiting rows are written then.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .admissions import ImportBatch
from .programmes import Orientation, Programme


class NameKind(models.TextChoices):
    PROGRAMME = "programme", _("Program")
    PLACE = "place", _("Skola eller huvudman")


class NameAlias(models.Model):
    """A published name mapped by staff: to a programme (and orientation) or a municipality."""

    kind = models.CharField(_("typ"), max_length=12, choices=NameKind.choices)
    key = models.CharField(_("jämförelsenyckel"), max_length=255)  # normalise_text(name)
    name = models.CharField(_("namn som publicerat"), max_length=255)
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    orientation = models.ForeignKey(
        Orientation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("kopplad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kopplat namn")
        verbose_name_plural = _("kopplade namn")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="rekas_unique_name_alias")
        ]

    def __str__(self) -> str:
        return self.name


class PendingAdmission(models.Model):
    """One validated admission row waiting for a name; it counts nowhere until written."""

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="pending", verbose_name=_("import")
    )
    row = models.PositiveIntegerField(_("rad i filen"))
    year = models.PositiveSmallIntegerField(_("år"))
    round = models.CharField(_("antagningsomgång"), max_length=12)
    # The names still unknown (blank when known) and their normalised keys, for the queue.
    programme_name = models.CharField(_("programnamn"), max_length=255, blank=True)
    programme_key = models.CharField(max_length=255, blank=True, db_index=True)
    place_name = models.CharField(_("skola eller huvudman"), max_length=255, blank=True)
    place_key = models.CharField(max_length=255, blank=True, db_index=True)
    reason = models.CharField(_("varför raden väntar"), max_length=255)
    data = models.JSONField(_("raden"), default=dict)  # validated values, ids where resolved
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["batch", "row"]
        verbose_name = _("väntande rad")
        verbose_name_plural = _("väntande rader")

    def __str__(self) -> str:
        return f"{self.year} {self.programme_name or self.place_name}"
