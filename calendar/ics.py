"""iCalendar (RFC 5545) output, built with the `icalendar` library.

UIDs are stable: one per event whatever its language (its translation key),
so a calendar app that subscribes in French and in English sees one event.
A feed holds a bounded number of events (``gci.calendar.views.feed_events``);
it is built piece by piece and served whole, so the anonymous page cache can
keep the public ones.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries
from icalendar import Calendar, Event, Timezone

from gci.site.page_cache import pages_cache

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


# Serialising an event costs ~0.5 ms with icalendar, and every subscribed
# calendar app asks for the same events again every few hours (the personal
# planning feeds cannot be kept whole by the page cache): each event's
# VEVENT is kept in the pages' cache (evictable, never the rate limits'),
# under a key that changes whenever what it says can change (a new
# publication, another URL or language).
COMPONENT_TIMEOUT = 24 * 3600


def _component_key(event, url, language):
    published = event.last_published_at.isoformat() if event.last_published_at else ""
    digest = hashlib.sha256(f"{event.pk}|{published}|{url}|{language}".encode()).hexdigest()
    return f"gci:vevent:{digest}"


def event_components(events, url_for, language):
    """Each event's VEVENT bytes, in order: from the cache, or made and kept."""
    pairs = [(event, url_for(event)) for event in events]
    keys = [_component_key(event, url, language) for event, url in pairs]
    cache = pages_cache()
    found = cache.get_many(keys)
    made = {}
    for key, (event, url) in zip(keys, pairs, strict=True):
        if key not in found:
            made[key] = found[key] = event_component(event, url).to_ical()
    if made:
        cache.set_many(made, COMPONENT_TIMEOUT)
    return [found[key] for key in keys]


def stream_calendar(name, events, time_zones, url_for, language=None):
    """Yield a whole calendar piece by piece: header, time zones, events,
    in ``language`` (activated inside the generator)."""
    language = language or translation.get_language()
    with translation.override(language):
        yield _header(str(name))
        yield from _timezones(time_zones)
        yield from event_components(events, url_for, language)
        yield b"END:VCALENDAR\r\n"
