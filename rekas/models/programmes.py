"""Upper-secondary programmes, their orientations and the names they are written as."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    """A national programme (e.g. "VO") or an introduction programme of the upper-secondary school."""

    class Kind(models.TextChoices):
        VOCATIONAL = "vocational", _("Yrkesprogram")
        PREPARATORY = "preparatory", _("Högskoleförberedande program")
        INTRODUCTION = "introduction", _("Introduktionsprogram")

    code = models.CharField(_("programkod"), max_length=5, unique=True)
    name = models.CharField(_("namn"), max_length=120)
    kind = models.CharField(_("programtyp"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("gymnasieprogram")
        verbose_name_plural = _("gymnasieprogram")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rekas:programme", args=[self.code])


class Orientation(models.Model):
    """An orientation (inriktning), identified by its study-path code such as "NANAT"."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="orientations", verbose_name=_("program")
    )
    code = models.CharField(_("studievägskod"), max_length=6, unique=True)
    name = models.CharField(_("namn"), max_length=120)

    class Meta:
        ordering = ["programme__name", "name"]
        verbose_name = _("inriktning")
        verbose_name_plural = _("inriktningar")

    def __str__(self) -> str:
        return f"{self.programme.name} – {self.name}"


class ProgrammeName(models.Model):
    """A name a programme has had (or is written as in regional files), for name matching."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("namn"), max_length=160)
    valid_from = models.PositiveSmallIntegerField(_("gäller från år"), null=True, blank=True)
    valid_to = models.PositiveSmallIntegerField(_("gäller till år"), null=True, blank=True)

    class Meta:
        verbose_name = _("programnamn")
        verbose_name_plural = _("programnamn")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "name"], name="rekas_unique_programme_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
