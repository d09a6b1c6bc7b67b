"""What funds each planned workshop, from the Secretariat's commitments.

``attach_funding(plans)`` gives each ``WorkshopPlan`` its ``funding`` (the
money earmarked for it in the reporting currency: secured, expected, spent)
and ``funded_by_commitments``, which ``PriorityBudgetMixin.contingent_on_funding``
reads: a workshop is not contingent on funding once the committed or
received money earmarked for it covers its estimated cost. The cost is
compared in the reporting currency: converted with the rate stored on an
earmarked commitment in the cost's currency, else with the Secretariat's
exchange rate of the workshop's year; a cost that cannot be converted is not
taken as covered (the Secretariat may still set the funding to committed).
A workshop without an estimated cost is covered by any secured money.

Two queries for any number of plans. The amounts are the Secretariat's:
templates show them only to the Secretariat.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .models import SECURED_STATES, CommitmentState, ExchangeRate, FundingCommitment, Spending
from .money import reporting_currency


@dataclass
class WorkshopFunding:
    currency: str
    secured: Decimal = Decimal(0)
    expected: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    donors: tuple = ()


def _cost_in_reporting(plan, commitments, exchange):
    cost = plan.estimated_cost
    if cost is None:
        return None
    target = reporting_currency()
    if plan.currency == target:
        return cost
    for commitment in commitments:
        if commitment.currency == plan.currency:
            return cost * commitment.rate
    year = plan.event.start_date.year if plan.event.start_date else None
    rate = exchange.get((plan.currency, year))
    return cost * rate if rate is not None else False


def attach_funding(plans):
    plans = list(plans)
    ids = [plan.pk for plan in plans]
    by_plan = defaultdict(list)
    for commitment in FundingCommitment.objects.filter(workshop_id__in=ids).select_related("donor"):
        by_plan[commitment.workshop_id].append(commitment)
    spent = defaultdict(Decimal)
    for spending in Spending.objects.filter(workshop_id__in=ids).only(
        "workshop_id", "amount", "rate"
    ):
        spent[spending.workshop_id] += spending.reporting_amount
    exchange = None
    target = reporting_currency()
    for plan in plans:
        commitments = by_plan.get(plan.pk, [])
        funding = WorkshopFunding(target, spent=spent.get(plan.pk, Decimal(0)))
        for c in commitments:
            if c.state in SECURED_STATES:
                funding.secured += c.reporting_amount
            elif c.state == CommitmentState.EXPECTED:
                funding.expected += c.reporting_amount
        funding.donors = tuple(sorted({c.donor.name for c in commitments}))
        plan.funding = funding
        covered = False
        if funding.secured > 0:
            if plan.currency != target and plan.estimated_cost is not None and exchange is None:
                exchange = {
                    (c, y): r
                    for c, y, r in ExchangeRate.objects.values_list("currency", "year", "rate")
                }
            cost = _cost_in_reporting(plan, commitments, exchange or {})
            covered = cost is None or (cost is not False and funding.secured >= cost)
        plan.__dict__["funded_by_commitments"] = covered
    return plans


def is_funded_by_commitments(plan):
    """One plan's answer (its admin pages); lists use ``attach_funding``."""
    if plan.pk is None:
        return False
    attach_funding([plan])
    return plan.__dict__["funded_by_commitments"]


@dataclass
class EarmarkTotals:
    earmark: str
    label: str
    currency: str
    secured: Decimal = Decimal(0)
    expected: Decimal = Decimal(0)


def funding_totals(year=None):
    """The commitments in the reporting currency, per earmark (every earmark,
    so an unfunded one shows as nothing secured): one query."""
    from django.db.models import DecimalField, ExpressionWrapper, F, Sum

    from .models import Earmark

    queryset = FundingCommitment.objects.all()
    if year is not None:
        queryset = queryset.filter(year=year)
    converted = ExpressionWrapper(
        F("amount") * F("rate"), output_field=DecimalField(max_digits=24, decimal_places=10)
    )
    target = reporting_currency()
    totals = {value: EarmarkTotals(value, label, target) for value, label in Earmark.choices}
    for row in queryset.order_by().values("earmark", "state").annotate(total=Sum(converted)):
        item = totals.get(row["earmark"])
        if item is None:
            continue
        amount = Decimal(row["total"] or 0).quantize(Decimal("0.01"))
        if row["state"] in SECURED_STATES:
            item.secured += amount
        elif row["state"] == CommitmentState.EXPECTED:
            item.expected += amount
    return list(totals.values())
