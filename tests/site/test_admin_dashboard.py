"""The Secretariat's admin (#13 item 9): branded, a dashboard of what waits,
each panel for who may act on it, at a bounded number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gci.calendar.models import ActionPoint
from gci.focal_points.models import LinkCheck
from gci.home.models import PartnerOrganisation
from tests.factories.calendar import days_from_today, make_event, planning_index
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

PANELS = [
    "gci-overdue-action-points",
    "gci-review-rounds",
    "gci-suitcase-submissions",
    "gci-proposals",
    "gci-broken-links",
]


@pytest.fixture
def meeting():
    return make_event(
        planning_index(), "Sixth Partners meeting", days_from_today(-30), kind="partners_meeting"
    )


def overdue_points(meeting, count):
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    points = ActionPoint.objects.bulk_create(
        ActionPoint(meeting=meeting, text=f"Overdue point {i}", due_date=days_from_today(-1 - i))
        for i in range(count)
    )
    for point in points:
        point.owners.add(wco)


def broken_links(count):
    from django.utils import timezone

    LinkCheck.objects.bulk_create(
        LinkCheck(url=f"https://example.org/broken/{i}", ok=False, checked_at=timezone.now())
        for i in range(count)
    )


def test_the_admin_carries_the_initiatives_name_and_mark(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    body = client.get("/admin/").content.decode()
    assert "- Green Customs Initiative</title>" in body
    assert "gci/img/gci-mark" in body
    assert "gci/css/admin" in body


def test_the_secretariat_sees_every_panel(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    body = client.get("/admin/").content.decode()
    assert [name for name in PANELS if f'id="{name}' in body] == PANELS


def test_overdue_points_are_counted_and_linked(client, meeting, secretariat_user):
    ActionPoint.objects.all().delete()
    overdue_points(meeting, 7)
    force_login_with_totp(client, secretariat_user)
    body = client.get("/admin/").content.decode()
    assert "<strong>7</strong>" in body
    assert body.count('href="/admin/action_points/edit/') == 5


def test_someone_in_the_admin_without_those_powers_sees_none_of_the_panels(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user(
        username="editor", email="editor@greencustoms.example", password="x-unused-x-1"
    )
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    force_login_with_totp(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    body = response.content.decode()
    assert [name for name in PANELS if f'id="{name}' in body] == []


def test_the_dashboard_runs_a_bounded_number_of_queries(client, meeting, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as small:
        client.get("/admin/")
    overdue_points(meeting, 200)
    broken_links(200)
    with CaptureQueriesContext(connection) as large:
        response = client.get("/admin/")
    assert response.status_code == 200
    assert len(large) <= len(small), (len(small), len(large))


def test_the_menus_are_grouped_in_order(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    body = client.get("/admin/").content.decode()
    labels = re.findall(r'"label": "([^"]+)"', body)
    groups = ["Partnership", "Calendar", "Guide", "Suitcase"]
    assert [label for label in labels if label in groups] == groups
    # Each listing sits in its group, right after it.
    assert labels[labels.index("Guide") + 1] == "Review rounds"
    assert labels[labels.index("Suitcase") + 1 : labels.index("Suitcase") + 3] == [
        "Suitcase materials",
        "Suitcase submissions",
    ]
