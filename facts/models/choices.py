"""The fixed vocabularies of a fact entry (themes and target groups are the method bank's)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RESEARCH = "forskning", _("Forskning")
    REPORT = "rapport", _("Rapport")
    INQUIRY = "utredning", _("Utredning/SOU")
    STEERING = "styrdokument", _("Styrdokument")
    LAW = "lag", _("Lag/förordning")
    GUIDELINES = "allmanna-rad", _("Allmänna råd")
    STATISTICS = "statistikkalla", _("Statistikkälla")
    WEB = "webbresurs", _("Webbresurs")


class Language(models.TextChoices):
    SWEDISH = "sv", _("Svenska")
    ENGLISH = "en", _("Engelska")
    OTHER = "annat", _("Annat språk")


class Access(models.TextChoices):
    OPEN = "oppen", _("Fritt tillgänglig")
    REGISTRATION = "registrering", _("Kräver registrering")
    PAID = "betald", _("Betald eller via bibliotek")
