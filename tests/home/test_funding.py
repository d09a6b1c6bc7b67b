"""Funding (issue #16, 2, 5, 6): donors, commitments in mixed currencies
totalled in the reporting currency with each commitment's own rate and date,
spending against workshops; the workplan shows the Secretariat what funds
each workshop, and "contingent on funding" follows from the commitments;
funding never reaches the Partners; CSV and XLSX exports."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gci.calendar.models import EventPage, Workplan, WorkshopPlan
from gci.calendar.workplan import build
from gci.home.contributions.funding import attach_funding
from gci.home.contributions.models import (
    Donor,
    ExchangeRate,
    FundingCommitment,
    Spending,
)
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

YEAR = 2033


def plan_for(n=0, cost="10000", currency="USD"):
    parent = EventPage.objects.filter(locale__language_code="en").first().get_parent()
    event = EventPage(
        title=f"Funded workshop {n}",
        slug=f"funded-workshop-{n}",
        kind="workshop",
        start_date=dt.date(YEAR, 3, 1 + n),
    )
    parent.add_child(instance=event)
    return WorkshopPlan.objects.create(
        event=event,
        region="africa",
        priority=5,
        estimated_cost=Decimal(cost) if cost else None,
        currency=currency,
    )


def commit(plan, amount, currency="USD", rate="1", state="committed", donor="Norway"):
    donor, _ = Donor.objects.get_or_create(name=donor)
    return FundingCommitment.objects.create(
        donor=donor,
        year=YEAR,
        state=state,
        earmark="workshop",
        workshop=plan,
        amount=Decimal(amount),
        currency=currency,
        rate=Decimal(rate),
        rate_date=dt.date(YEAR, 1, 2),
    )


def test_a_commitment_is_totalled_with_its_own_rate():
    commitment = commit(plan_for(), "1000", currency="EUR", rate="1.25")
    assert commitment.reporting_amount == Decimal("1250.00")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"currency": "ABC"}, "currency"),
        ({"amount": Decimal(-1)}, "amount"),
        ({"amount": Decimal("1000000000")}, "amount"),
        ({"year": 1990}, "year"),
        ({"rate": Decimal(0)}, "rate"),
        ({"rate": Decimal(2)}, "rate"),  # USD is the reporting currency: rate 1
        ({"earmark": "workshop", "workshop": None}, "workshop"),
        ({"earmark": "translation"}, "translation"),
    ],
)
def test_bad_commitments_are_refused(changes, field):
    donor = Donor.objects.create(name="Sweden")
    values = {
        "donor": donor,
        "year": 2009,
        "amount": Decimal(100),
        "currency": "USD",
        "rate": Decimal(1),
        "rate_date": dt.date(2009, 1, 1),
        "earmark": "general",
    }
    values.update(changes)
    with pytest.raises(ValidationError) as refused:
        FundingCommitment(**values).full_clean()
    assert field in refused.value.message_dict


def test_committed_money_that_covers_the_cost_makes_a_workshop_not_contingent():
    plan = plan_for(cost="10000")
    assert plan.contingent_on_funding
    commit(plan, "4000", state="expected")
    assert WorkshopPlan.objects.get(pk=plan.pk).contingent_on_funding  # expected only
    commit(plan, "6000", currency="EUR", rate="1.10", state="committed")  # 6,600 USD
    assert WorkshopPlan.objects.get(pk=plan.pk).contingent_on_funding  # 6,600 < 10,000
    commit(plan, "3400", state="received")  # 10,000 secured
    fresh = WorkshopPlan.objects.get(pk=plan.pk)
    assert not fresh.contingent_on_funding
    assert fresh.funding_state == "none"  # nothing typed: derived


def test_a_cost_in_another_currency_is_converted_with_the_years_rate():
    plan = plan_for(cost="1000", currency="CHF")
    commit(plan, "900")  # USD
    assert WorkshopPlan.objects.get(pk=plan.pk).contingent_on_funding  # no CHF rate: not guessed
    ExchangeRate.objects.create(
        currency="CHF", year=YEAR, rate=Decimal("0.85"), rate_date=dt.date(YEAR, 1, 2)
    )
    assert not WorkshopPlan.objects.get(pk=plan.pk).contingent_on_funding  # 850 <= 900


def test_spending_is_recorded_against_a_workshop():
    plan = plan_for()
    commitment = commit(plan, "5000")
    Spending.objects.create(
        workshop=plan, commitment=commitment, amount=Decimal(800), description="Venue"
    )
    Spending.objects.create(
        workshop=plan, amount=Decimal(100), currency="EUR", rate=Decimal(2), description="Tea"
    )
    (funded,) = attach_funding([plan])
    assert funded.funding.spent == Decimal(1000)
    assert funded.funding.secured == Decimal(5000)
    assert funded.funding.donors == ("Norway",)


def test_the_workplan_counts_a_workshop_funded_by_commitments_as_committed():
    plan = plan_for(cost="2000")
    commit(plan, "2000")
    groups = build(YEAR)
    totals = groups[0].totals["USD"]
    assert totals.committed >= 2000
    row = next(r for g in groups for r in g.rows if r.item.pk == plan.pk)
    assert not row.item.contingent_on_funding


def _workplan():
    today = timezone.localdate()
    return Workplan.objects.create(
        year=YEAR,
        state="consultation",
        consultation_opens=today - dt.timedelta(days=1),
        consultation_closes=today + dt.timedelta(days=1),
    )


def test_the_secretariat_sees_the_funding_on_the_workplan_and_the_partners_do_not(
    client, secretariat_user, wco_user
):
    _workplan()
    plan = plan_for(cost="2000")
    commit(plan, "1500", donor="Donor-Canary-Finland")
    url = f"/en/planning/workplan/{YEAR}/"
    force_login_with_totp(client, secretariat_user)
    body = client.get(url).content.decode()
    assert "From commitments" in body and "Donor-Canary-Finland" in body
    client.logout()
    client.force_login(wco_user)
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Funded workshop 0" in body
    assert "From commitments" not in body and "Donor-Canary-Finland" not in body
    assert "1,500" not in body


def test_funding_screens_are_the_secretariats(client, cites_user, secretariat_user):
    commit(plan_for(), "1234", donor="Secret Donor")
    client.force_login(cites_user)
    for url in ("/admin/funding_commitments/", "/admin/donors/", "/admin/spending/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Secret Donor" not in response.content
    client.logout()
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/funding_commitments/?state=committed")
    assert listing.status_code == 200 and "Secret Donor" in listing.content.decode()
    csv = client.get("/admin/funding_commitments/?export=csv")
    assert b"Secret Donor" in b"".join(csv.streaming_content)
    xlsx = client.get("/admin/funding_commitments/?export=xlsx")
    from openpyxl import load_workbook

    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    cells = [c.value for row in load_workbook(io.BytesIO(content)).active.iter_rows() for c in row]
    assert "Secret Donor" in cells


def test_the_secretariat_adds_a_commitment_in_the_admin_and_bad_input_keeps_the_values(
    client, secretariat_user
):
    donor = Donor.objects.create(name="Sweden")
    force_login_with_totp(client, secretariat_user)
    data = {
        "donor": donor.pk,
        "year": "2009",
        "state": "committed",
        "amount": "250000",
        "currency": "QQQ",
        "rate": "1",
        "rate_date": "2009-01-05",
        "earmark": "coordinator",
        "notes": "For the coordinator post",
    }
    response = client.post("/admin/funding_commitments/new/", data)
    body = response.content.decode()
    assert response.status_code == 400 or "not an ISO 4217 currency" in body
    assert "not an ISO 4217 currency" in body and "For the coordinator post" in body
    assert not FundingCommitment.objects.filter(donor=donor).exists()
    data["currency"] = "USD"
    response = client.post("/admin/funding_commitments/new/", data)
    assert response.status_code == 302
    assert FundingCommitment.objects.get(donor=donor).earmark == "coordinator"


def test_the_secretariats_dashboard_shows_the_unfunded_coordinator_post(client, secretariat_user):
    year = timezone.localdate().year
    donor = Donor.objects.create(name="Dashboard donor")
    FundingCommitment.objects.create(
        donor=donor, year=year, state="committed", earmark="general", amount=Decimal(70000)
    )
    force_login_with_totp(client, secretariat_user)
    body = client.get("/admin/").content.decode()
    assert "Funding in" in body and "The coordinator post" in body
    assert "70,000" in body
    from gci.home.contributions.funding import funding_totals

    coordinator = next(t for t in funding_totals(year) if t.earmark == "coordinator")
    assert coordinator.secured == 0
