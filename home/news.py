"""News and announcements of the partnership.

A ``NewsIndexPage`` lists the news items beneath it, newest first, by type
and year (``?type=announcement&year=2009&page=2``); one stands in the public
tree (public news, with RSS and Atom feeds in each language: gci.home.feeds)
and one may stand inside the Partners area, where its items are the
Partners' alone: the area's view restriction and the site's one visibility
rule (gci.home.visibility) close them to every door, and the feeds refuse
any index that an anonymous visitor may not read.

Related events and materials are chosen by the editor; a page shows only
those the visitor may read (a Partners-only event never appears on a public
item, the suitcase's materials only to Partners, as on case studies). The
other apps' models are named by label: gci.home is below them.
"""

import datetime as dt
import re
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from gci.site.listing import PAGE_NUMBER, listing_cache_params, page_or_404, single_values
from gci.site.routes import PageViews

from .choices import NewsType
from .mixins import HeroImageMixin, IntroBodyMixin
from .roles import can_enter_partners_area
from .visibility import in_partners_area, visible_pages

NEWS_PER_PAGE = 10
FIRST_YEAR, LAST_YEAR = 1990, 2100
YEAR = re.compile(r"[0-9]{4}")
# The listing's own query string; anything else is ignored (and never cached).
QUERY_NAMES = ("type", "year", "page")
# Slugs a news item cannot take: the index's own routes use them.
RESERVED_SLUGS = {"feed"}


class NewsIndexPage(RoutablePageMixin, IntroBodyMixin, Page):
    """The news: public at the site's root, the Partners' own inside the
    Partners area. Lists its live items in its language, newest first."""

    parent_page_types = ["home.HomePage", "home.PartnersAreaPage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    # The feeds' views (gci.home.feeds) register here (see gci.site.routes).
    views = PageViews()

    class Meta:
        verbose_name = _("news index")

    @property
    def is_partners_news(self):
        return in_partners_area(self)

    # -- the query string -------------------------------------------------

    @staticmethod
    def read_query(request):
        """``{"type", "year", "page"}`` as the listing understands them, or
        ``Http404`` for a value it does not know (an unknown type, a year out
        of range, a page that is not a plain number) or a repeated name."""
        data = single_values(request.GET, QUERY_NAMES)
        if data is None:
            raise Http404
        if "type" in data and data["type"] not in NewsType.values:
            raise Http404
        if "year" in data and not (
            YEAR.fullmatch(data["year"]) and FIRST_YEAR <= int(data["year"]) <= LAST_YEAR
        ):
            raise Http404
        if "page" in data and not PAGE_NUMBER.fullmatch(data["page"]):
            raise Http404
        return data

    def cache_key_params(self, request):
        """The query this page understood, normalised, or ``None`` (see
        gci.site.page_cache): only the listing's own names, written as its
        links write them."""
        return listing_cache_params(request, self.read_query, QUERY_NAMES)

    # -- the listing --------------------------------------------------------

    def news(self, request):
        """The live items beneath this index that the request may read."""
        return visible_pages(request, NewsPage.objects.child_of(self))

    def listing_context(self, request):
        query = self.read_query(request)
        items = self.news(request)
        years = [
            day.year for day in items.order_by().dates("date", "year", order="DESC").distinct()
        ]
        if "type" in query:
            items = items.filter(news_type=query["type"])
        if "year" in query:
            items = items.filter(date__year=int(query["year"]))
        items = (
            items.order_by("-date", "-pk")
            .defer_streamfields()
            .select_related("hero_image")
            .prefetch_related("organisations")
        )
        page_of_news = page_or_404(Paginator(items, NEWS_PER_PAGE), query.get("page", 1))
        filters = {name: value for name, value in query.items() if name != "page"}

        def option(name, value, label):
            wanted = (
                {**filters, name: value}
                if value
                else {k: v for k, v in filters.items() if k != name}
            )
            return {
                "label": label,
                "url": "?" + urlencode(wanted) if wanted else "./",
                "active": filters.get(name, "") == value,
            }

        return {
            "news": page_of_news,
            "type_options": [option("type", "", _("All types"))]
            + [option("type", value, label) for value, label in NewsType.choices],
            "year_options": [option("year", "", _("All years"))]
            + [option("year", str(year), str(year)) for year in years],
            "filter_query": urlencode(filters),
        }

    @path("")
    def listing(self, request):
        return self.render(request, context_overrides=self.listing_context(request))

    @path("feed/rss/")
    def rss(self, request):
        return self.views.news_feed(request, self, "rss")

    @path("feed/atom/")
    def atom(self, request):
        return self.views.news_feed(request, self, "atom")


class NewsPage(HeroImageMixin, IntroBodyMixin, Page):
    """A news item, an announcement or a publication, with its date, the
    organisations it concerns, and the events and materials it relates to.
    Its hero image is the item's picture."""

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    date = models.DateField(_("date"), default=dt.date.today, db_index=True)
    news_type = models.CharField(
        _("type"), max_length=20, choices=NewsType, default=NewsType.NEWS, db_index=True
    )
    organisations = ParentalManyToManyField(
        "home.PartnerOrganisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="news",
        limit_choices_to={"locale__language_code": "en"},
        help_text=_("The Partner organisations this item concerns."),
    )
    related_materials = ParentalManyToManyField(
        "materials.Material",
        verbose_name=_("related materials"),
        blank=True,
        related_name="news",
        help_text=_("Shown to Partners only: the suitcase is theirs."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("news_type")])],
            heading=_("When and what"),
        ),
        *HeroImageMixin.hero_panels,
        *IntroBodyMixin.intro_panels,
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_events", label=_("Related events")),
        FieldPanel("related_materials"),
    ]
    search_fields = [
        *IntroBodyMixin.search_fields,
        index.FilterField("date"),
        index.FilterField("news_type"),
    ]
    api_fields = [
        APIField("date"),
        APIField("news_type"),
        APIField("organisation_acronyms"),
        *IntroBodyMixin.api_fields,
        *HeroImageMixin.api_fields,
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the news feeds.")})

    @property
    def type_label(self):
        return NewsType(self.news_type).label

    @property
    def organisation_acronyms(self):
        return [org.acronym for org in self.organisations.all()]

    def localized_organisations(self):
        """The organisations in the active language where translated (from
        the memoised list: no query for their translations)."""
        organisation_model = apps.get_model("home", "PartnerOrganisation")
        keys = {org.translation_key for org in self.organisations.all()}
        organisations = organisation_model.for_active_locale()
        return [org for org in organisations if org.translation_key in keys]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        event_model = apps.get_model("gci_calendar", "EventPage")
        chosen = event_model.objects.filter(
            pk__in=[link.event_id for link in self.related_events.all()]
        )
        # Each event in this page's language where translated (a translated
        # item keeps the events its source chose), else as chosen.
        here = event_model.objects.filter(
            translation_key__in=chosen.values("translation_key"), locale_id=self.locale_id
        )
        translated = set(here.values_list("translation_key", flat=True))
        events = visible_pages(
            request,
            event_model.objects.filter(
                models.Q(pk__in=here.values("pk"))
                | models.Q(pk__in=chosen.exclude(translation_key__in=translated).values("pk"))
            ),
        )
        context["related_events"] = list(
            events.defer_streamfields().order_by("start_date", "pk").prefetch_related("organisers")
        )
        materials, suitcase = [], None
        if can_enter_partners_area(request.user):
            suitcase = apps.get_model("materials", "SuitcasePage").for_active_locale()
            material_model = apps.get_model("materials", "Material")
            materials = list(
                material_model.objects.filter(
                    pk__in=self.related_materials.all().values("pk")
                ).approved()
            )
        context["related_materials"] = materials
        context["suitcase"] = suitcase
        context["organisation_list"] = self.localized_organisations()
        context["index"] = self.get_parent()
        return context


class NewsPageEvent(Orderable):
    """An event a news item relates to (chosen with the page chooser)."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("event")]

    class Meta(Orderable.Meta):
        verbose_name = _("related event")
        verbose_name_plural = _("related events")
