"""StreamField blocks for the structured sections of a guidance plan."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from .constants import PlanRole, Stage

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class GoalBlock(blocks.StructBlock):
    goal = blocks.TextBlock(label=_("Mål"), rows=2)
    indicator = blocks.TextBlock(
        label=_("Så vet vi att vi når målet"),
        required=False,
        rows=2,
        help_text=_("Indikator eller underlag för uppföljningen, till exempel en enkätfråga."),
    )

    class Meta:
        icon = "pick"
        label = _("Mål")


class ResponsibilityBlock(blocks.StructBlock):
    role = blocks.ChoiceBlock(choices=PlanRole.choices, label=_("Roll"))
    description = blocks.TextBlock(label=_("Ansvar"), rows=3)

    class Meta:
        icon = "user"
        label = _("Roll och ansvar")


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Aktivitet"), max_length=200)
    stage = blocks.ChoiceBlock(choices=Stage.choices, label=_("Skolform/stadium"))
    responsible_role = blocks.ChoiceBlock(choices=PlanRole.choices, label=_("Ansvarig roll"))
    timing = blocks.CharBlock(
        label=_("När"),
        max_length=120,
        help_text=_("Till exempel ”Höstterminen åk 8” eller ”Vecka 44”."),
    )
    description = blocks.TextBlock(label=_("Beskrivning"), required=False, rows=3)
    method = blocks.PageChooserBlock(
        page_type="methods.MethodPage",
        label=_("Metod i metodbanken"),
        required=False,
        help_text=_("Valfritt: en metod ur metodbanken som aktiviteten bygger på."),
    )
    fact = blocks.PageChooserBlock(
        page_type="facts.FactPage",
        label=_("Underlag i faktabanken"),
        required=False,
        help_text=_(
            "Valfritt: en lag, rapport eller forskning i faktabanken som aktiviteten vilar på."
        ),
    )

    class Meta:
        icon = "date"
        label = _("Aktivitet")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument (PDF)"))
    title = blocks.CharBlock(
        label=_("Visningsnamn"),
        required=False,
        max_length=200,
        help_text=_("Lämna tomt för att visa dokumentets titel."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Bilaga")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("document")
        if document is not None and document.file_extension.lower() != "pdf":
            raise StructBlockValidationError(
                block_errors={
                    "document": ValidationError(
                        _("Bilagor måste vara PDF-filer. ”%(name)s” är en %(ext)s-fil.")
                        % {"name": document.title, "ext": document.file_extension.upper()}
                    )
                }
            )
        return value
