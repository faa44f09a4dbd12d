from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# A pending request already holds its places, so a company never gets more requests than it
# has places and a school is never told "accepted" for a place someone else also holds.
RESERVING_STATUSES = ("pending", "accepted")


class Booking(models.Model):
    """A school's request for places in one period, for named pupils."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på svar")
        ACCEPTED = "accepted", _("Accepterad")
        DECLINED = "declined", _("Avböjd")
        CANCELLED = "cancelled", _("Avbokad")

    period = models.ForeignKey(
        "internships.ListingPeriod", on_delete=models.PROTECT, related_name="bookings"
    )
    school = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="placement_bookings",
        verbose_name=_("skola"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    choice_round = models.ForeignKey(
        "internships.ChoiceRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
    )
    places = models.PositiveSmallIntegerField(_("antal platser"))
    message = models.TextField(_("meddelande till företaget"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    response_message = models.TextField(_("svar från företaget"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bokning")
        verbose_name_plural = _("bokningar")

    def __str__(self) -> str:
        return f"{self.school} – {self.period.listing} ({self.period})"


class BookingPupil(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="pupils")
    name = models.CharField(_("elevens namn"), max_length=150)
    participant = models.ForeignKey(
        "internships.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set by retention (gallring) or erasure on request: the name is gone, the row stays so
    # the booking still counts its pupils.
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("elev")
        verbose_name_plural = _("elever")

    def __str__(self) -> str:
        return self.name

    @property
    def first_name(self) -> str:
        """What a company sees before it has accepted the booking: no surname."""
        return self.name.split(" ")[0] if self.name else ""
