"""Template helpers of the calendar: dates of an event, status badges."""

from django import template
from django.utils.translation import gettext as _

from gci.site.dates import format_when

from ..choices import DatePrecision, EventKind

register = template.Library()


def event_when(event):
    """'26–27 January 2009', '5 May 2008, 14:00–16:00 (Germany Time)',
    'September 2009', 'Date to be confirmed' (gci.site.dates)."""
    text = format_when(
        event.start_date,
        event.last_date,
        None if event.all_day else event.start_time,
        event.end_time,
        tz=event.tz,
        precision=event.date_precision,
    )
    if event.tentative:
        text = f"{text} ({event.date_note or _('to be confirmed')})"
    elif event.date_note and not event.day_known:
        text = f"{text} ({event.date_note})"
    return text


@register.simple_tag
def event_dates(event):
    return event_when(event)


@register.filter
def status_label(event):
    """The status as shown: "Held" once the event's end has passed."""
    return event.shown_status.label


@register.filter
def status_code(event):
    return event.shown_status.value


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


@register.filter
def datetime_attr(event):
    """The ``datetime`` attribute of an event's <time>: its day, its month, or
    nothing when the date is to be confirmed."""
    if event.day_known:
        return event.start_date.isoformat()
    if event.date_precision == DatePrecision.MONTH:
        return f"{event.start_date:%Y-%m}"
    return ""
