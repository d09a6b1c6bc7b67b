"""With 10,000 events, the month view, the upcoming list and the feeds run a
number of SQL queries that does not grow with the number of events."""

import datetime as dt
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from gci.calendar.models import CalendarFeedToken, EventPage
from gci.site.page_cache import bump_generation
from tests.factories.calendar import planning_index, public_index

pytestmark = pytest.mark.django_db


def bulk_events(index, count, start):
    """Insert `count` live events under `index` fast: pages in bulk, then the
    event table in one executemany (Django cannot bulk_create a multi-table
    child)."""
    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(EventPage)
    first = index.numchild + 1
    now = timezone.now()
    pages = []
    for n in range(count):
        slug = f"bulk-{index.pk}-{n}"
        pages.append(
            Page(
                title=f"Bulk event {n}",
                draft_title=f"Bulk event {n}",
                slug=slug,
                path=index.path + Page._int2str(first + n).rjust(Page.steplen, "0"),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                live_revision=None,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=500)
    fields = list(EventPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = []
    for n, page in enumerate(created):
        day = start + dt.timedelta(days=n % 700)
        values = {
            "page_ptr_id": page.pk,
            "kind": "workshop",
            "status": "confirmed",
            "summary": "",
            "date_precision": "day",
            "start_date": day,
            "last_day": day,
            "start_time": None,
            "end_date": None,
            "end_time": None,
            "time_zone": "UTC",
            "tentative": False,
            "date_note": "",
            "venue": "",
            "city": "Geneva",
            "country": "CH",
            "region": "global",
            "body": "[]",
            "agenda": "",
            "outcome_report": "",
            "treaties": "",
        }
        rows.append([values[f.column] for f in fields])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {EventPage._meta.db_table} ({columns}) VALUES ({placeholders})", rows
        )
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    bump_generation()  # raw SQL sends no signal: say that content changed


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


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
