"""Events, created as real pages under the site's two calendars."""

import datetime as dt

from django.utils import timezone
from django.utils.text import slugify

from gci.calendar.models import EventIndexPage

from .pages import EventPageFactory, home_page, partners_area


def public_index(language="en"):
    """The public calendar: the events index under the home page."""
    return EventIndexPage.objects.child_of(home_page(language)).get()


def planning_index(language="en"):
    """The Partners' planning calendar: the events index in the Partners area."""
    return EventIndexPage.objects.child_of(partners_area(language)).get()


def make_event(parent, title, start, end=None, publish=True, translate=False, **fields):
    return EventPageFactory(
        parent=parent,
        title=title,
        slug=fields.pop("slug", slugify(title)),
        start_date=start,
        end_date=end,
        live=publish,
        translations=translate,
        **fields,
    )


def days_from_today(days):
    return timezone.localdate() + dt.timedelta(days=days)
