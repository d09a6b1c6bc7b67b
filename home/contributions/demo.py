"""The demo's contributions and funding (``home/demo/contributions.yaml``):
idempotent, what is already there is left alone."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from wagtail.models import Locale

from ..datafiles import read_yaml
from ..models import PartnerOrganisation
from .models import (
    ContributionYear,
    Donor,
    ExchangeRate,
    FundingCommitment,
    InKindContribution,
    Spending,
    StandardRate,
)

DATA = Path(__file__).resolve().parent.parent / "demo" / "contributions.yaml"


def _event(slug):
    EventPage = apps.get_model("gci_calendar", "EventPage")
    return EventPage.objects.filter(slug=slug, locale__language_code="en").first()


def _plan(slug):
    WorkshopPlan = apps.get_model("gci_calendar", "WorkshopPlan")
    return WorkshopPlan.objects.filter(event__slug=slug, event__locale__language_code="en").first()


def load(clock):
    data = read_yaml(DATA)
    base = clock.today.year

    for item in data["standard_rates"]:
        StandardRate.objects.get_or_create(
            kind=item["kind"],
            defaults={
                "unit": item["unit"],
                "amount": Decimal(item["amount"]),
                "currency": item["currency"],
            },
        )
    for item in data["exchange_rates"]:
        ExchangeRate.objects.get_or_create(
            currency=item["currency"],
            year=base + item["year"],
            defaults={"rate": Decimal(item["rate"]), "rate_date": clock.date(item["date"])},
        )
    for item in data["years"]:
        ContributionYear.objects.get_or_create(
            year=base + item["year"], defaults={"published": item["published"]}
        )
    organisations = {
        o.acronym: o for o in PartnerOrganisation.objects.filter(locale__language_code="en")
    }
    rates = {rate.kind: rate for rate in StandardRate.objects.all()}
    for item in data["contributions"]:
        organisation = organisations.get(item["organisation"])
        if (
            organisation is None
            or InKindContribution.objects.filter(
                organisation=organisation, description=item["description"]
            ).exists()
        ):
            continue
        quantity = Decimal(item["quantity"])
        if "value" in item:
            value, currency = Decimal(item["value"]), item["currency"]
        else:
            rate = rates[item["kind"]]
            value, currency = quantity * rate.amount, rate.currency
        InKindContribution.objects.create(
            organisation=organisation,
            year=base + item["year"],
            kind=item["kind"],
            description=item["description"],
            event=_event(item["event"]) if item.get("event") else None,
            quantity=quantity,
            unit=item["unit"],
            value=value,
            currency=currency,
            basis=item.get("basis", ""),
        )
    donors = {}
    for item in data["donors"]:
        donors[item["name"]], _created = Donor.objects.get_or_create(
            name=item["name"], defaults={"notes": item.get("notes", "")}
        )
    if FundingCommitment.objects.exists():
        return
    commitments = {}
    for item in data["commitments"]:
        plan = _plan(item["workshop"]) if item.get("workshop") else None
        if item.get("workshop") and plan is None:
            continue
        commitment = FundingCommitment.objects.create(
            donor=donors[item["donor"]],
            year=base + item["year"],
            state=item["state"],
            amount=Decimal(item["amount"]),
            currency=item["currency"],
            rate_date=clock.date(dt.date(2009, 1, 2)),
            earmark=item["earmark"],
            workshop=plan,
            translation=Locale.objects.filter(language_code=item["translation"]).first()
            if item.get("translation")
            else None,
            notes=item.get("notes", ""),
        )
        commitments.setdefault(item["donor"], commitment)
    for item in data["spending"]:
        plan = _plan(item["workshop"])
        if plan is None:
            continue
        Spending.objects.create(
            workshop=plan,
            commitment=commitments.get(item["donor"]),
            amount=Decimal(item["amount"]),
            currency=item["currency"],
            spent_on=clock.date(item["date"]),
            description=item["description"],
        )
