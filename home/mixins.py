"""Fields that several page types share, each mixin with its own panels,
search and API fields (gci.home.models re-exports them, where the other
apps have always imported them from)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyStreamBlock


class IntroBodyMixin(models.Model):
    """An introduction and a StreamField body, with their panels, search and
    API fields. Listed before `Page` in a page's bases, its `content_panels`
    and `search_fields` (which include Page's) serve the page as they are."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown under the title.")
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    intro_panels = [FieldPanel("intro"), FieldPanel("body")]
    content_panels = [*Page.content_panels, *intro_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        abstract = True


class HeroImageMixin(models.Model):
    """A wide picture at the top of a page, with a caption: a Wagtail image
    (its description is the alt text, its focal point decides the crop).
    Listed before `IntroBodyMixin` in a page's bases; `hero_panels` go after
    the title."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A wide picture shown under the title. Its description is read out as alt text; "
            "set its focal point so that the crop keeps what matters."
        ),
    )
    hero_caption = models.CharField(
        _("hero caption"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the picture: what it shows, and its author or source."),
    )

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")
        )
    ]
    api_fields = [
        APIField("hero_image", serializer=ImageRenditionField("fill-1200x400")),
        APIField("hero_caption"),
    ]

    class Meta:
        abstract = True
