"""The year's workplan (issue #14, 2): grouped by region and priority, the
funding totals, the derived "contingent on funding", who may read it, the
Partners' comments during the consultation window, bad input, and query
flatness at scale. Decision: a draft workplan is the Secretariat's; the
Partners read it once in consultation or adopted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gci.calendar.models import (
    EventPage,
    Workplan,
    WorkplanComment,
    WorkshopPlan,
    WorkshopRequest,
)
from gci.calendar.workplan import build
from gci.home.models import PartnerOrganisation

pytestmark = pytest.mark.django_db

YEAR = 2031
URL = f"/en/planning/workplan/{YEAR}/"


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def workplan(state="consultation", days=(-3, 3)):
    today = timezone.localdate()
    return Workplan.objects.create(
        year=YEAR,
        state=state,
        intro="The draft plan.",
        consultation_opens=today + dt.timedelta(days=days[0]),
        consultation_closes=today + dt.timedelta(days=days[1]),
    )


def make_event(n):
    parent = EventPage.objects.filter(locale__language_code="en").first().get_parent()
    event = EventPage(
        title=f"Workshop {n}",
        slug=f"scale-workshop-{n}",
        kind="workshop",
        start_date=dt.date(YEAR, 1 + n % 12, 1),
    )
    parent.add_child(instance=event)
    return event


def request_(region="africa", priority=5, cost="1000", funding="none", **fields):
    defaults = {
        "country": "GH",
        "body_name": "Secret body name",
        "contact_name": "Secret Contact",
        "topics": ["basel"],
        "preferred_from": dt.date(YEAR, 3, 1),
    }
    defaults.update(fields)
    return WorkshopRequest.objects.create(
        region=region,
        priority=priority,
        estimated_cost=Decimal(cost) if cost else None,
        funding_state=funding,
        **defaults,
    )


def test_rows_are_grouped_by_region_then_priority_with_totals():
    low = request_(priority=2, cost="1000", funding="committed")
    high = request_(priority=9, cost="2000", funding="expected")
    latin = request_(region="latin_america_caribbean", country="VE", priority=4, cost="500")
    request_(priority=10, state="declined", decline_reason="No.")  # closed: not in it
    request_(priority=10, preferred_from=dt.date(YEAR + 1, 1, 1))  # a later year
    event = make_event(0)
    plan = WorkshopPlan.objects.create(
        event=event, region="africa", priority=7, estimated_cost=Decimal(3000)
    )
    groups = build(YEAR)
    africa, latin_group = groups[0], groups[1]
    assert africa.region == "africa" and latin_group.region == "latin_america_caribbean"
    keys = [row.key for row in africa.rows]
    assert keys.index(f"request-{high.pk}") < keys.index(f"plan-{plan.pk}")
    assert keys.index(f"plan-{plan.pk}") < keys.index(f"request-{low.pk}")
    assert f"request-{latin.pk}" in [row.key for row in latin_group.rows]
    assert f"request-{latin.pk}" not in keys
    totals = africa.totals["USD"]
    assert totals.committed == 1000 and totals.expected == 2000
    assert totals.none >= 3000
    assert not low.contingent_on_funding and high.contingent_on_funding


@pytest.fixture
def open_plan():
    return workplan()


def test_a_partner_reads_it_without_the_requesters_identity(client, wco_user, open_plan):
    item = request_(funding="expected")
    client.force_login(wco_user)
    body = client.get(URL).content.decode()
    assert f'id="request-{item.pk}"' in body
    assert "Contingent on funding" in body
    assert "Ghana" in body and "National customs administration" in body
    assert "Secret body name" not in body and "Secret Contact" not in body


def test_doors(client, wco_user, partners_group):
    plan = workplan(state="draft")
    assert (
        client.get(URL)["Location"].startswith("/accounts/login/")
        or client.get(URL).status_code == 302
    )
    client.force_login(wco_user)
    assert client.get(URL).status_code == 404  # a draft is the Secretariat's
    plan.state = "adopted"
    plan.save()
    assert client.get(URL).status_code == 200
    assert client.get("/en/planning/workplan/1999/").status_code == 404
    assert client.get("/en/planning/workplan/99999999999/").status_code == 404
    loner = get_user_model().objects.create_user(username="loner", email="l@example.org")
    loner.groups.add(partners_group)
    client.force_login(loner)
    assert client.get(URL).status_code == 403


def test_the_secretariat_reads_a_draft(client, secretariat_user):
    from tests.helpers import force_login_with_totp

    workplan(state="draft")
    force_login_with_totp(client, secretariat_user)
    assert client.get(URL).status_code == 200


def test_a_partner_comments_during_the_window_and_all_partners_read_it(
    client, wco_user, cites_user, open_plan
):
    item = request_()
    client.force_login(wco_user)
    response = client.post(URL, {"text": "Please raise this one.", "target": f"request-{item.pk}"})
    assert response.status_code == 302
    comment = WorkplanComment.objects.get(workplan=open_plan)
    assert comment.organisation == org("WCO") and comment.target_request == item
    client.force_login(cites_user)
    body = client.get(URL).content.decode()
    assert "Please raise this one." in body and org("WCO").name in body


def test_outside_the_window_no_form_and_a_post_is_refused(client, wco_user):
    workplan(days=(-10, -1))
    client.force_login(wco_user)
    body = client.get(URL).content.decode()
    assert 'name="text"' not in body
    response = client.post(URL, {"text": "Too late."}, follow=True)
    assert "consultation on this workplan is closed" in response.content.decode()
    assert not WorkplanComment.objects.filter(text="Too late.").exists()


def test_bad_input_keeps_what_was_typed(client, wco_user, open_plan):
    item = request_()
    client.force_login(wco_user)
    response = client.post(URL, {"text": "  ", "target": f"request-{item.pk}"})
    assert response.status_code == 400
    assert "Write your comment." in response.content.decode()
    assert f'value="request-{item.pk}" selected' in response.content.decode()
    for bad in ("request-999999999", "plan-x", "request-99999999999999999999", "<b>"):
        response = client.post(URL, {"text": "Kept text", "target": bad})
        assert response.status_code == 400
        assert "Kept text" in response.content.decode()
    assert (
        not WorkplanComment.objects.exists()
        or not WorkplanComment.objects.filter(workplan=open_plan).exists()
    )


def test_queries_stay_flat_at_scale(client, wco_user, open_plan):
    client.force_login(wco_user)
    request_()
    WorkshopPlan.objects.create(event=make_event(0), priority=1)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    WorkshopRequest.objects.bulk_create(
        WorkshopRequest(
            country="GH",
            region=["africa", "asia_pacific", ""][n % 3],
            body_name=f"Body {n}",
            topics=["basel"],
            preferred_from=dt.date(YEAR, 1, 1),
            priority=n % 11,
            estimated_cost=Decimal(n),
        )
        for n in range(1000)
    )
    for n in range(1, 501):
        WorkshopPlan.objects.create(event=make_event(n), priority=n % 11)
    client.get(URL)  # new pages reset the per-process memo: warm it as above
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert response.status_code == 200
    assert response.content.decode().count('class="workplan-row') >= 1500
    assert len(many) <= len(few)


def test_the_demo_workplan_is_in_consultation_with_two_comments():
    plan = Workplan.objects.get(state="consultation")
    assert plan.comments.count() == 2
    assert build(plan.year)
