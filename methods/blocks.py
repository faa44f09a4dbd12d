"""StreamField blocks of a method: its steps and its references to steering documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SteeringDocument(models.TextChoices):
    GENERAL_ADVICE = (
        "allmanna-rad",
        _("Skolverkets allmänna råd om arbete med studie- och yrkesvägledning"),
    )
    SCHOOL_ACT = "skollagen", _("Skollagen (2010:800)")
    LGR22 = "lgr22", _("Läroplan för grundskolan, förskoleklassen och fritidshemmet (Lgr22)")
    LGRSAR22 = "lgrsar22", _("Läroplan för anpassade grundskolan (Lgrsär22)")
    GY11 = "gy11", _("Läroplan för gymnasieskolan (Gy11)")
    GYSAR13 = "gysar13", _("Läroplan för anpassade gymnasieskolan (Gysär13)")
    LVUX12 = "lvux12", _("Läroplan för vuxenutbildningen (Lvux12)")
    SFI = "sfi", _("Kursplan för kommunal vuxenutbildning i svenska för invandrare")
    OTHER = "annat", _("Annat styrdokument")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    instructions = blocks.TextBlock(label=_("Gör så här"), max_length=3000)
    minutes = blocks.IntegerBlock(label=_("Minuter"), required=False, min_value=1, max_value=600)

    class Meta:
        icon = "list-ol"
        label = _("Steg")
        template = "methods/blocks/step.html"


class SteeringReferenceBlock(blocks.StructBlock):
    document = blocks.ChoiceBlock(choices=SteeringDocument.choices, label=_("Styrdokument"))
    section = blocks.CharBlock(
        label=_("Avsnitt"),
        required=False,
        max_length=200,
        help_text=_("Till exempel ”2.6 Skolan och omvärlden” eller ”2 kap. 29 §”."),
    )
    url = blocks.URLBlock(label=_("Länk"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Hänvisning till styrdokument")
        template = "methods/blocks/steering_reference.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["document_label"] = document_label(value["document"])
        return context


def document_label(code: str) -> str:
    return str(dict(SteeringDocument.choices).get(code, code))


STEP_BLOCKS = [("step", StepBlock())]
REFERENCE_BLOCKS = [("reference", SteeringReferenceBlock())]
