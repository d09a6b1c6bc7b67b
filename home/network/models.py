"""Training institutions (a snippet the Secretariat keeps) and the public
page that lists them (``InstitutionIndexPage``).

An institution is one plain row: kind, country, UN region and curriculum
are columns, so the page's filters are one query on one table. Its contact
(a person, an email, a phone) is for the Partners and the Secretariat: the
page shows it only to them, answering ``private, no-store`` (so it never
enters the anonymous page cache, which stores only what an anonymous
visitor was shown); it is in no search index and no API field.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from gci.site.routes import KnownQueryMixin, PageViews

from ..choices import UNRegion
from ..http import PrivateForPartnersMixin
from ..mixins import IntroBodyMixin
from .choices import Curriculum, InstitutionKind


class TrainingInstitution(models.Model):
    """A national customs training institution, a regional intelligence
    liaison office (RILO) or another institution the Partners train with."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=InstitutionKind.choices, default=InstitutionKind.TRAINING
    )
    name = models.CharField(_("name"), max_length=255)
    country = CountryField(
        _("country"), blank=True, help_text=_("Empty for an office that serves a region.")
    )
    region = models.CharField(_("UN region"), max_length=30, choices=UNRegion.choices)
    website = models.URLField(_("website"), blank=True)
    curriculum = models.CharField(
        _("green customs in the curriculum"),
        max_length=10,
        choices=Curriculum.choices,
        default=Curriculum.UNKNOWN,
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("Shown on the public page."))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("region"),
        FieldPanel("website"),
        FieldPanel("curriculum"),
        FieldPanel("notes"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact (shown to the Partners only)"),
        ),
    ]

    class Meta:
        verbose_name = _("training institution")
        verbose_name_plural = _("training institutions")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["region", "country", "name"], name="institution_listing")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def has_contact(self):
        return bool(self.contact_name or self.contact_email or self.contact_phone)


class InstitutionIndexPage(PrivateForPartnersMixin, KnownQueryMixin, IntroBodyMixin, Page):
    """The public list of training institutions and RILOs, filtered by kind,
    region, country and curriculum."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "home/network/institution_index_page.html"
    views = PageViews()  # filled by gci.home.network.views (see gci.site.routes)

    class Meta:
        verbose_name = _("training institutions page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.views.institutions(request, self))
        return context
