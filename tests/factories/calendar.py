"""Factories for events (created as real pages in the demo tree)."""

import datetime as dt

from wagtail.models import Locale

from gci.calendar.models import EventIndexPage, EventPage


def public_index(language="en"):
    return EventIndexPage.objects.get(slug="events", locale__language_code=language)


def planning_index(language="en"):
    return EventIndexPage.objects.get(slug="planning-calendar", locale__language_code=language)


def make_event(parent, title, start, end=None, publish=True, translate=False, **fields):
    from django.utils.text import slugify

    event = EventPage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        start_date=start,
        end_date=end,
        live=publish,
        **fields,
    )
    parent.add_child(instance=event)
    if publish:
        event.save_revision().publish()
    if translate:
        for locale in Locale.objects.exclude(pk=event.locale_id):
            copy = event.copy_for_translation(locale)
            copy.title = f"{title} [{locale.language_code}]"
            copy.save_revision().publish()
    return event


def days_from_today(days):
    from django.utils import timezone

    return timezone.localdate() + dt.timedelta(days=days)
