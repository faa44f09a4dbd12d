"""After upper-secondary school: university programmes (UHR), YH (MYH via SCB), SCB's regional
matching indicators, and the curated links from these educations to SSYK occupations.

Each import replaces what it covers (see docs/rekas-method.md), so no row here is edited by hand
except `EducationOccupation`, the staff-curated mapping.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .admissions import ImportBatch
from .occupations import Occupation


class UniversityProgramme(models.Model):
    """A university or college programme as UHR identifies it: by its application code."""

    code = models.CharField(_("anmälningskod"), max_length=20, unique=True)
    name = models.CharField(_("namn"), max_length=255)
    institution_code = models.CharField(_("lärosätes-id"), max_length=20, blank=True)
    institution = models.CharField(_("lärosäte"), max_length=200, blank=True)
    education_type = models.CharField(_("utbildningstyp"), max_length=60, blank=True)
    study_location = models.CharField(_("studieort"), max_length=100, blank=True)
    study_pace = models.CharField(_("studietakt"), max_length=20, blank=True)
    sun_code = models.CharField(_("SUN 2020-kod"), max_length=8, blank=True)
    source = models.CharField(_("källa"), max_length=200, blank=True)

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("högskoleprogram")
        verbose_name_plural = _("högskoleprogram")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("rekas:university_programme", args=[self.code])


class UniversityAdmission(models.Model):
    """One programme's applicants and admitted in one term; selection rounds 1 and 2."""

    programme = models.ForeignKey(
        UniversityProgramme, on_delete=models.CASCADE, related_name="admissions"
    )
    term = models.CharField(_("termin"), max_length=6)  # "HT2024"
    year = models.PositiveSmallIntegerField(_("år"))
    # Sortable term: year * 10 + 1 for VT, + 2 for HT (VT comes before HT in a year).
    term_order = models.PositiveIntegerField()
    applicants = models.PositiveIntegerField(_("sökande"), null=True, blank=True)
    first_choice_applicants = models.PositiveIntegerField(
        _("förstahandssökande"), null=True, blank=True
    )
    admitted_1 = models.PositiveIntegerField(_("antagna urval 1"), null=True, blank=True)
    reserves_1 = models.PositiveIntegerField(_("reserver urval 1"), null=True, blank=True)
    admitted_2 = models.PositiveIntegerField(_("antagna urval 2"), null=True, blank=True)
    reserves_2 = models.PositiveIntegerField(_("reserver urval 2"), null=True, blank=True)
    batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-term_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "term"], name="rekas_unique_university_term"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme.code} {self.term}"


# The highest score of the national selection groups' scales. A published score above it is
# kept as published (the import flags it) and shown with a note, never as a plain fact.
SCALE_MAX = {"BI": 22.5, "BII": 22.5, "BF": 4.0, "HP": 2.0}


class UniversityScore(models.Model):
    """The lowest admitted score of one selection group in one selection round.

    `score` is on the group's own scale (BI/BII up to 22.5, HP 0–2.0, BF up to 4.0), so scores
    of different groups are never combined. `mark` keeps UHR's "*" (every eligible applicant
    admitted) and "-" (nobody admitted in the group) when there is no number."""

    admission = models.ForeignKey(
        UniversityAdmission, on_delete=models.CASCADE, related_name="scores"
    )
    selection_round = models.PositiveSmallIntegerField(_("urval"))  # 1 or 2
    group = models.CharField(_("urvalsgrupp"), max_length=20)
    score = models.DecimalField(
        _("lägsta antagningspoäng"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    mark = models.CharField(max_length=1, blank=True)  # "*", "-" or "" (a number, or none)
    admitted = models.PositiveIntegerField(_("antagna"), null=True, blank=True)
    reserves = models.PositiveIntegerField(_("reserver"), null=True, blank=True)

    class Meta:
        ordering = ["selection_round", "group"]

    def __str__(self) -> str:
        return f"{self.admission} urval {self.selection_round} {self.group}"

    @property
    def scale_max(self) -> float | None:
        return SCALE_MAX.get(self.group)

    @property
    def outside_scale(self) -> bool:
        """A number above its group's scale (e.g. HP 4.00): impossible as published."""
        limit = self.scale_max
        return self.score is not None and limit is not None and float(self.score) > limit


class YhArea(models.Model):
    """A YH education area (utbildningsområde) as MYH and SCB name it, e.g. "data/It"."""

    name = models.CharField(_("namn"), max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("utbildningsområde (YH)")
        verbose_name_plural = _("utbildningsområden (YH)")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rekas:yh") + f"?omrade={self.slug}"


class YhApplication(models.Model):
    """Applications, applicants, eligible applicants and admitted to YH programmes in one year,
    per sex, education area (None = all), home county ("00" = all) and study pace."""

    year = models.PositiveSmallIntegerField(_("år"))
    sex = models.CharField(_("kön"), max_length=10)  # total | women | men
    area = models.ForeignKey(YhArea, on_delete=models.PROTECT, null=True, related_name="+")
    county_code = models.CharField(_("hemlän"), max_length=2)
    pace = models.CharField(_("studietakt"), max_length=10)  # total | full | part
    applications = models.PositiveIntegerField(_("ansökningar"), null=True)
    applicants = models.PositiveIntegerField(_("sökande"), null=True)
    eligible_applicants = models.PositiveIntegerField(_("behöriga sökande"), null=True)
    admitted = models.PositiveIntegerField(_("antagna vid start"), null=True)
    source = models.CharField(_("källa"), max_length=200, blank=True)
    batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["year", "county_code"])]

    def __str__(self) -> str:
        return f"YH {self.year} {self.county_code} {self.area_id or 'totalt'}"


OUTCOMES = ("work", "employed", "self_employed", "job_seeking", "studying", "other")


class YhOutcome(models.Model):
    """SCB's follow-up of YH graduates: shares (percent) with their margins of error."""

    year = models.PositiveSmallIntegerField(_("år"))
    sex = models.CharField(_("kön"), max_length=10)
    area = models.ForeignKey(YhArea, on_delete=models.PROTECT, null=True, related_name="+")
    graduates = models.PositiveIntegerField(_("examinerade"), null=True)
    work = models.DecimalField(_("i arbete"), max_digits=5, decimal_places=1, null=True)
    work_margin = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    employed = models.DecimalField(_("anställda"), max_digits=5, decimal_places=1, null=True)
    employed_margin = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    self_employed = models.DecimalField(
        _("egna företagare"), max_digits=5, decimal_places=1, null=True
    )
    self_employed_margin = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    job_seeking = models.DecimalField(_("arbetssökande"), max_digits=5, decimal_places=1, null=True)
    job_seeking_margin = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    studying = models.DecimalField(_("studerande"), max_digits=5, decimal_places=1, null=True)
    studying_margin = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    other = models.DecimalField(_("annat"), max_digits=5, decimal_places=1, null=True)
    other_margin = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    source = models.CharField(_("källa"), max_length=200, blank=True)
    batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, related_name="+")

    def __str__(self) -> str:
        return f"YH-uppföljning {self.year} {self.area_id or 'totalt'}"


class MatchingRate(models.Model):
    """One cell of an SCB regional matching-indicator table (RegionInd19…): a county, sex,
    group (age/country of birth or SUN 2020 education group), measure and year."""

    table_id = models.CharField(_("tabell"), max_length=60)
    region_code = models.CharField(_("region"), max_length=4)
    sex_code = models.CharField(_("kön"), max_length=12, blank=True)
    sex_label = models.CharField(max_length=60, blank=True)
    group_dimension = models.CharField(max_length=40, blank=True)
    group_code = models.CharField(_("grupp"), max_length=40, blank=True)
    group_label = models.CharField(max_length=200, blank=True)
    measure_code = models.CharField(max_length=20)
    measure_label = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(max_digits=7, decimal_places=1, null=True)
    status = models.CharField(max_length=4, blank=True)  # SCB's ".." when not shown
    source = models.CharField(_("källa"), max_length=200, blank=True)
    batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["region_code", "table_id"])]

    def __str__(self) -> str:
        return f"{self.table_id} {self.region_code} {self.year}"


class EducationOccupation(models.Model):
    """Curated link from a post-secondary education to an SSYK occupation, with a weight:
    a YH area (by slug), a university programme (by application code) or a SUN 2020 code."""

    class Kind(models.TextChoices):
        YH_AREA = "yh_area", _("Utbildningsområde (YH)")
        UNIVERSITY = "university", _("Högskoleprogram")
        SUN = "sun", _("SUN 2020-kod")

    kind = models.CharField(_("typ"), max_length=12, choices=Kind.choices)
    key = models.CharField(_("nyckel"), max_length=120)
    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="education_links"
    )
    weight = models.DecimalField(_("vikt"), max_digits=4, decimal_places=3)

    class Meta:
        ordering = ["kind", "key", "-weight"]
        verbose_name = _("koppling utbildning–yrke")
        verbose_name_plural = _("kopplingar utbildning–yrke")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "occupation"], name="rekas_unique_education_occupation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} → {self.occupation.ssyk}"
