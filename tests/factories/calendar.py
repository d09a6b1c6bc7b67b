"""Events, created as real pages under the site's two calendars."""

import datetime as dt

from django.utils import timezone
from django.utils.text import slugify

from gci.calendar.models import EventIndexPage
from gci.home.models import PartnerOrganisation

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


def proposal_data(**overrides):
    """What a Partner posts to share a planned training (WCO organises it)."""
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    return {
        "title": "Ozone smuggling course, Bangkok",
        "kind": "training",
        "summary": "Three days on refrigerant gases.",
        "start_date": "2031-03-02",
        "end_date": "2031-03-04",
        "time_zone": "Asia/Bangkok",
        "city": "Bangkok",
        "country": "TH",
        "region": "asia_pacific",
        "organisers": [wco.pk],
        "status": "contingent",
        **overrides,
    }
