"""Totals of the in-kind contributions in the reporting currency.

A contribution is converted with the Secretariat's exchange rate of its
currency and year (``ExchangeRate``); one in the reporting currency needs
none. What has no rate is not guessed: it is kept apart, by currency, as
``unconverted``. Each total costs the same few queries whatever the number
of contributions (one grouped query, one for the rates, one for the
organisations).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from .models import ContributionKind, ExchangeRate, InKindContribution, published_years
from .money import reporting_currency

CENT = Decimal("0.01")


@dataclass
class TotalRow:
    organisation: object
    year: int
    kind: str = ""  # empty in the totals per organisation and year
    total: Decimal = Decimal(0)  # in the reporting currency
    unconverted: dict = field(default_factory=dict)  # currency -> amount without a rate
    currency: str = ""

    @property
    def kind_label(self):
        return ContributionKind(self.kind).label if self.kind else ""

    @property
    def unconverted_list(self):
        return [(currency, self.unconverted[currency]) for currency in sorted(self.unconverted)]


def rates():
    """{(currency, year): rate} of every exchange rate (one query)."""
    return {(c, y): r for c, y, r in ExchangeRate.objects.values_list("currency", "year", "rate")}


def _rows(queryset, by_kind):
    keys = (
        ["organisation", "year", "kind", "currency"]
        if by_kind
        else ["organisation", "year", "currency"]
    )
    grouped = queryset.order_by().values(*keys).annotate(amount=Sum("value"))
    known = rates()
    target = reporting_currency()
    rows = {}
    for item in grouped:
        key = (item["organisation"], item["year"], item["kind"] if by_kind else "")
        row = rows.get(key)
        if row is None:
            row = rows[key] = TotalRow(item["organisation"], item["year"], key[2], currency=target)
        currency, amount = item["currency"], item["amount"] or Decimal(0)
        rate = Decimal(1) if currency == target else known.get((currency, item["year"]))
        if rate is None:
            row.unconverted[currency] = row.unconverted.get(currency, Decimal(0)) + amount
        else:
            row.total += amount * rate
    return list(rows.values())


def _with_organisations(rows):
    from gci.home.models import PartnerOrganisation

    ids = {row.organisation for row in rows}
    organisations = PartnerOrganisation.objects.in_bulk(ids)
    for row in rows:
        row.organisation = organisations[row.organisation]
        row.total = row.total.quantize(CENT)
    return rows


def totals_by_organisation(year=None, organisations=None, by_kind=True):
    """Rows of organisation, year, kind (unless ``by_kind`` is false) and the
    total in the reporting currency, for every contribution (published or
    not: this is for the Secretariat and its reports), newest year first.
    ``organisations`` limits them to those organisations (objects or ids)."""
    queryset = InKindContribution.objects.all()
    if year is not None:
        queryset = queryset.filter(year=year)
    if organisations is not None:
        queryset = queryset.filter(organisation__in=list(organisations))
    rows = _with_organisations(_rows(queryset, by_kind))
    return sorted(rows, key=lambda r: (-r.year, r.organisation.name, r.kind))


def organisation_totals(organisation):
    """One organisation's totals per year and kind (its Partners' page)."""
    if organisation is None:
        return []
    rows = _rows(InKindContribution.objects.filter(organisation=organisation), by_kind=True)
    for row in rows:
        row.organisation = organisation
        row.total = row.total.quantize(CENT)
    order = {value: i for i, value in enumerate(ContributionKind.values)}
    return sorted(rows, key=lambda r: (-r.year, order.get(r.kind, 99)))


def by_year(rows):
    """{year: [rows]} newest first, with each year's total."""
    years = defaultdict(list)
    for row in rows:
        years[row.year].append(row)
    return [
        {
            "year": year,
            "rows": years[year],
            "total": sum((r.total for r in years[year]), Decimal(0)),
        }
        for year in sorted(years, reverse=True)
    ]


def public_totals():
    """Totals per organisation and year of the published years only."""
    years = published_years()
    if not years:
        return []
    queryset = InKindContribution.objects.filter(year__in=years)
    rows = _with_organisations(_rows(queryset, by_kind=False))
    return sorted(rows, key=lambda r: (-r.year, r.organisation.name))
