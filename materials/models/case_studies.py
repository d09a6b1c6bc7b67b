"""Case studies: how customs met an environmental treaty in one country.

Public or Partners-only, as the Secretariat chooses, by where the page
lives: under the public "Case studies" index, or inside the GCI suitcase (in
the Partners area, closed by the site's one visibility rule and its view
restriction). Photos of a Partners-only case study must sit in a restricted
collection, and those of a public one in a public collection (checked by
`CaseStudyPageForm`), so no image used only by restricted content is listed
by the images API or served from /media/.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from gci.home.models import IntroBodyMixin
from gci.home.roles import can_enter_partners_area
from gci.home.visibility import visible_pages
from gci.site.fields import ChoiceSetField

from ..blocks import PhotoStreamBlock
from ..choices import TreatyTopic
from ..forms.case_studies import CaseStudyPageForm
from .suitcase import Material, SuitcasePage

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class CaseStudyIndexPage(IntroBodyMixin, Page):
    """The public list of case studies."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case studies index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = visible_pages(
            request, CaseStudyPage.objects.child_of(self)
        ).order_by("title")
        return context


class CaseStudyPage(Page):
    """One case study, with photos, a video and the suitcase materials it relates to."""

    parent_page_types = ["materials.CaseStudyIndexPage", "materials.SuitcasePage"]
    subpage_types = []
    base_form_class = CaseStudyPageForm

    country = CountryField(_("country"), blank=True)
    topics = ChoiceSetField(_("treaty topics"), options=TreatyTopic.choices)
    summary = models.TextField(_("summary"), blank=True)
    what_happened = RichTextField(_("what happened"), blank=True, features=TEXT_FEATURES)
    customs_action = RichTextField(_("what customs did"), blank=True, features=TEXT_FEATURES)
    lessons = RichTextField(_("lessons"), blank=True, features=TEXT_FEATURES)
    photos = StreamField(PhotoStreamBlock(), verbose_name=_("photos"), blank=True)
    video_url = models.URLField(_("video"), blank=True, help_text=_("A video address to embed."))
    related_materials = ParentalManyToManyField(
        "materials.Material",
        verbose_name=_("related materials"),
        blank=True,
        related_name="case_studies",
        help_text=_("Shown to Partners only: the suitcase is theirs."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("topics"), FieldPanel("summary")],
            heading=_("About"),
        ),
        FieldPanel("what_happened"),
        FieldPanel("customs_action"),
        FieldPanel("lessons"),
        FieldPanel("photos"),
        FieldPanel("video_url"),
        FieldPanel("related_materials"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_happened"),
        index.SearchField("customs_action"),
        index.SearchField("lessons"),
    ]
    api_fields = [
        APIField("country_code"),
        APIField("topics"),
        APIField("summary"),
        APIField("what_happened"),
        APIField("customs_action"),
        APIField("lessons"),
        APIField("photos"),
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @property
    def country_code(self):
        return str(self.country.code) if self.country else ""

    def topic_labels(self):
        return self._meta.get_field("topics").labels(self.topics)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        materials = []
        suitcase = None
        if can_enter_partners_area(request.user):
            suitcase = SuitcasePage.for_active_locale()
            materials = list(
                Material.objects.filter(pk__in=self.related_materials.all().values("pk")).approved()
            )
        context["related"] = materials
        context["suitcase"] = suitcase
        return context
