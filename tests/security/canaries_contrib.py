"""Canaries of contributions and funding: an organisation's contribution in
a year not yet published (its own and the Secretariat's alone) and a funding
commitment earmarked for a workshop of a workplan the Partners read (the
Secretariat's alone: hidden from every Partner, the other organisation's
Partner standing for them all)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gci.calendar.models import EventPage, Workplan, WorkshopPlan
from gci.home.contributions.models import (
    ContributionYear,
    Donor,
    FundingCommitment,
    InKindContribution,
    Spending,
)

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary

CANARY_YEAR = 2088  # a year of its own: no other canary's workplan


@canary("contribution", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def contribution(token, people):
    ContributionYear.objects.get_or_create(year=2087, defaults={"published": False})
    item = InKindContribution.objects.create(
        organisation=people.owner_organisation,
        year=2087,
        kind="venue",
        description=f"Venue {token}",
        quantity=Decimal(2),
        unit="days",
        value=Decimal("31337.77"),
        currency="USD",
        basis=f"Basis {token}",
        created_by=people.owner,
    )
    return Planted(
        urls=[f"/{language}/planning/contributions/{item.pk}/" for language in ("en", "fr", "ar")]
        + ["/en/contributions/", "/en/contributions/totals.csv"],
        strings=[item.description, item.basis, "31,337.77", "31337.77", "31 337,77"],
    )


@canary("funding_commitment", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def funding_commitment(token, people):
    today = timezone.localdate()
    workplan, _created = Workplan.objects.get_or_create(
        year=CANARY_YEAR,
        defaults={
            "state": "consultation",
            "consultation_opens": today - dt.timedelta(days=1),
            "consultation_closes": today + dt.timedelta(days=1),
        },
    )
    parent = EventPage.objects.filter(locale__language_code="en").first().get_parent()
    event = EventPage(
        title="Funded canary workshop",
        slug="funded-canary-workshop",  # never the token: the event itself is not secret
        kind="workshop",
        start_date=dt.date(CANARY_YEAR, 5, 4),
    )
    parent.add_child(instance=event)
    plan = WorkshopPlan.objects.create(
        event=event, priority=6, estimated_cost=Decimal(9000), region="africa"
    )
    donor = Donor.objects.create(name=f"Donor {token}", notes=f"Donor notes {token}")
    commitment = FundingCommitment.objects.create(
        donor=donor,
        year=CANARY_YEAR,
        state="committed",
        earmark="workshop",
        workshop=plan,
        amount=Decimal("4321.09"),
        notes=f"Commitment notes {token}",
    )
    Spending.objects.create(
        workshop=plan,
        commitment=commitment,
        amount=Decimal("876.54"),
        description=f"Spending {token}",
    )
    return Planted(
        urls=[f"/{language}/planning/workplan/{workplan.year}/" for language in ("en", "fr")],
        # Names and notes only: a bare number could match anything (an id, a time).
        strings=[donor.name, donor.notes, commitment.notes, f"Spending {token}"],
    )
