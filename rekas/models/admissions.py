"""Admission statistics per school, programme, year and round, and the imports that wrote them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .programmes import Orientation, Programme


class School(models.Model):
    """A school as named in admission statistics, optionally linked to a school organisation."""

    name = models.CharField(_("namn"), max_length=200)
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        related_name="rekas_schools",
        verbose_name=_("kommun"),
    )
    school_unit_code = models.CharField(_("skolenhetskod"), max_length=8, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rekas_schools",
        limit_choices_to={"kind": "school"},
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("skola")
        verbose_name_plural = _("skolor")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="rekas_unique_school_name_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One committed import: what was read, from whom, and its report."""

    class Kind(models.TextChoices):
        YRKESBAROMETER = "yrkesbarometer", _("Yrkesbarometern")
        ADMISSIONS = "admissions", _("Antagningsstatistik")
        MAPPING = "mapping", _("Program–yrke-koppling")
        UHR = "uhr", _("Högskoleantagning (UHR)")
        YH = "yh", _("YH-sökande och antagna (SCB)")
        YH_OUTCOMES = "yh_outcomes", _("YH-uppföljning (SCB)")
        SCB = "scb", _("Matchningsindikatorer (SCB)")
        EDUCATION_MAPPING = "education_mapping", _("Utbildning–yrke-koppling (YH, högskola)")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    file_name = models.CharField(_("filnamn"), max_length=255)
    source = models.CharField(_("källa"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("importerad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rows_read = models.PositiveIntegerField(_("lästa rader"), default=0)
    rows_written = models.PositiveIntegerField(_("skrivna rader"), default=0)
    rows_replaced = models.PositiveIntegerField(_("ersatta rader"), default=0)
    rows_flagged = models.PositiveIntegerField(_("rader att granska"), default=0)
    report = models.JSONField(_("rapport"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("importer")
        permissions = [("import_rekas_data", _("Kan importera REKAS-data"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"


class AdmissionStatistic(models.Model):
    """One school's admission figures for one programme (or orientation), year and round."""

    class Round(models.TextChoices):
        PRELIMINARY = "preliminary", _("Preliminär antagning")
        FINAL = "final", _("Slutlig antagning")

    year = models.PositiveSmallIntegerField(_("år"))
    round = models.CharField(_("antagningsomgång"), max_length=12, choices=Round.choices)
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="admissions", verbose_name=_("skola")
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="admissions", verbose_name=_("program")
    )
    orientation = models.ForeignKey(
        Orientation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="admissions",
        verbose_name=_("inriktning"),
    )
    # Programme code or orientation code: part of the unique key (a nullable FK can't be).
    study_path = models.CharField(_("studieväg"), max_length=6)
    places = models.PositiveIntegerField(_("platser"), null=True, blank=True)
    # Every figure is optional: NULL means "not published" by the office, never 0.
    first_choice_applicants = models.PositiveIntegerField(
        _("förstahandssökande"), null=True, blank=True
    )
    admitted = models.PositiveIntegerField(_("antagna"), null=True, blank=True)
    admitted_first_choice = models.PositiveIntegerField(
        _("antagna i första hand"), null=True, blank=True
    )
    reserves = models.PositiveIntegerField(_("reserver"), null=True, blank=True)
    lowest_merit = models.DecimalField(
        _("lägsta antagningspoäng"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    median_merit = models.DecimalField(
        _("medianmeritvärde"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    mean_merit = models.DecimalField(
        _("medelmeritvärde"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    # The published name beyond the programme or orientation REKAS recognised ("Alpin Rig",
    # "Musik, spetsutbildning, riksrekrytering, Horn"): part of the key, so variants stay apart.
    variant = models.CharField(
        _("variant som publicerad"), max_length=200, blank=True, default="", db_default=""
    )
    needs_review = models.BooleanField(_("granskas"), default=False)
    review_note = models.CharField(_("granskningsnotering"), max_length=255, blank=True)
    source = models.CharField(_("källa"), max_length=200, blank=True)
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="admissions"
    )

    class Meta:
        ordering = ["-year", "round", "programme__name"]
        verbose_name = _("antagningsstatistik")
        verbose_name_plural = _("antagningsstatistik")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "round", "school", "study_path", "variant"],
                name="rekas_unique_admission",
            )
        ]
        indexes = [
            models.Index(fields=["year", "round", "municipality"]),
            models.Index(fields=["programme", "year"]),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.school} {self.study_path}"
