"""StreamField blocks of the Guide and of case studies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from gci.home.blocks import HeadingBlock, ImageBlock

from .choices import NoteKind, Treaty


class NoteBlock(blocks.StructBlock):
    """A boxed note beside the text: a tip, a warning, an example."""

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=NoteKind.choices, default=NoteKind.TIP)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = (
            NoteKind(value["kind"]).label if value["kind"] in NoteKind.values else ""
        )
        return context

    class Meta:
        icon = "info-circle"
        label = _("Boxed note")
        template = "materials/blocks/note_block.html"


class TreatyReferenceBlock(blocks.StructBlock):
    """What a treaty says about the matter at hand."""

    treaty = blocks.ChoiceBlock(label=_("Treaty"), choices=Treaty.choices)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["treaty_name"] = (
            Treaty(value["treaty"]).label if value["treaty"] in Treaty.values else ""
        )
        return context

    class Meta:
        icon = "doc-full"
        label = _("Treaty reference")
        template = "materials/blocks/treaty_block.html"


class GuideStreamBlock(blocks.StreamBlock):
    """A chapter of the Guide. Headings become its numbered sections."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
    )
    figure = ImageBlock(label=_("Figure"))
    table = TableBlock(label=_("Table"), template="materials/blocks/table_block.html")
    note = NoteBlock()
    treaty = TreatyReferenceBlock()


class PhotoStreamBlock(blocks.StreamBlock):
    """The photos of a case study."""

    photo = ImageBlock()
