from django.db import models
from django.utils.translation import gettext_lazy as _


class County(models.Model):
    """One of Sweden's 21 counties (län), keyed by SCB's two-digit code."""

    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        """ "Stockholms län" → "Stockholm", for compact charts and tables."""
        name = self.name.removesuffix(" län")
        return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


class Municipality(models.Model):
    """One of Sweden's 290 municipalities (kommuner), keyed by SCB's four-digit code."""

    code = models.CharField(_("kommunkod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("län")
    )
    seat_name = models.CharField(_("centralort"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitud"), null=True, blank=True)
    longitude = models.FloatField(_("longitud"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name

    @property
    def location(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)
