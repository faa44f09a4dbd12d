"""Vocabulary of the placement board: placement types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlacementType(models.TextChoices):
    PRAO = "prao", _("PRAO (grundskolan år 8–9)")
    APL = "apl", _("APL (gymnasieskolan)")
    LIA = "lia", _("LIA (yrkeshögskolan)")
    PRAKTIK = "praktik", _("Praktik (vuxenutbildning och nyanlända)")


# Short names for tags and facets.
PLACEMENT_TYPE_SHORT = {
    PlacementType.PRAO: "PRAO",
    PlacementType.APL: "APL",
    PlacementType.LIA: "LIA",
    PlacementType.PRAKTIK: "Praktik",
}

# Who the placement is for, as search `audience` labels.
PLACEMENT_TYPE_AUDIENCE = {
    PlacementType.PRAO: "Grundskola",
    PlacementType.APL: "Gymnasieskola",
    PlacementType.LIA: "Yrkeshögskola",
    PlacementType.PRAKTIK: "Vuxenutbildning",
}

MAX_CHOICES = 5
