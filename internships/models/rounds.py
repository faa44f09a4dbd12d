from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .listings import PlacementType

MAX_CHOICES = 5  # listings a pupil may rank in a choice round


class ChoiceRound(models.Model):
    """A school's placement period in which pupils rank listings before an allocation."""

    class Status(models.TextChoices):
        OPEN = "open", _("Öppen för val")
        CLOSED = "closed", _("Stängd för val")
        ALLOCATED = "allocated", _("Fördelad (utkast)")
        PUBLISHED = "published", _("Fördelning klar")

    school = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="choice_rounds",
        verbose_name=_("skola"),
    )
    title = models.CharField(_("namn"), max_length=150)
    placement_type = models.CharField(
        _("typ av praktik"), max_length=10, choices=PlacementType.choices
    )
    period_start = models.DateField(_("praktikperiodens första dag"))
    period_end = models.DateField(_("praktikperiodens sista dag"))
    choices_close_at = models.DateField(_("sista dag för val"))
    max_distance_km = models.PositiveSmallIntegerField(
        _("längsta avstånd från skolan (km)"),
        default=40,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    seed = models.BigIntegerField(_("slumpfrö"), null=True, blank=True)
    allocated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("valomgång")
        verbose_name_plural = _("valomgångar")

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    """A pupil in a choice round: signs in with a one-time code or with an account."""

    choice_round = models.ForeignKey(
        ChoiceRound, on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("elevens namn"), max_length=150)
    school_class = models.CharField(_("klass"), max_length=20, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placement_participations",
    )
    # Only a hash is stored: the code itself is shown once to the teacher who hands it out.
    code_hash = models.CharField(max_length=64, blank=True, db_index=True)
    code_created_at = models.DateTimeField(null=True, blank=True)
    code_used_at = models.DateTimeField(null=True, blank=True)
    # The allocation: the period a pupil got, at which rank, and whether set by hand.
    assigned_period = models.ForeignKey(
        "internships.ListingPeriod",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    assigned_manually = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by retention (gallring) or erasure on request: the name, class, account and code are
    # gone; the choices and the placement stay as anonymous figures for the statistics.
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["school_class", "name"]
        verbose_name = _("elev i valomgång")
        verbose_name_plural = _("elever i valomgång")

    def __str__(self) -> str:
        return self.name


class Choice(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="choices")
    period = models.ForeignKey(
        "internships.ListingPeriod", on_delete=models.CASCADE, related_name="choices"
    )
    rank = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CHOICES)]
    )

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "rank"], name="one_choice_per_rank"),
            models.UniqueConstraint(fields=["participant", "period"], name="no_duplicate_choice"),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1, rank__lte=MAX_CHOICES), name="choice_rank_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.period.listing}"
