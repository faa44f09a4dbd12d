from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .validators import validate_org_number, validate_school_unit_code


class Organisation(models.Model):
    """A municipality, a school or a company. Everything an organisation owns hangs off this."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        SCHOOL = "school", _("Skola")
        COMPANY = "company", _("Företag")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("namn"), max_length=200)
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("kommun"),
    )
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_org_number],
        help_text=_("Tio siffror, till exempel 556036-0793."),
    )
    school_unit_code = models.CharField(
        _("skolenhetskod"), max_length=8, blank=True, validators=[validate_school_unit_code]
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    is_approved = models.BooleanField(
        _("godkänd"),
        default=False,
        help_text=_("Företag godkänns av en praktiksamordnare innan deras annonser publiceras."),
    )
    approved_at = models.DateTimeField(_("godkänd den"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["org_number"], condition=~Q(org_number=""), name="unique_org_number"
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(kind="municipality"),
                name="one_organisation_per_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        ADMIN = "admin", _("Administratör för organisationen")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
