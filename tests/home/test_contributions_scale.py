"""Contributions at scale (issue #16, 6): with 50,000 entries the Partners'
page (its totals per year and kind, its first page of entries) stays within
the Partner-page budget of 25 queries and the public totals within 15, and
neither grows with the number of entries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gci.home.contributions.models import ContributionYear, ExchangeRate, InKindContribution
from gci.home.models import PartnerOrganisation

pytestmark = pytest.mark.django_db

LIST = "/en/planning/contributions/"
PUBLIC = "/en/contributions/"
KINDS = ["staff_days", "trainer", "materials", "venue", "translation", "travel", "other"]
CURRENCIES = ["USD", "EUR", "CHF"]


def add(count, organisations):
    InKindContribution.objects.bulk_create(
        (
            InKindContribution(
                organisation=organisations[n % len(organisations)],
                year=2000 + n % 12,
                kind=KINDS[n % len(KINDS)],
                description=f"Entry {n}",
                quantity=Decimal(1),
                unit="day",
                value=Decimal(100 + n % 50),
                currency=CURRENCIES[n % len(CURRENCIES)],
            )
            for n in range(count)
        ),
        batch_size=2000,
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_the_totals_pages_cost_the_same_with_fifty_thousand_entries(client, wco_user):
    organisations = list(PartnerOrganisation.objects.filter(locale__language_code="en"))
    wco = next(o for o in organisations if o.acronym == "WCO")
    for year in range(2000, 2012):
        ContributionYear.objects.update_or_create(year=year, defaults={"published": True})
        ExchangeRate.objects.update_or_create(
            currency="EUR", year=year, defaults={"rate": Decimal("1.3"), "rate_date": "2009-01-01"}
        )
    add(20, organisations)
    client.get(PUBLIC)  # warm the per-process caches
    public_few, _ = queries(client, PUBLIC)
    client.force_login(wco_user)
    client.get(LIST)
    partner_few, _ = queries(client, LIST)

    add(50_000, organisations)
    assert InKindContribution.objects.count() >= 50_000
    partner_many, body = queries(client, LIST)
    assert partner_many <= 25
    assert partner_many <= partner_few
    assert "Page 1 of" in body  # the entries are paged, not all on one page
    assert InKindContribution.objects.filter(organisation=wco).count() > 50
    client.logout()
    public_many, body = queries(client, PUBLIC)
    assert public_many <= 15
    assert public_many <= public_few
    assert wco.name in body
