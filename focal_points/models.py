"""Focal points: Wagtail pages hold the links to each organisation's lists
of national focal points; the site links, it does not copy (the Partners
decided so, because the lists change often), and it checks its links.

- `FocalPointDirectoryPage`: the public directory, by treaty and by country.
- `OrganisationFocalPointsPage`: one per Partner organisation, under the
  directory, holding its links (revisions give their history; the
  organisation's own members edit them from the Partners area).
- `LinkCheck`: the last result of checking one URL (kept apart from the
  pages, so a check never creates a revision and a revision never undoes a
  check).
"""

from django.core.validators import URLValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from gci.home.choices import Treaty
from gci.home.models import IntroBodyMixin
from gci.site.memo import default_locale
from gci.site.routes import PageViews

from .choices import ContactKind
from .patterns import fill, validate_pattern

http_url = URLValidator(schemes=["http", "https"])


class FocalPointDirectoryPage(RoutablePageMixin, IntroBodyMixin, Page):
    """Every organisation's focal-point lists, by treaty or for one country."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["focal_points.OrganisationFocalPointsPage"]
    max_count_per_parent = 1
    views = PageViews()  # filled by gci.focal_points.views (see gci.site.routes)

    class Meta:
        verbose_name = _("focal-point directory")

    @path("")
    def by_treaty(self, request):
        return self.views.directory(request, self)

    @re_path(r"^country/(?P<code>[A-Za-z]{2})/$")
    def by_country(self, request, code):
        return self.views.directory(request, self, country=code.upper())


class OrganisationFocalPointsPage(Page):
    """One organisation's links to its focal-point and contact lists."""

    parent_page_types = ["focal_points.FocalPointDirectoryPage"]
    subpage_types = []

    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        InlinePanel("links", label=_("Links"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.RelatedFields("links", [index.SearchField("label")]),
    ]
    api_fields = [APIField("organisation_acronym"), APIField("directory")]

    class Meta:
        verbose_name = _("organisation's focal points")

    @property
    def organisation_acronym(self):
        return self.organisation.acronym

    @property
    def directory(self):
        """The links as data for the read API."""
        checks = LinkCheck.for_urls([link.url for link in self.links.all()])
        return [link.as_data(checks.get(link.url)) for link in self.links.all()]

    def serve(self, request, *args, **kwargs):
        # The directory shows these links; this page has nothing of its own.
        from django.shortcuts import redirect

        return redirect(self.get_parent().get_url(request))

    @cached_property
    def source(self):
        """The page in the default language (links and URLs live there)."""
        return self.get_translation_or_none(default_locale()) or self


class FocalPointLink(Orderable):
    page = ParentalKey(OrganisationFocalPointsPage, on_delete=models.CASCADE, related_name="links")
    treaty = models.CharField(_("treaty or mandate"), max_length=20, choices=Treaty)
    kind = models.CharField(_("kind of contact"), max_length=30, choices=ContactKind)
    label = models.CharField(
        _("label"),
        max_length=255,
        help_text=_("E.g. 'Parties' focal points and competent authorities'."),
    )
    url = models.URLField(
        _("list of contacts"),
        max_length=500,
        validators=[http_url],
        help_text=_("The organisation's own page listing the contacts of all countries."),
    )
    country_url_pattern = models.CharField(
        _("page per country"),
        max_length=500,
        blank=True,
        validators=[validate_pattern],
        help_text=_(
            "Optional: an address with {iso2} or {iso3} where the organisation "
            "publishes one page per country, e.g. https://example.org/parties/{iso2}"
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("kind")]),
        FieldPanel("label"),
        FieldPanel("url"),
        FieldPanel("country_url_pattern"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("focal-point link")

    def __str__(self):
        return self.label

    def url_for_country(self, code):
        return fill(self.country_url_pattern, code) if self.country_url_pattern else self.url

    def as_data(self, check=None):
        return {
            "treaty": self.treaty,
            "kind": self.kind,
            "label": self.label,
            "url": self.url,
            "country_url_pattern": self.country_url_pattern,
            "last_verified": check.last_good_at.isoformat()
            if check and check.last_good_at
            else None,
            "status": check.status_label if check else "unchecked",
        }


class LinkCheck(models.Model):
    """The health of one URL, as last seen by `check_focal_point_links`."""

    url = models.URLField(max_length=500, unique=True)
    ok = models.BooleanField(default=False)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    redirects = models.JSONField(default=list, blank=True)
    error = models.CharField(max_length=255, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    last_good_at = models.DateTimeField(null=True, blank=True)
    broken_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("link check")
        ordering = ["ok", "url"]

    def __str__(self):
        return self.url

    @classmethod
    def for_urls(cls, urls):
        return {check.url: check for check in cls.objects.filter(url__in=set(urls))}

    @property
    def status_label(self):
        if self.checked_at is None:
            return "unchecked"
        return "ok" if self.ok else "broken"
