"""The vocabulary of guidance plans: school stages, roles, statuses and plan sections.

A loose module because every layer needs it, the models and blocks first: it imports nothing
of the app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """School stages (skolformer/stadier) an activity is aimed at, in school order."""

    F3 = "f-3", _("Förskoleklass–åk 3")
    Y4_6 = "4-6", _("Åk 4–6")
    Y7_9 = "7-9", _("Åk 7–9")
    UPPER_SECONDARY = "gy", _("Gymnasieskola")
    ADULT = "vux", _("Vuxenutbildning")
    ADAPTED = "anpassad", _("Anpassad skola")


class PlanRole(models.TextChoices):
    """Who is responsible: the roles a plan's division of responsibility talks about."""

    ORGANISER = "huvudman", _("Huvudman")
    SCHOOL_HEAD = "rektor", _("Rektor")
    COUNSELLOR = "syv", _("Studie- och yrkesvägledare")
    TEACHER = "larare", _("Lärare")
    MENTOR = "mentor", _("Mentor")
    PUPIL_HEALTH = "elevhalsa", _("Elevhälsa")
    LIBRARY = "bibliotek", _("Skolbibliotek")
    LABOUR_MARKET = "arbetsmarknad", _("Arbetsmarknadsenhet/KAA")


class PlanStatus(models.TextChoices):
    """A plan's status, derived from its validity period and whether it is published."""

    CURRENT = "gallande", _("Gällande")
    UPCOMING = "kommande", _("Kommande")
    EXPIRED = "utgangen", _("Utgången")
    DRAFT = "utkast", _("Ej publicerad")


class MunicipalityStatus(models.TextChoices):
    """A municipality's status in the overview: its best published plan; "under arbete" when it
    has none in force or coming but an unpublished plan on the site; else out of date or none."""

    CURRENT = "gallande", _("Gällande plan")
    UPCOMING = "kommande", _("Kommande plan")
    IN_PROGRESS = "under_arbete", _("Plan under arbete")
    EXPIRED = "utgangen", _("Utgången plan")
    MISSING = "saknas", _("Plan saknas")


# The structured sections of a plan, in reading order: (field name, heading).
PLAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("current_state", _("Nulägesanalys")),
    ("goals", _("Mål")),
    ("responsibilities", _("Ansvarsfördelning")),
    ("activities", _("Aktiviteter per skolform")),
    ("follow_up", _("Uppföljning och utvärdering")),
    ("attachments", _("Bilagor")),
)

EDITOR_GROUP_PREFIX = "Kommunredaktör – "
PLAN_WORKFLOW_NAME = "Granskning av vägledningsplaner"
PLAN_REVIEW_TASK_NAME = "Granskning av moderator"
MODEL_PLAN_TITLE = "Modellplan för studie- och yrkesvägledning"
