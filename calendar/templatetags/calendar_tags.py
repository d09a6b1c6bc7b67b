"""Template helpers of the calendar: dates of an event, status badges."""

from django import template
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from ..choices import EventKind, EventStatus

register = template.Library()


@register.simple_tag
def event_dates(event):
    """'26–27 January 2009', '5 May 2008, 14:00–16:00 (Europe/Berlin)', …"""
    start, last = event.start_date, event.last_date
    if event.multi_day:
        text = _("%(start)s – %(end)s") % {
            "start": date_format(start, "DATE_FORMAT"),
            "end": date_format(last, "DATE_FORMAT"),
        }
    else:
        text = date_format(start, "DATE_FORMAT")
    if not event.all_day:
        times = time_format(event.start_time, "TIME_FORMAT")
        if event.end_time:
            times += "–" + time_format(event.end_time, "TIME_FORMAT")
        text = f"{text}, {times} ({event.time_zone})"
    if event.tentative:
        text = f"{text} ({event.date_note or _('to be confirmed')})"
    return text


@register.filter
def status_label(event):
    return EventStatus(event.status).label


@register.filter
def kind_label(event):
    return EventKind(event.kind).label


@register.simple_tag
def view_url(index, request, view, year=None, month=None, query=""):
    """The URL of one of a calendar's views, keeping the filters."""
    if view == "month":
        url = index.reverse_subpage("month", args=[f"{year:04d}", f"{month:02d}"])
    elif view == "year":
        url = index.reverse_subpage("year", args=[f"{year:04d}"])
    elif view == "past":
        url = index.reverse_subpage("past")
    elif view == "feed":
        url = index.reverse_subpage("feed")
    else:
        url = ""
    full = index.get_url(request) + url
    return f"{full}?{query}" if query else full
