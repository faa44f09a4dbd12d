from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PlacementType(models.TextChoices):
    """Which school form the placement is for; a listing and a choice round have one."""

    PRAO = "prao", _("PRAO (grundskolan år 8–9)")
    APL = "apl", _("APL (gymnasieskolan)")
    LIA = "lia", _("LIA (yrkeshögskolan)")
    PRAKTIK = "praktik", _("Praktik (vuxenutbildning och nyanlända)")


ssyk_validator = RegexValidator(
    r"^\d{4}$", _("Yrkeskoden (SSYK 2012) består av fyra siffror, till exempel 5321.")
)


class ListingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Listing.Status.PUBLISHED, company__is_approved=True)


class Listing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PENDING_REVIEW = "pending_review", _("Väntar på granskning")
        PUBLISHED = "published", _("Publicerad")
        FILLED = "filled", _("Tillsatt")
        EXPIRED = "expired", _("Utgången")
        WITHDRAWN = "withdrawn", _("Återkallad")

    company = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="listings",
        verbose_name=_("företag"),
    )
    workplace = models.ForeignKey(
        "internships.Workplace",
        on_delete=models.PROTECT,
        related_name="listings",
        verbose_name=_("arbetsplats"),
    )
    title = models.CharField(_("rubrik"), max_length=150)
    description = models.TextField(_("beskrivning"), max_length=6000)
    placement_type = models.CharField(
        _("typ av praktik"), max_length=10, choices=PlacementType.choices
    )
    occupation_ssyk = models.CharField(
        _("yrke (SSYK-kod)"), max_length=4, blank=True, validators=[ssyk_validator]
    )
    occupation_name = models.CharField(_("yrke"), max_length=150, blank=True)
    min_age = models.PositiveSmallIntegerField(_("lägsta ålder"), null=True, blank=True)
    language_requirements = models.CharField(_("språkkrav"), max_length=200, blank=True)
    requires_driving_licence = models.BooleanField(_("kräver körkort"), default=False)
    requires_record_extract = models.BooleanField(
        _("kräver utdrag ur belastningsregistret"), default=False
    )
    health_and_safety = models.TextField(_("hälsa och säkerhet"), blank=True, max_length=2000)
    safety_information = models.TextField(_("säkerhetsinformation"), blank=True, max_length=2000)
    supervisor_name = models.CharField(_("handledare"), max_length=150)
    supervisor_title = models.CharField(_("handledarens befattning"), max_length=150, blank=True)
    supervisor_email = models.EmailField(_("handledarens e-post"))
    supervisor_phone = models.CharField(_("handledarens telefon"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_note = models.TextField(_("kommentar från granskningen"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("praktikannons")
        verbose_name_plural = _("praktikannonser")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("internships:listing", args=[self.pk])

    @property
    def location(self) -> tuple[float, float] | None:
        return self.workplace.location

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.company.is_approved


class ListingProgramme(models.Model):
    """A programme (code, e.g. "VO") the placement is relevant for."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="programmes")
    code = models.CharField(_("program"), max_length=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["listing", "code"], name="unique_listing_programme")
        ]

    def __str__(self) -> str:
        return self.code


class ListingPeriod(models.Model):
    """A date range with a number of places. Bookings lock this row (see services/bookings.py)."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="periods")
    start_date = models.DateField(_("första dag"))
    end_date = models.DateField(_("sista dag"))
    places = models.PositiveSmallIntegerField(_("antal platser"), validators=[MinValueValidator(1)])
    note = models.CharField(_("kommentar"), max_length=150, blank=True)

    class Meta:
        ordering = ["start_date", "end_date"]
        verbose_name = _("period")
        verbose_name_plural = _("perioder")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="period_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="period_has_places"),
        ]

    def __str__(self) -> str:
        return f"{self.start_date:%Y-%m-%d}–{self.end_date:%Y-%m-%d}"

    @property
    def weeks(self) -> str:
        first, last = self.start_date.isocalendar().week, self.end_date.isocalendar().week
        if first == last:
            return gettext("v. %(week)s") % {"week": first}
        return gettext("v. %(first)s–%(last)s") % {"first": first, "last": last}
