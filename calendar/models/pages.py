"""Event pages: the calendar index (public or the Partners' planning
calendar) and the events themselves."""

import calendar as stdlib_calendar
import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from gci.home.blocks import BodyStreamBlock
from gci.home.choices import Treaty, UNRegion
from gci.home.http import private_response
from gci.home.models import IntroBodyMixin, PartnerOrganisation
from gci.home.roles import can_enter_partners_area
from gci.home.visibility import collection_is_restricted, in_partners_area
from gci.site.fields import ChoiceSetField
from gci.site.memo import active_locale
from gci.site.routes import PageViews

from ..choices import DatePrecision, EventKind, EventStatus
from ..ics import event_calendar

TIME_ZONES = sorted(available_timezones())
FIRST_YEAR, LAST_YEAR = 1990, 2100
# Slugs an event cannot take: the calendar's own views use them.
RESERVED_SLUGS = {"past", "feed", "ics"}


def validate_time_zone(value):
    if value not in TIME_ZONES:
        raise ValidationError(_("Unknown time zone: %(zone)s"), params={"zone": value})


class EventIndexPage(RoutablePageMixin, IntroBodyMixin, Page):
    """A calendar. In the public tree it shows public events; inside the
    Partners area it is the Partners' planning calendar: public events and the
    events that live under the Partners area. Each event lives once, under one
    of the two."""

    parent_page_types = ["home.HomePage", "home.PartnersAreaPage"]
    subpage_types = ["gci_calendar.EventPage"]
    max_count_per_parent = 1

    # Filled by gci.calendar.views (see gci.site.routes).
    views = PageViews()

    class Meta:
        verbose_name = _("calendar")

    @cached_property
    def is_planning_calendar(self):
        return in_partners_area(self)

    def cache_key_params(self, request):
        """The query string this view understood, normalised, or ``None``
        (the page cache stores only what its page knows: gci.site.page_cache)."""
        match = getattr(request, "routable_resolver_match", None)
        return self.views.known_query(request, self, match.url_name if match else "upcoming")

    # Views (see gci.calendar.views for what each renders)

    @path("")
    def upcoming(self, request):
        return self.views.calendar_list(request, self, past=False)

    @path("past/")
    def past(self, request):
        return self.views.calendar_list(request, self, past=True)

    @re_path(r"^(?P<year>[0-9]{4})/$")
    def year(self, request, year):
        return self.views.calendar_year(request, self, int(year))

    @re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$")
    def month(self, request, year, month):
        return self.views.calendar_month(request, self, int(year), int(month))

    @path("feed/")
    def feed(self, request):
        return self.views.calendar_feed(request, self)


class EventPageForm(WagtailAdminPageForm):
    """A Partners-only meeting may only carry documents that are themselves
    restricted: otherwise its papers would be public at their own URL."""

    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if parent is None or not in_partners_area(parent) or "links" not in self.formsets:
            return cleaned
        links = self.formsets["links"]
        links.is_valid()  # the inline forms are not cleaned yet when the page form is
        message = _(
            "This event is for the Partners only: choose a document from a "
            "restricted collection (or restrict its collection first)."
        )
        for form in links.forms:
            data = getattr(form, "cleaned_data", None) or {}
            document = data.get("document")
            if (
                document
                and not data.get("DELETE")
                and not collection_is_restricted(document.collection)
            ):
                form.add_error("document", message)
                self.add_error(None, message)
        return cleaned


class EventPage(RoutablePageMixin, Page):
    """One event: a workshop, a training course, a side event, a COP/MOP, a
    Partners meeting… A Partners meeting also carries its agenda, documents
    and action points."""

    parent_page_types = ["gci_calendar.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm
    views = PageViews()  # filled by gci.calendar.views (see gci.site.routes)

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind, default=EventKind.WORKSHOP)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus, default=EventStatus.CONFIRMED
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))

    date_precision = models.CharField(
        _("date known to the"),
        max_length=8,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        help_text=_(
            "Month only: the start (and end) date stand for their month, which is all "
            "that is shown. Date to be confirmed: the start date only orders the event."
        ),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for an all-day event.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("For events of several days.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    # The end date, or the start date: stored (and set on every save) so the
    # calendar's lists filter on an indexed column, not on COALESCE(end, start).
    last_day = models.DateField(_("last day"), null=True, editable=False, db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("The time zone of the place, e.g. Europe/Brussels."),
    )
    tentative = models.BooleanField(
        _("to be confirmed"), default=False, help_text=_("The dates are not final yet.")
    )
    date_note = models.CharField(
        _("note on the dates"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 'month to be confirmed'."),
    )

    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("UN region"), max_length=32, choices=UNRegion, blank=True)
    # What a workshop trained on (the training indicators count workshops by
    # treaty); empty: the topics of the requests it answers stand in.
    treaties = ChoiceSetField(
        _("treaties covered"),
        options=Treaty.choices,
        help_text=_("For a workshop: the treaties it trains officers on."),
    )
    organisers = ParentalManyToManyField(
        "home.PartnerOrganisation",
        verbose_name=_("organising Partners"),
        blank=True,
        related_name="events",
        limit_choices_to={"locale__language_code": "en"},
    )

    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    agenda = RichTextField(
        _("agenda"), blank=True, features=["bold", "italic", "ol", "ul", "link", "document-link"]
    )
    # The short public report of a held workshop; translated with the page
    # (participants, trainers and photos: gci.calendar.models.outcomes).
    outcome_report = RichTextField(
        _("outcome report"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Once the workshop is held: what it covered and achieved, in a few lines."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]), FieldPanel("summary")],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("date_precision"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("tentative"), FieldPanel("date_note")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("region"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("treaties"),
        FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("agenda"),
        InlinePanel("links", label=_("Documents and links")),
        FieldPanel("outcome_report"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.SearchField("outcome_report"),
        index.FilterField("start_date"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("status"),
        APIField("summary"),
        APIField("date_precision"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_date"),
        APIField("end_time"),
        APIField("time_zone"),
        APIField("tentative"),
        APIField("venue"),
        APIField("city"),
        APIField("country_code"),
        APIField("region"),
        APIField("organiser_acronyms"),
        APIField("body"),
        APIField("outcome_report"),
    ]

    # A choice set is stored as text: kept the same in every translation,
    # never offered to translators as a string.
    override_translatable_fields = [SynchronizedField("treaties")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start_date", "end_date"])]

    # -- validation ---------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        for name in ("start_date", "end_date"):
            value = getattr(self, name)
            if value and not (FIRST_YEAR <= value.year <= LAST_YEAR):
                errors[name] = _("Give a date between 1990 and 2100.")
        if self.slug in RESERVED_SLUGS or self.slug.isdigit():
            errors["slug"] = _("This slug is used by the calendar's own views: choose another.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.end_time and not self.start_time:
            errors["end_time"] = _("Give a start time too, or leave both empty (all day).")
        if (
            self.start_time
            and self.end_time
            and (self.end_date in (None, self.start_date))
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The end time must be after the start time.")
        if self.date_precision != DatePrecision.DAY:
            if self.start_time or self.end_time:
                errors["start_time"] = _(
                    "An event whose day is not known has no time: leave the times empty."
                )
            elif self.start_date and not errors.get("end_date"):
                self._store_month()
        if errors:
            raise ValidationError(errors)

    def _store_month(self):
        """A month-only event has no day: it is stored from the 1st of its
        first month to the last day of its last month."""
        end = self.end_date or self.start_date
        self.start_date = self.start_date.replace(day=1)
        self.end_date = end.replace(day=stdlib_calendar.monthrange(end.year, end.month)[1])

    def save(self, *args, **kwargs):
        self.last_day = self.end_date or self.start_date
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"start_date", "end_date"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "last_day"}
        return super().save(*args, **kwargs)

    # -- dates ---------------------------------------------------------------

    @property
    def last_date(self):
        return self.end_date or self.start_date

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def multi_day(self):
        return self.last_date != self.start_date

    @property
    def tz(self):
        try:
            return ZoneInfo(self.time_zone)
        except (ValueError, KeyError):
            return ZoneInfo("UTC")

    @property
    def starts_at(self):
        if self.all_day:
            return None
        return dt.datetime.combine(self.start_date, self.start_time, tzinfo=self.tz)

    @property
    def ends_at(self):
        if self.all_day:
            return None
        end_time = self.end_time or self.start_time
        return dt.datetime.combine(self.last_date, end_time, tzinfo=self.tz)

    @property
    def day_known(self):
        return self.date_precision == DatePrecision.DAY

    @property
    def is_past(self):
        """Its end has passed, where it takes place."""
        if self.date_precision == DatePrecision.UNKNOWN:
            return False
        now = timezone.now()
        if self.day_known and not self.all_day:
            return self.ends_at <= now
        return self.last_date < now.astimezone(self.tz).date()

    @property
    def shown_status(self):
        """The status as shown: an event whose end has passed is held, never
        still "confirmed"."""
        if self.status == EventStatus.CONFIRMED and self.is_past:
            return EventStatus.HELD
        return EventStatus(self.status)

    @property
    def country_code(self):
        return str(self.country.code) if self.country else ""

    @property
    def organiser_acronyms(self):
        return [org.acronym for org in self.organisers.all()]

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.views.event_context(request, self))
        return context

    @path("")
    def detail(self, request):
        response = self.render(request)
        if can_enter_partners_area(request.user):
            # Its action points and the way to its consultation are this
            # person's: no shared cache or browser history keeps this answer.
            private_response(response)
        return response

    @path("ics/")
    def ics(self, request):
        if not self.day_known:  # no day to put in a calendar app (see gci.calendar.ics)
            raise Http404
        response = HttpResponse(event_calendar(self, request), content_type="text/calendar")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def localized_organisers(self):
        organisers = list(self.organisers.all())
        if not organisers:
            return []
        active = active_locale()
        translated = {
            org.translation_key: org
            for org in PartnerOrganisation.objects.filter(
                locale=active, translation_key__in=[o.translation_key for o in organisers]
            )
        }
        return [translated.get(org.translation_key, org) for org in organisers]


class EventLink(Orderable):
    """A document or a link attached to an event (meeting documents, reports…)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=255)
    url = models.URLField(_("link"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("label"), FieldPanel("url"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document or link")
        verbose_name_plural = _("documents and links")

    def clean(self):
        super().clean()
        if bool(self.url) == bool(self.document_id):
            raise ValidationError(_("Give either a link or a document."))

    @property
    def href(self):
        return self.document.url if self.document_id else self.url
