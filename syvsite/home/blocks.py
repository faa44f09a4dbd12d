from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class SectionLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"))
    text = blocks.TextBlock(label=_("Text"))
    link = blocks.CharBlock(label=_("Länk (sökväg)"), help_text=_("Till exempel /metoder/"))

    class Meta:
        icon = "link"
        template = "home/blocks/section_link.html"


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
