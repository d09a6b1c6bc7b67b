"""Enforcement stories and seizure records, and the public "Enforcement news".

The Partners send the Secretariat their seizures and prosecutions (and, as
the 2009 report asks, positive stories: a facilitation of legal trade, a
success of cooperation) from the Partners area (``/<lang>/planning/
enforcement/``). The Secretariat reviews, corrects and publishes them in the
admin. A record reaches the public ``EnforcementNewsPage`` (its listing, its
own page, its feeds) only when it is **published and may be published**
(``EnforcementRecord.objects.public()``); a published record the sender did
not clear for the public stays in the Partners area, where every Partner
reads it; a record not (yet) published is its organisation's and the
Secretariat's alone.

A record is one row of plain columns (the treaties and HS codes as one
``|a|b|`` column each, as the suitcase does), so the listing's filters and
its figures per treaty and year are a few queries on one table at 10,000
records. Photos are Wagtail images kept in a Secretariat-only collection
until the record is public, and moved back there when it stops being so.

The summary is not translated: the record keeps the language it is written in.
"""

import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from gci.home.choices import Language
from gci.home.models import IntroBodyMixin
from gci.site.fields import ChoiceSetField
from gci.site.memo import live_page_for_language
from gci.site.routes import KnownQueryMixin, PageViews
from gci.site.versioning import EditVersionMixin

from ..choices import EnforcementKind, EnforcementState, QuantityUnit, Treaty
from ..hs_codes import HSCodesFormField, describe, display, validate_hs_codes

FIRST_YEAR = 1970
# The listing's own query string (gci.site.page_cache).
QUERY_NAMES = ("treaty", "country", "year", "kind", "page")
# The page's routes: no child page may take these slugs (it has none).
RESERVED_SLUGS = {"feed"}


def validate_record_date(value):
    """No date in the future, none before 1970 (the treaties' era)."""
    if value is None:
        return
    if value > timezone.localdate():
        raise ValidationError(_("The date is in the future: give the day it happened."))
    if value < dt.date(FIRST_YEAR, 1, 1):
        raise ValidationError(
            _("The date is before %(year)s: check the year.") % {"year": FIRST_YEAR}
        )


class HSCodeSetField(ChoiceSetField):
    """HS codes in one ``|2903|290377|`` column, checked against the shipped list."""

    def validate(self, value, model_instance):
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")
        validate_hs_codes(value or [])

    def formfield(self, **kwargs):
        defaults = {
            "label": self.verbose_name,
            "help_text": self.help_text,
            "required": not self.blank,
        }
        defaults.update(kwargs)
        for key in ("max_length", "empty_value", "choices_form_class", "coerce", "choices"):
            defaults.pop(key, None)
        defaults.pop("form_class", None)
        defaults.pop("widget", None)
        return HSCodesFormField(**defaults)


class EnforcementRecordQuerySet(models.QuerySet):
    def public(self):
        """What anyone may read: published, and cleared for the public by its sender."""
        return self.filter(state=EnforcementState.PUBLISHED, may_publish=True)

    def for_partners_of(self, user, organisation):
        """What a Partner may read in the Partners area: their organisation's
        records, whatever their state, and every published record. The
        Secretariat reads them all."""
        from gci.home.roles import is_secretariat

        if is_secretariat(user):
            return self.all()
        condition = Q(state=EnforcementState.PUBLISHED)
        if organisation is not None:
            condition |= Q(organisation=organisation)
        return self.filter(condition)


class EnforcementRecord(EditVersionMixin, ClusterableModel):
    """A seizure, a prosecution or a positive story, as a Partner sent it and
    the Secretariat corrected it."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EnforcementKind.choices, default=EnforcementKind.SEIZURE
    )
    title = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_("One line, e.g. “240 cylinders of CFC-12 seized at the port of …”."),
    )
    date = models.DateField(
        _("date"),
        validators=[validate_record_date],
        help_text=_("When the seizure, judgment or event took place."),
    )
    country = CountryField(_("country"))
    treaties = ChoiceSetField(_("treaties"), options=Treaty.choices, blank=False)
    hs_codes = HSCodeSetField(
        _("HS codes"),
        blank=True,
        max_length=200,
        help_text=_(
            "Harmonized System (2022) codes of the goods, separated by commas: a chapter, "
            "heading or subheading, e.g. 2903, 8415.10."
        ),
    )
    commodity = models.CharField(
        _("commodity"),
        max_length=255,
        blank=True,
        help_text=_("What the goods were, e.g. “CFC-12 in 13.6 kg cylinders”."),
    )
    quantity = models.DecimalField(
        _("quantity"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=20, choices=QuantityUnit.choices, blank=True)
    agency = models.CharField(
        _("agency"),
        max_length=255,
        blank=True,
        help_text=_("The customs administration or other agency that acted."),
    )
    source_url = models.URLField(
        _("source"), blank=True, help_text=_("A press release or article, if there is one.")
    )
    summary = models.TextField(_("summary"), max_length=4000)
    language = models.CharField(
        _("language of the summary"), max_length=10, choices=Language.choices, default="en"
    )
    may_publish = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_(
            "Yes: once the Secretariat publishes it, anyone may read it in the public "
            "“Enforcement news”. No: it stays in the Partners area."
        ),
    )
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("submitted by organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enforcement_records",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=EnforcementState.choices,
        default=EnforcementState.SUBMITTED,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = EnforcementRecordQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("country")]),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("treaties"),
                FieldPanel("hs_codes"),
                FieldPanel("commodity"),
                FieldRowPanel([FieldPanel("quantity"), FieldPanel("unit")]),
                FieldPanel("agency"),
            ],
            heading=_("Goods"),
        ),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("source_url")]),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("may_publish"),
                FieldPanel("state"),
            ],
            heading=_("Review"),
        ),
        FieldPanel("seen_version", heading=" "),  # EnforcementRecordAdminForm's hidden field
    ]

    class Meta:
        verbose_name = _("enforcement record")
        verbose_name_plural = _("enforcement records")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["state", "may_publish", "-date"], name="enforcement_public"),
            models.Index(fields=["organisation", "-date"], name="enforcement_organisation"),
            models.Index(fields=["country"], name="enforcement_country"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__isnull=True) | Q(quantity__gt=0),
                name="enforcement_quantity_positive",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.quantity is not None and self.quantity <= 0:
            errors["quantity"] = _("A quantity is more than zero; leave it empty if unknown.")
        if self.quantity is not None and not self.unit:
            errors["unit"] = _("Give the unit of the quantity.")
        if errors:
            raise ValidationError(errors)

    # -- what it shows ---------------------------------------------------------

    @property
    def is_public(self):
        return self.state == EnforcementState.PUBLISHED and self.may_publish

    @property
    def is_editable_by_partner(self):
        return self.state == EnforcementState.SUBMITTED

    def treaty_labels(self):
        return self._meta.get_field("treaties").labels(self.treaties)

    @property
    def treaties_text(self):
        return ", ".join(str(label) for label in self.treaty_labels())

    def hs_code_rows(self):
        return [(display(code), describe(code)) for code in self.hs_codes]

    @property
    def hs_codes_display(self):
        return ", ".join(display(code) for code in self.hs_codes)

    @property
    def quantity_display(self):
        """``12`` rather than ``12.000``, with its unit."""
        if self.quantity is None:
            return ""
        number = self.quantity.normalize()
        if number == number.to_integral():
            number = number.quantize(Decimal(1))
        return f"{number:f} {self.get_unit_display()}".strip()

    # -- photos follow the record's visibility ---------------------------------

    def place_photos(self):
        """Public record: its photos in the public collection; otherwise in the
        Secretariat-only one (gci.site.private_images moves the files)."""
        from ..collections import enforcement_photos_collection, enforcement_submissions_collection

        target = (
            enforcement_photos_collection()
            if self.is_public
            else enforcement_submissions_collection()
        )
        for photo in self.photos.select_related("image"):
            image = photo.image
            if image is not None and image.collection_id != target.pk:
                image.collection = target
                image.save(update_fields=["collection"])


class EnforcementRecordAdminForm(WagtailAdminModelForm):
    """The Secretariat's corrections never silently undo a Partner's (or a
    colleague's): the version read is sent back with the form, and a save
    from an older one is refused, naming who saved first."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen_version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                EnforcementRecord.objects.filter(pk=self.instance.pk)
                .select_related("updated_by")
                .first()
            )
            if current is not None and cleaned.get("seen_version") != current.version:
                from gci.home.roles import display_name

                name = display_name(current.updated_by) if current.updated_by else ""
                raise ValidationError(
                    _(
                        "%(name)s saved this record while you were editing it. "
                        "Open it again to see their changes, then make yours."
                    )
                    % {"name": name or _("Someone")},
                    code="conflict",
                )
        return cleaned


EnforcementRecord.base_form_class = EnforcementRecordAdminForm


class EnforcementPhoto(Orderable):
    """A photo of a record: public only while the record is."""

    record = ParentalKey(EnforcementRecord, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class EnforcementNewsPage(KnownQueryMixin, RoutablePageMixin, IntroBodyMixin, Page):
    """The public "Enforcement news": published records their senders cleared
    for the public, filtered by treaty, country, year and kind; one page per
    record; RSS and Atom feeds; figures per treaty and year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    views = PageViews()  # filled by gci.materials.views.enforcement (see gci.site.routes)

    class Meta:
        verbose_name = _("enforcement news")

    @path("")
    def listing(self, request):
        return self.views.listing(request, self)

    @path("<int:pk>/")
    def record(self, request, pk):
        return self.views.record(request, self, pk)

    @path("feed/rss/")
    def rss(self, request):
        return self.views.enforcement_feed(request, self, "rss")

    @path("feed/atom/")
    def atom(self, request):
        return self.views.enforcement_feed(request, self, "atom")

    def record_url(self, record):
        return self.url + self.reverse_subpage("record", kwargs={"pk": record.pk})

    @classmethod
    def for_active_locale(cls):
        return live_page_for_language(cls)
