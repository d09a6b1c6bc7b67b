"""StreamField blocks of the materials app."""

from wagtail import blocks

from gci.home.blocks import ImageBlock


class PhotoStreamBlock(blocks.StreamBlock):
    photo = ImageBlock()
