"""Which events a calendar shows, and the date arithmetic of its views."""

import calendar as stdlib_calendar
import datetime as dt
from types import SimpleNamespace

from django.db.models import F
from django.db.models.functions import Coalesce

from gci.home.visibility import anonymous_pages, visible_pages
from gci.site.memo import active_locale

from .models import EventPage
from .models.pages import FIRST_YEAR, LAST_YEAR

__all__ = ["FIRST_YEAR", "LAST_YEAR", "events_for", "events_for_user"]


def events_for(request, index, locale=None):
    """Live events of one language that this calendar shows to this request:
    the public calendar shows what anyone may read; the planning calendar
    shows everything the person may read (public and Partners-only)."""
    queryset = EventPage.objects.filter(locale=locale or active_locale())
    if index is not None and not index.is_planning_calendar:
        queryset = anonymous_pages(queryset)
    else:
        queryset = visible_pages(request, queryset)
    return with_last_date(queryset)


def events_for_user(user, locale):
    """The planning calendar as ``user`` may read it (for their secret feed)."""
    return events_for(SimpleNamespace(user=user, session={}), None, locale=locale)


def with_last_date(queryset):
    return queryset.annotate(last=Coalesce(F("end_date"), F("start_date")))


def overlapping(queryset, first, last):
    """Events that take place at least partly between two dates (inclusive)."""
    return queryset.filter(start_date__lte=last, last__gte=first)


def month_bounds(year, month):
    first = dt.date(year, month, 1)
    return first, dt.date(year, month, stdlib_calendar.monthrange(year, month)[1])


def month_weeks(year, month, firstweekday=0):
    return stdlib_calendar.Calendar(firstweekday).monthdatescalendar(year, month)


def shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
