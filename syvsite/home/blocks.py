from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from syvsite.privacy import conf as privacy_conf
from syvsite.privacy.retention import retention_rules


class SectionLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"))
    text = blocks.TextBlock(label=_("Text"))
    link = blocks.CharBlock(label=_("Länk (sökväg)"), help_text=_("Till exempel /metoder/"))

    class Meta:
        icon = "link"
        template = "home/blocks/section_link.html"


class RetentionRulesBlock(blocks.StaticBlock):
    """The retention rules in force (gallring), as a table: what the site removes and when.

    Read from the rules `manage.py gallra` runs, with their configured periods, so the privacy
    page always states what really happens.
    """

    class Meta:
        icon = "time"
        label = _("Lagringstider (gallring)")
        admin_text = _("Visar lagringstiderna som webbplatsen tillämpar. Inget att fylla i.")
        template = "home/blocks/retention_rules.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["rules"] = retention_rules()
        context["contact_email"] = privacy_conf.get("CONTACT_EMAIL")
        return context


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Mellanrubrik"),
        form_classname="title",
        icon="title",
        template="home/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"],
    )
    image = ImageBlock(label=_("Bild"))
    table = blocks.StructBlock(
        [
            ("caption", blocks.CharBlock(label=_("Tabellrubrik"))),
            ("rows", blocks.ListBlock(blocks.ListBlock(blocks.CharBlock()), label=_("Rader"))),
        ],
        label=_("Tabell"),
        icon="table",
        template="home/blocks/table.html",
    )
    retention_rules = RetentionRulesBlock()
