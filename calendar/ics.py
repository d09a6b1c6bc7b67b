"""iCalendar (RFC 5545) output, built with the `icalendar` library.

UIDs are stable: one per event whatever its language (its translation key),
so a calendar app that subscribes in French and in English sees one event.
A feed holds a bounded number of events (``gci.calendar.views.feed_events``);
it is built piece by piece and served whole, so the anonymous page cache can
keep the public ones.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries
from icalendar import Calendar, Event, Timezone

from .choices import EventKind, EventStatus

PRODID = "-//Green Customs Initiative//Events calendar//EN"
UID_DOMAIN = "greencustoms-initiative"
ICS_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.PROPOSED: "TENTATIVE",
    EventStatus.CONTINGENT: "TENTATIVE",
    EventStatus.POSTPONED: "TENTATIVE",
}


def event_uid(event):
    return f"event-{event.translation_key}@{UID_DOMAIN}"


def _location(event):
    country = dict(countries).get(event.country_code, "") if event.country_code else ""
    return ", ".join(part for part in (event.venue, event.city, str(country)) if part)


def event_component(event, url):
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", timezone.now())
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    title = event.title
    if event.tentative:
        title = f"{title} ({_('to be confirmed')})"
    component.add("summary", title)
    if event.all_day:
        component.add("dtstart", event.start_date)
        component.add(
            "dtend", min(event.last_date, dt.date.max - dt.timedelta(days=1)) + dt.timedelta(days=1)
        )
    else:
        component.add("dtstart", event.starts_at)
        ends_at = event.ends_at
        if ends_at <= event.starts_at:
            ends_at = event.starts_at + dt.timedelta(hours=1)
        component.add("dtend", ends_at)
    location = _location(event)
    if location:
        component.add("location", location)
    if event.summary:
        component.add("description", event.summary)
    component.add("url", url)
    component.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
    component.add("categories", [str(EventKind(event.kind).label)])
    return component


def _header(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    text = calendar.to_ical()
    return text[: text.rindex(b"END:VCALENDAR")]


def _timezones(names):
    for name in sorted(set(names) - {"UTC", ""}):
        try:
            yield Timezone.from_tzid(name).to_ical()
        except Exception:  # noqa: BLE001, S112 - an unknown zone is written as UTC
            continue


def event_calendar(event, request):
    """One event's .ics, as bytes."""
    url = event.get_full_url(request)
    parts = [_header(event.title), *_timezones([event.time_zone])]
    parts.append(event_component(event, url).to_ical())
    parts.append(b"END:VCALENDAR\r\n")
    return b"".join(parts)


def stream_calendar(name, events, time_zones, url_for, language=None):
    """Yield a whole calendar piece by piece: header, time zones, events,
    in ``language`` (activated inside the generator)."""
    with translation.override(language or translation.get_language()):
        yield _header(str(name))
        yield from _timezones(time_zones)
        for event in events:
            yield event_component(event, url_for(event)).to_ical()
        yield b"END:VCALENDAR\r\n"
