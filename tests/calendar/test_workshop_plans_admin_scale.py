"""The Secretariat's listing of workshop plans (and its export) shows
"contingent on funding" for each row, derived from the commitments
earmarked for the workshop (gci.home.contributions.funding), in the same
number of queries for 5 plans as for 60: two queries for a whole page, not
two per row."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client

from gci.calendar.models import EventPage, WorkshopPlan
from tests.helpers import count_queries, force_login_with_totp
from tests.home.test_funding import YEAR, commit

pytestmark = pytest.mark.django_db

LISTING = "/admin/workshop_plans/"


@pytest.fixture
def secretariat_client(secretariat_user):
    client = Client()
    force_login_with_totp(client, secretariat_user)
    return client


def plan_for(n, cost, currency):
    parent = EventPage.objects.filter(locale__language_code="en").first().get_parent()
    event = EventPage(
        title=f"Funded workshop {n}",
        slug=f"funded-workshop-{n}",
        kind="workshop",
        start_date=dt.date(YEAR, 1 + n % 12, 1 + n % 28),
    )
    parent.add_child(instance=event)
    return WorkshopPlan.objects.create(
        event=event,
        region="africa",
        priority=n % 11,
        estimated_cost=Decimal(cost) if cost else None,
        currency=currency,
    )


def add_plans(start, stop):
    """Plans of every kind: covered by a commitment, expected only, in
    another currency (converted with the commitment's rate), no cost."""
    for n in range(start, stop):
        kind = n % 4
        plan = plan_for(
            n, cost="" if kind == 3 else "10000", currency="EUR" if kind == 2 else "USD"
        )
        if kind == 0:
            commit(plan, "12000")
        elif kind == 1:
            commit(plan, "20000", state="expected")
        elif kind == 2:
            commit(plan, "10000", currency="EUR", rate="1.2")


def exported(client):
    response = client.get(LISTING, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_contingent_on_funding_is_derived_for_each_row(secretariat_client):
    add_plans(0, 4)
    rows = {row["Workshop"]: row for row in exported(secretariat_client)}
    contingent = {title: row["Contingent on funding"] for title, row in rows.items()}
    assert contingent["Funded workshop 0"] == "False"  # 12,000 committed covers 10,000
    assert contingent["Funded workshop 1"] == "True"  # expected money only
    assert contingent["Funded workshop 2"] == "False"  # EUR 10,000 committed, EUR cost
    assert contingent["Funded workshop 3"] == "True"  # no money earmarked at all


def test_the_listing_and_its_export_cost_the_same_for_5_and_60_plans(secretariat_client):
    add_plans(0, 5)
    count_queries(secretariat_client, LISTING)  # warm the per-process memos
    few = count_queries(secretariat_client, LISTING)
    few_export = count_queries(secretariat_client, LISTING, export="csv")
    add_plans(5, 60)
    assert WorkshopPlan.objects.count() >= 60
    count_queries(secretariat_client, LISTING)
    many = count_queries(secretariat_client, LISTING)
    many_export = count_queries(secretariat_client, LISTING, export="csv")
    assert many == few, (few, many)
    assert many_export == few_export, (few_export, many_export)
    page = secretariat_client.get(LISTING).content.decode()
    assert "Contingent on funding" in page
