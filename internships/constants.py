"""Vocabulary of the placement board: placement types and upper-secondary programmes."""

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

# Skolverket's national upper-secondary programmes (codes used in admission statistics).
# Used until REKAS provides its programme register; codes are stored as plain strings.
NATIONAL_PROGRAMMES = {
    "BA": "Bygg- och anläggningsprogrammet",
    "BF": "Barn- och fritidsprogrammet",
    "EE": "El- och energiprogrammet",
    "FT": "Fordons- och transportprogrammet",
    "HA": "Handels- och administrationsprogrammet",
    "HV": "Hantverksprogrammet",
    "HT": "Hotell- och turismprogrammet",
    "IN": "Industritekniska programmet",
    "NB": "Naturbruksprogrammet",
    "RL": "Restaurang- och livsmedelsprogrammet",
    "VF": "VVS- och fastighetsprogrammet",
    "VO": "Vård- och omsorgsprogrammet",
    "EK": "Ekonomiprogrammet",
    "ES": "Estetiska programmet",
    "HU": "Humanistiska programmet",
    "NA": "Naturvetenskapsprogrammet",
    "SA": "Samhällsvetenskapsprogrammet",
    "TE": "Teknikprogrammet",
}

MAX_CHOICES = 5
