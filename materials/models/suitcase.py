"""The GCI suitcase: materials the Partners share, and the page that lists them.

A material is a translatable snippet, not a page. Its metadata is a single
row of plain columns (type, year, region, organisation, and the topics and
languages as one ``|a|b|`` column each), so the suitcase's combinable filters
are one indexed query on one table, with no page tree, no revisions and no
per-page view-restriction walk; 5,000 materials cost the same handful of
queries as 50 (tests/materials/test_suitcase_scale.py). Privacy does not
depend on each material: the whole suitcase lives in the Partners area and
every file sits in a restricted collection. Translations (wagtail-localize's
snippet translation) carry the title and summary; the filters always run on
the default-language rows, and the page swaps in the visitor's language for
the twenty it shows.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gci.home.choices import Language, UNRegion
from gci.home.models import IntroBodyMixin
from gci.home.visibility import collection_is_restricted
from gci.site.fields import ChoiceSetField
from gci.site.memo import default_locale, live_page_for_language
from gci.site.routes import PageViews

from ..choices import MaterialStatus, MaterialType, TreatyTopic


class MaterialQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def sources(self):
        """One row per material: the default language's."""
        return self.filter(locale_id=default_locale().pk)

    def approved(self):
        return self.filter(status=MaterialStatus.APPROVED)


class Material(TranslatableMixin, index.Indexed, models.Model):
    """A training module, presentation, manual, survey, video… in the suitcase.

    Exactly one of a document (in a restricted collection), a link or a video.
    A newer file replaces the document; each file is kept in the material's
    versions, and the material's download URL always serves the current one.
    """

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What it covers and for whom, in two or three lines.")
    )
    material_type = models.CharField(
        _("type"), max_length=30, choices=MaterialType.choices, default=MaterialType.PRESENTATION
    )
    topics = ChoiceSetField(_("treaty topics"), options=TreatyTopic.choices)
    languages = ChoiceSetField(
        _("languages"),
        options=Language.choices,
        help_text=_("The languages the material itself is written or spoken in."),
    )
    region = models.CharField(_("region"), max_length=30, choices=UNRegion.choices, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("contributing organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="materials",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Choose a file in the “GCI suitcase” collection. To publish a newer version, "
            "choose the new file: the old one stays in the history and links keep working."
        ),
    )
    link_url = models.URLField(_("link"), blank=True, help_text=_("Or a link to the material."))
    video_url = models.URLField(
        _("video"), blank=True, help_text=_("Or a video address (YouTube, Vimeo…) to embed.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MaterialStatus.choices,
        default=MaterialStatus.APPROVED,
        db_index=True,
    )
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, help_text=_("Shown to the Partner who sent it.")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suitcase_submissions",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MaterialQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("material_type"),
                FieldPanel("topics"),
                FieldPanel("languages"),
                FieldPanel("region"),
                FieldPanel("year"),
                FieldPanel("organisation"),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("link_url"), FieldPanel("video_url")],
            heading=_("File, link or video"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("decline_reason")], heading=_("Review")),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("locale"),
        index.FilterField("status"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        SynchronizedField("material_type"),
        SynchronizedField("topics"),
        SynchronizedField("languages"),
        SynchronizedField("region"),
        SynchronizedField("year"),
        SynchronizedField("organisation"),
        SynchronizedField("document"),
        SynchronizedField("link_url"),
        SynchronizedField("video_url"),
        SynchronizedField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["-year", "-created_at"]
        indexes = [
            models.Index(fields=["locale", "status", "-year"], name="material_listing"),
            models.Index(fields=["material_type"], name="material_type"),
            models.Index(fields=["region"], name="material_region"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.record_version(getattr(self, "version_added_by", None))

    def clean(self):
        super().clean()
        given = [bool(self.document_id), bool(self.link_url), bool(self.video_url)]
        if sum(given) != 1:
            raise ValidationError(_("Give exactly one of a file, a link or a video."))
        if self.document_id and not collection_is_restricted(self.document.collection):
            raise ValidationError(
                {
                    "document": _(
                        "This file is in a public collection: choose or move it into the "
                        "“GCI suitcase” collection, so that only Partners can download it."
                    )
                }
            )
        if self.status == MaterialStatus.DECLINED and not self.decline_reason.strip():
            raise ValidationError(
                {"decline_reason": _("Tell the Partner why the material is declined.")}
            )

    def record_version(self, user=None):
        """Keep each file the material has had; the newest is the current one."""
        if not self.document_id or not self.is_source:
            return
        latest = self.versions.order_by("-number").first()
        if latest is None or latest.document_id != self.document_id:
            MaterialVersion.objects.create(
                material=self,
                document_id=self.document_id,
                number=(latest.number + 1) if latest else 1,
                added_by=user,
            )

    @property
    def is_source(self):
        return self.locale_id == default_locale().pk

    @cached_property
    def source(self):
        if self.is_source:
            return self
        return self.get_translation(default_locale())

    @property
    def kind(self):
        if self.document_id:
            return "document"
        if self.video_url:
            return "video"
        return "link"

    def topic_labels(self):
        return self._meta.get_field("topics").labels(self.topics)

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    @property
    def is_approved(self):
        return self.status == MaterialStatus.APPROVED


class MaterialVersion(models.Model):
    """One file a material has had. The material's document is the newest."""

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("material version")
        verbose_name_plural = _("material versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["material", "number"], name="one_number_per_version")
        ]

    def __str__(self):
        return f"{self.material} v{self.number}"


class SuitcasePage(RoutablePageMixin, IntroBodyMixin, Page):
    """The GCI suitcase, inside the Partners area: search and filter the
    materials, read one, download it, send a new one, follow what you sent."""

    parent_page_types = ["home.PartnersAreaPage"]
    subpage_types = ["materials.CaseStudyPage"]
    max_count_per_parent = 1
    views = PageViews()  # filled by gci.materials.views.suitcase (see gci.site.routes)

    class Meta:
        verbose_name = _("GCI suitcase")

    @path("")
    def listing(self, request):
        return self.views.listing(request, self)

    @path("material/<int:pk>/")
    def material(self, request, pk):
        return self.views.detail(request, self, pk)

    @path("material/<int:pk>/download/")
    def download(self, request, pk):
        return self.views.download(request, self, pk)

    @path("submit/")
    def submit(self, request):
        return self.views.submit(request, self)

    @path("my-submissions/")
    def my_submissions(self, request):
        return self.views.my_submissions(request, self)

    def material_url(self, material, request=None):
        return self.url + self.reverse_subpage("material", kwargs={"pk": material.source.pk})

    @classmethod
    def for_active_locale(cls):
        return live_page_for_language(cls)
