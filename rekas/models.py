"""REKAS data: programmes, schools, admission statistics, SSYK occupations, Yrkesbarometern.

Models stay thin: imports live in `rekas/importers/`, analysis in `rekas/analysis.py`,
shared reads in `rekas/selectors.py`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NATIONAL = "00"  # Yrkesbarometern's code for "the whole country"
# How demo content (seed.py) is marked in the data, so pages can say it is invented.
DEMO_CONCEPT_PREFIX = "demo-"  # BarometerOccupation.concept_id of demo assessments
DEMO_SOURCE = "Genererad demodata (inte från Arbetsförmedlingen)"  # ImportBatch/row source


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
    first_choice_applicants = models.PositiveIntegerField(_("förstahandssökande"), default=0)
    admitted = models.PositiveIntegerField(_("antagna"), null=True, blank=True)
    reserves = models.PositiveIntegerField(_("reserver"), null=True, blank=True)
    lowest_merit = models.DecimalField(
        _("lägsta antagningspoäng"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    median_merit = models.DecimalField(
        _("medianmeritvärde"), max_digits=5, decimal_places=1, null=True, blank=True
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
                fields=["year", "round", "school", "study_path"], name="rekas_unique_admission"
            )
        ]
        indexes = [
            models.Index(fields=["year", "round", "municipality"]),
            models.Index(fields=["programme", "year"]),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.school} {self.study_path}"


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
