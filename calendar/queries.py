"""Which events a calendar shows, and the date arithmetic of its views."""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from typing import TYPE_CHECKING

from django.contrib.sessions.backends.base import SessionBase
from django.db.models import F
from django.http import HttpRequest

from gci.home.visibility import anonymous_pages, visible_pages
from gci.site.memo import active_locale

from .models import EventPage
from .models.pages import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet
    from wagtail.models import Locale

    from .models import EventIndexPage

__all__ = ["FIRST_YEAR", "LAST_YEAR", "events_for", "events_for_user"]


def events_for(
    request: HttpRequest, index: EventIndexPage | None, locale: Locale | None = None
) -> QuerySet[EventPage]:
    """Live events of one language that this calendar shows to this request:
    the public calendar shows what anyone may read; the planning calendar
    shows everything the person may read (public and Partners-only)."""
    queryset = EventPage.objects.filter(locale=locale or active_locale())
    if index is not None and not index.is_planning_calendar:
        queryset = anonymous_pages(queryset)
    else:
        queryset = visible_pages(request, queryset)
    return with_last_date(queryset)


def events_for_user(user: User, locale: Locale) -> QuerySet[EventPage]:
    """The planning calendar as ``user`` may read it (for their secret feed):
    a request of theirs that has passed no page password."""
    request = HttpRequest()
    request.user = user
    request.session = SessionBase()  # empty, and never saved
    return events_for(request, None, locale=locale)


def with_last_date(queryset: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Each event annotated with `last`: its end date, or its start date (the
    stored, indexed ``last_day``)."""
    return queryset.annotate(last=F("last_day"))


def overlapping(
    queryset: QuerySet[EventPage], first: dt.date, last: dt.date
) -> QuerySet[EventPage]:
    """Events that take place at least partly between two dates (inclusive)."""
    return queryset.filter(start_date__lte=last, last__gte=first)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a month."""
    first = dt.date(year, month, 1)
    return first, dt.date(year, month, stdlib_calendar.monthrange(year, month)[1])


def month_weeks(year: int, month: int, firstweekday: int = 0) -> list[list[dt.date]]:
    """The weeks of a month's grid, whole weeks (days of the months around included)."""
    return stdlib_calendar.Calendar(firstweekday).monthdatescalendar(year, month)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) `delta` months later (earlier when negative)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
