from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    """A praktikintyg for one pupil, filled in by the company through a signed e-mailed link."""

    class Rating(models.IntegerChoices):
        NEEDS_WORK = 1, _("Behöver utvecklas")
        GOOD = 2, _("Bra")
        VERY_GOOD = 3, _("Mycket bra")

    pupil = models.OneToOneField(
        "internships.BookingPupil", on_delete=models.CASCADE, related_name="certificate"
    )
    days_planned = models.PositiveSmallIntegerField(
        _("planerade dagar"), null=True, blank=True, validators=[MaxValueValidator(366)]
    )
    days_attended = models.PositiveSmallIntegerField(
        _("närvarande dagar"), null=True, blank=True, validators=[MaxValueValidator(366)]
    )
    punctuality = models.PositiveSmallIntegerField(
        _("passar tider"), choices=Rating.choices, null=True, blank=True
    )
    engagement = models.PositiveSmallIntegerField(
        _("intresse och engagemang"), choices=Rating.choices, null=True, blank=True
    )
    cooperation = models.PositiveSmallIntegerField(
        _("samarbete och bemötande"), choices=Rating.choices, null=True, blank=True
    )
    assessment = models.TextField(_("omdöme"), blank=True, max_length=2000)
    tasks = models.TextField(_("arbetsuppgifter"), blank=True, max_length=2000)
    signed_by_name = models.CharField(_("handledarens namn"), max_length=150, blank=True)
    signed_by_title = models.CharField(_("befattning"), max_length=150, blank=True)
    link_sent_at = models.DateTimeField(null=True, blank=True)
    link_sent_to = models.EmailField(blank=True)
    # Bumped each time a new link is sent, so older links stop working.
    link_version = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    # What the school asked for when it sent the link: the company is asked for (and the
    # certificate shows) attendance and these parts only.
    asks_ratings = models.BooleanField(
        _("bedömning av tider, engagemang och samarbete"), default=True
    )
    asks_tasks = models.BooleanField(_("arbetsuppgifter"), default=True)
    asks_assessment = models.BooleanField(_("omdöme"), default=True)
    # Set by retention (gallring): the assessment and the supervisor's name are gone; the
    # planned and attended days stay as anonymous figures.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("praktikintyg")
        verbose_name_plural = _("praktikintyg")

    def __str__(self) -> str:
        return f"Praktikintyg för {self.pupil}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def asked_fields(self) -> list[str]:
        """The form fields the company fills in, in order (attendance and signature always)."""
        fields = ["days_planned", "days_attended"]
        if self.asks_ratings:
            fields += ["punctuality", "engagement", "cooperation"]
        if self.asks_tasks:
            fields.append("tasks")
        if self.asks_assessment:
            fields.append("assessment")
        return [*fields, "signed_by_name", "signed_by_title"]
