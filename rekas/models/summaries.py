"""Admission figures and matching, computed once per import and mapping change
(`rekas.aggregates.refresh`) so that pages, maps and the API only read them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdmissionSummary(models.Model):
    """One group's admission figures for a year and round (analysis.summarise) and, for a
    programme in an area, its search pressure, outlook and matching class (analysis.matching).

    `programme_code` empty: every programme of `kind` (every kind when `kind` is empty)."""

    class Level(models.TextChoices):
        COUNTRY = "country", _("Hela riket")
        COUNTY = "county", _("Län")
        MUNICIPALITY = "municipality", _("Kommun")

    year = models.PositiveSmallIntegerField()
    round = models.CharField(max_length=12)
    level = models.CharField(max_length=12, choices=Level.choices)
    area_code = models.CharField(max_length=4)
    county_code = models.CharField(max_length=2)
    programme_code = models.CharField(max_length=5, blank=True)
    kind = models.CharField(max_length=20, blank=True)
    programme_name = models.CharField(max_length=200, blank=True)
    # Sums are missing (NULL) when no row of the group publishes the figure, never 0.
    places = models.FloatField(null=True)
    first_choice_applicants = models.FloatField(null=True)
    admitted = models.FloatField(null=True)
    admitted_first_choice = models.FloatField(null=True)
    reserves = models.FloatField(null=True)
    applicants_per_place = models.FloatField(null=True)
    fill_rate = models.FloatField(null=True)
    lowest_merit = models.FloatField(null=True)
    mean_merit = models.FloatField(null=True)
    median_merit = models.FloatField(null=True)
    schools = models.PositiveIntegerField(null=True)
    # Totals only: the rows summed and how many of them publish no places (partial_note).
    rows = models.PositiveIntegerField(default=0)
    rows_without_places = models.PositiveIntegerField(default=0)
    # Programme rows only: pressure, the county's weighted outlook and the matching class.
    pressure_measure = models.CharField(max_length=20, blank=True)
    pressure_high = models.FloatField(null=True)
    shortage = models.FloatField(null=True)
    balance = models.FloatField(null=True)
    surplus = models.FloatField(null=True)
    coverage = models.FloatField(null=True)
    fallback_weight = models.FloatField(null=True)
    demand_index = models.FloatField(null=True)
    match = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["level", "area_code", "round", "year"]),
            models.Index(fields=["level", "programme_code", "round", "year"]),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.round} {self.level} {self.area_code} {self.programme_code}"


class OutlookShare(models.Model):
    """Yrkesbarometern's weighted outlook of a study path in a county ("00": the nation), from
    the mapping and the latest assessment round (analysis.outlook_by_county)."""

    study_path = models.CharField(max_length=6)
    county_code = models.CharField(max_length=2)
    shortage = models.FloatField(null=True)
    balance = models.FloatField(null=True)
    surplus = models.FloatField(null=True)
    paradox = models.FloatField(null=True)
    increase = models.FloatField(null=True)
    unchanged = models.FloatField(null=True)
    decrease = models.FloatField(null=True)
    coverage = models.FloatField(null=True)
    fallback_weight = models.FloatField(null=True)
    demand_index = models.FloatField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["study_path", "county_code"], name="rekas_unique_outlook_share"
            )
        ]

    def __str__(self) -> str:
        return f"{self.study_path} {self.county_code}"


class PageState(models.Model):
    """What every REKAS page says beside its statistics, stored in one row whenever it can
    change (`rekas.aggregates.save_state`): five queries on every page view before.

    `slices`: the [year, round] pairs with statistics; `barometer_round`: Yrkesbarometern's
    latest round; the demo flags; `pending_rows`: admission rows waiting for a name."""

    slices = models.JSONField(default=list)
    barometer_round = models.CharField(max_length=7, blank=True)
    demo_assessments = models.BooleanField(default=False)
    demo_admissions = models.BooleanField(default=False)
    pending_rows = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"REKAS {self.saved_at:%Y-%m-%d %H:%M}"
