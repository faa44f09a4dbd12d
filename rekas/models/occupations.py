"""SSYK occupations, Yrkesbarometern's assessments of them and the programme ↔ occupation mapping."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .admissions import ImportBatch
from .programmes import Orientation, Programme


class OccupationalArea(models.Model):
    """Arbetsförmedlingen's occupational area (yrkesområde), e.g. "Hälso- och sjukvård"."""

    name = models.CharField(_("namn"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("yrkesområde")
        verbose_name_plural = _("yrkesområden")

    def __str__(self) -> str:
        return self.name


class Occupation(models.Model):
    """An SSYK 2012 unit group (four digits), e.g. 5321."""

    ssyk = models.CharField(_("SSYK-kod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    area = models.ForeignKey(
        OccupationalArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("yrkesområde"),
    )

    class Meta:
        ordering = ["ssyk"]
        verbose_name = _("yrke (SSYK)")
        verbose_name_plural = _("yrken (SSYK)")

    def __str__(self) -> str:
        return f"{self.ssyk} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("rekas:occupation", args=[self.ssyk])


class BarometerOccupation(models.Model):
    """An occupation as Yrkesbarometern assesses it; it may span several SSYK groups."""

    concept_id = models.CharField(_("begrepps-id"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    area = models.ForeignKey(
        OccupationalArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    occupations = models.ManyToManyField(
        Occupation, related_name="barometer_occupations", verbose_name=_("SSYK-grupper")
    )
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("yrke i Yrkesbarometern")
        verbose_name_plural = _("yrken i Yrkesbarometern")

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """Arbetsförmedlingen's assessment of one occupation in one county (or nationally), one round."""

    class Opportunities(models.TextChoices):
        SMALL = "små", _("Små")
        MEDIUM = "medelstora", _("Medelstora")
        LARGE = "stora", _("Stora")

    class Situation(models.TextChoices):
        SHORTAGE = "brist", _("Brist")
        BALANCE = "balans", _("Balans")
        SURPLUS = "överskott", _("Överskott")
        PARADOX = "paradox", _("Paradox")

    class Outlook(models.TextChoices):
        INCREASE = "öka", _("Öka")
        UNCHANGED = "vara oförändrad", _("Vara oförändrad")
        DECREASE = "minska", _("Minska")

    barometer_occupation = models.ForeignKey(
        BarometerOccupation, on_delete=models.CASCADE, related_name="assessments"
    )
    round = models.CharField(_("bedömningsomgång"), max_length=7)
    area_code = models.CharField(
        _("län"), max_length=2, help_text=_('"00" betyder hela riket, annars länskod.')
    )
    job_opportunities = models.CharField(
        _("jobbmöjligheter"), max_length=12, choices=Opportunities.choices, blank=True
    )
    recruitment_situation = models.CharField(
        _("rekryteringssituation"), max_length=12, choices=Situation.choices, blank=True
    )
    paradox = models.JSONField(_("paradoxuppgifter"), default=list, blank=True)
    outlook = models.CharField(
        _("prognos på fem år"), max_length=20, choices=Outlook.choices, blank=True
    )
    text_job_opportunities = models.TextField(_("text om jobbmöjligheter"), blank=True)
    text_recruitment = models.TextField(_("text om rekryteringssituationen"), blank=True)
    assessment_level = models.CharField(_("högsta bedömningsnivå"), max_length=20, blank=True)
    partial = models.BooleanField(_("delvis baserad på större område"), default=False)
    taxonomy_version = models.PositiveIntegerField(null=True, blank=True)
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="assessments"
    )

    class Meta:
        ordering = ["-round", "area_code"]
        verbose_name = _("bedömning")
        verbose_name_plural = _("bedömningar")
        constraints = [
            models.UniqueConstraint(
                fields=["barometer_occupation", "round", "area_code"],
                name="rekas_unique_assessment",
            )
        ]
        indexes = [models.Index(fields=["round", "area_code"])]

    def __str__(self) -> str:
        return f"{self.barometer_occupation} {self.area_code} {self.round}"


class ProgrammeOccupation(models.Model):
    """Curated link: a programme (or orientation) leads to an SSYK occupation with a weight."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="occupation_links"
    )
    orientation = models.ForeignKey(
        Orientation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    study_path = models.CharField(_("studieväg"), max_length=6)
    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="programme_links"
    )
    weight = models.DecimalField(_("vikt"), max_digits=4, decimal_places=3)

    class Meta:
        ordering = ["study_path", "-weight"]
        verbose_name = _("koppling program–yrke")
        verbose_name_plural = _("kopplingar program–yrke")
        constraints = [
            models.UniqueConstraint(
                fields=["study_path", "occupation"], name="rekas_unique_programme_occupation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.study_path} → {self.occupation.ssyk} ({self.weight})"
