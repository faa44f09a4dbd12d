from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompanyProfile(models.Model):
    """What a company tells schools about itself, and where it stands in the approval queue.

    `Organisation.is_approved` stays the single source of truth for approval; this adds the
    contact person, a description, when the company asked for review and why it was refused.
    """

    company = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="internship_profile",
        limit_choices_to={"kind": "company"},
    )
    description = models.TextField(_("om företaget"), blank=True, max_length=4000)
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    contact_email = models.EmailField(_("kontaktpersonens e-post"), blank=True)
    contact_phone = models.CharField(_("kontaktpersonens telefon"), max_length=40, blank=True)
    submitted_at = models.DateTimeField(_("skickad för granskning"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("avslagen"), null=True, blank=True)
    rejection_reason = models.TextField(_("skäl till avslag"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Set by retention when a rejected company could not be deleted: its contacts are gone.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("företagsprofil")
        verbose_name_plural = _("företagsprofiler")

    def __str__(self) -> str:
        return str(self.company)

    @property
    def is_complete(self) -> bool:
        return bool(self.contact_name and self.contact_email and self.company.workplaces.exists())


class Workplace(models.Model):
    """An address where pupils do their placement. Coordinates fall back to the municipality seat."""

    company = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="workplaces",
        verbose_name=_("företag"),
    )
    name = models.CharField(_("arbetsplatsens namn"), max_length=150)
    street_address = models.CharField(_("gatuadress"), max_length=200)
    postal_code = models.CharField(_("postnummer"), max_length=6)
    city = models.CharField(_("postort"), max_length=100)
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    latitude = models.FloatField(_("latitud"), null=True, blank=True)
    longitude = models.FloatField(_("longitud"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("arbetsplats")
        verbose_name_plural = _("arbetsplatser")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def has_exact_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def location(self) -> tuple[float, float] | None:
        """The exact position when given, otherwise the municipality seat (no external geocoding)."""
        if self.has_exact_position:
            return (self.latitude, self.longitude)
        return self.municipality.location
