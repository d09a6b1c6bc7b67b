"""With 10,000 events, the month view, the upcoming list and the feeds run a
number of SQL queries that does not grow with the number of events."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gci.calendar.models import CalendarFeedToken, EventPage
from tests.factories.bulk import bulk_pages
from tests.factories.calendar import planning_index, public_index
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def bulk_events(index, count, start):
    """Insert `count` live confirmed workshops under `index`, one a day from
    `start` over two years."""

    def fields(n):
        day = start + dt.timedelta(days=n % 700)
        return {
            "kind": "workshop",
            "status": "confirmed",
            "start_date": day,
            "last_day": day,
            "city": "Geneva",
            "country": "CH",
            "region": "global",
        }

    bulk_pages(index, EventPage, count, fields, name="Bulk event")


def test_queries_do_not_grow_with_the_number_of_events(client, cites_user):
    today = timezone.localdate()
    token = CalendarFeedToken.issue(cites_user)
    urls = [
        "/en/events/",
        f"/en/events/{today:%Y}/{today:%m}/",
        f"/en/events/{today:%Y}/",
        "/en/events/feed/",
        "/en/events/?kind=workshop&region=global",
        f"/feeds/planning/{token}.ics",
    ]
    bulk_events(public_index(), 50, today)
    for url in urls:  # warm the per-process caches (site, locales, content types)
        count_queries(client, url)
    small = {url: count_queries(client, url) for url in urls}
    bulk_events(public_index(), 9_000, today)
    bulk_events(planning_index(), 1_000, today)
    assert EventPage.objects.count() >= 10_000
    for url in urls:  # the per-process answers were dropped with the new content
        count_queries(client, url)
    large = {url: count_queries(client, url) for url in urls}
    # A feed full of upcoming events skips its query for past ones: never more.
    assert all(large[url] <= small[url] for url in urls), (small, large)
    assert max(large.values()) <= 15, large


def test_the_dashboard_reads_an_organisations_action_points_once_per_change(client, cites_user):
    """2,000 action points, 200 of them the organisation's: its members'
    dashboards read them once per change (gci.calendar.dashboard), not per request."""
    from gci.calendar.models import ActionPoint
    from gci.home.models import PartnerOrganisation

    meeting = EventPage.objects.filter(locale__language_code="en", live=True).first()
    cites = PartnerOrganisation.objects.get(acronym="CITES", locale__language_code="en")
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    due = timezone.localdate() + dt.timedelta(days=10)
    points = ActionPoint.objects.bulk_create(
        ActionPoint(meeting=meeting, text=f"Point {n}", due_date=due) for n in range(2_000)
    )
    Through = ActionPoint.owners.through
    Through.objects.bulk_create(
        Through(actionpoint_id=p.pk, partnerorganisation_id=(cites if n < 200 else wco).pk)
        for n, p in enumerate(points)
    )
    bulk_events(public_index(), 9_000, timezone.localdate())
    client.force_login(cites_user)
    client.get("/en/partners-area/")  # renders and stores the panel
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/partners-area/")
    assert response.status_code == 200
    assert '<p class="action-point__text" dir="auto">Point ' in response.content.decode()
    assert not [q for q in captured if "gci_calendar_actionpoint" in q["sql"]]
    assert len(captured) <= 25  # the budget of a Partner's page (docs/performance.md)
