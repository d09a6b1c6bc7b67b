"""StreamField blocks of the Guide and of case studies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from gci.home.blocks import HeadingBlock, ImageBlock

from .choices import NoteKind, Treaty


class ChoiceLabelMixin:
    """Gives the block's template the label of one choice's value (empty for
    a value no longer offered): ``choice_label = (block name, choices,
    context name)``."""

    choice_label = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        name, choices, context_name = self.choice_label
        context[context_name] = choices(value[name]).label if value[name] in choices.values else ""
        return context


class NoteBlock(ChoiceLabelMixin, blocks.StructBlock):
    """A boxed note beside the text: a tip, a warning, an example."""

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=NoteKind.choices, default=NoteKind.TIP)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])
    choice_label = ("kind", NoteKind, "kind_label")

    class Meta:
        icon = "info-circle"
        label = _("Boxed note")
        template = "materials/blocks/note_block.html"


class TreatyReferenceBlock(ChoiceLabelMixin, blocks.StructBlock):
    """What a treaty says about the matter at hand."""

    treaty = blocks.ChoiceBlock(label=_("Treaty"), choices=Treaty.choices)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])
    choice_label = ("treaty", Treaty, "treaty_name")

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
