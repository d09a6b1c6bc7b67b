"""The year's workplan table: the requests still waiting for a workshop and
the planned workshops of that year, by UN region and by priority, with what
each costs and how it is funded, and the totals of each region (committed,
expected, none) so that the Partners' meeting can decide from it.

Which requests belong to year Y's workplan (the issue is silent; decided here):
a request neither declined nor withdrawn, and
- planned: by its workshop's year; a planned request whose workshop has a
  plan is that workshop's row, not a row of its own;
- still waiting (received, under consideration, prioritised): when its
  preferred period starts in Y or before (a request not yet served is carried
  over), or, without a preferred period, when it was received in Y or before.

The table never names the requester or its contact: a row shows only its
country or region and the kind of body that asked. It costs the same few
queries whatever the number of rows.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gci.home.choices import UNRegion
from gci.home.contributions.funding import attach_funding
from gci.site.memo import active_locale

from .choices import FundingState, RequestState
from .models import EventPage, WorkshopPlan, WorkshopRequest

CLOSED_REQUEST_STATES = (RequestState.DECLINED, RequestState.WITHDRAWN)
REGION_ORDER = [value for value, _label in UNRegion.choices] + [""]


@dataclass
class Row:
    """One line of the workplan: a request or a planned workshop."""

    key: str  # "request-<pk>" or "plan-<pk>": a comment's target
    kind: str  # "request" or "workshop"
    item: object  # the WorkshopRequest or the WorkshopPlan
    title: str
    place: str
    region: str
    state_label: str
    criteria: list
    event: object = None
    topics: list = field(default_factory=list)

    @property
    def kind_label(self):
        return _("Request") if self.kind == "request" else _("Workshop")

    @property
    def priority(self):
        return self.item.priority

    @property
    def sort_key(self):
        # Priority descending, unscored last; then the larger cost first.
        cost = self.item.estimated_cost or Decimal(0)
        return (self.item.priority is None, -(self.item.priority or 0), -cost, self.title)


@dataclass
class Totals:
    """One currency's costs in a region, by funding state."""

    currency: str
    committed: Decimal = Decimal(0)
    expected: Decimal = Decimal(0)
    none: Decimal = Decimal(0)
    unknown: int = 0  # rows without an estimated cost

    def add(self, item):
        if item.estimated_cost is None:
            self.unknown += 1
            return
        name = {
            FundingState.COMMITTED: "committed",
            FundingState.EXPECTED: "expected",
        }.get(item.funding_state, "none")
        if not item.contingent_on_funding:
            name = "committed"
        setattr(self, name, getattr(self, name) + item.estimated_cost)

    @property
    def total(self):
        return self.committed + self.expected + self.none


@dataclass
class RegionGroup:
    region: str
    label: str
    rows: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    def add(self, row):
        self.rows.append(row)
        currency = row.item.currency
        self.totals.setdefault(currency, Totals(currency)).add(row.item)

    @property
    def totals_list(self):
        return [self.totals[c] for c in sorted(self.totals)]


def requests_for_year(year):
    """The requests of year ``year``'s workplan (see the module's docstring)."""
    waiting = Q(preferred_from__year__lte=year) | Q(
        preferred_from__isnull=True, received_on__year__lte=year
    )
    planned = Q(
        state=RequestState.PLANNED,
        event__isnull=False,
        event__start_date__year=year,
        event__plan__isnull=True,
    )
    return (
        WorkshopRequest.objects.exclude(state__in=CLOSED_REQUEST_STATES)
        .filter(planned | (~Q(state=RequestState.PLANNED, event__isnull=False) & waiting))
        .select_related("lead_organisation", "event")
        .prefetch_related("criteria")
    )


def plans_for_year(year):
    return (
        WorkshopPlan.objects.filter(event__start_date__year=year)
        .select_related("event", "lead_organisation")
        .prefetch_related("criteria")
    )


def _local_titles(events):
    """The events' titles in the active language (one query), by event pk."""
    locale = active_locale()
    titles = {event.pk: event.title for event in events}
    others = [event for event in events if event.locale_id != locale.pk]
    if others:
        by_key = dict(
            EventPage.objects.filter(
                translation_key__in=[e.translation_key for e in others], locale=locale
            ).values_list("translation_key", "title")
        )
        for event in others:
            titles[event.pk] = by_key.get(event.translation_key, event.title)
    return titles


def build(year):
    """The workplan table of ``year``: a list of ``RegionGroup``, regions in
    the UN order (rows without a region last), rows by priority."""
    rows = []
    for item in requests_for_year(year):
        rows.append(
            Row(
                key=f"request-{item.pk}",
                kind="request",
                item=item,
                title=str(item.get_body_kind_display()),
                place=item.place() or "",
                region=item.region,
                state_label=item.get_state_display(),
                criteria=list(item.criteria.all()),
                topics=item.topic_labels(),
            )
        )
    plans = attach_funding(plans_for_year(year))
    titles = _local_titles([plan.event for plan in plans])
    for plan in plans:
        event = plan.event
        rows.append(
            Row(
                key=f"plan-{plan.pk}",
                kind="workshop",
                item=plan,
                title=titles[event.pk],
                place=event.country.name if event.country else event.get_region_display(),
                region=plan.plan_region,
                state_label=event.get_status_display(),
                criteria=list(plan.criteria.all()),
                event=event,
            )
        )
    groups = {}
    for row in sorted(rows, key=lambda r: r.sort_key):
        region = row.region if row.region in REGION_ORDER else ""
        if region not in groups:
            label = UNRegion(region).label if region else _("No region given")
            groups[region] = RegionGroup(region, label)
        groups[region].add(row)
    return [groups[r] for r in REGION_ORDER if r in groups]


def grand_totals(groups):
    """The totals of the whole workplan, by currency."""
    totals = defaultdict(lambda: None)
    for group in groups:
        for currency, sub in group.totals.items():
            if totals[currency] is None:
                totals[currency] = Totals(currency)
            whole = totals[currency]
            whole.committed += sub.committed
            whole.expected += sub.expected
            whole.none += sub.none
            whole.unknown += sub.unknown
    return [totals[c] for c in sorted(totals)]


def target_choices(groups):
    """(key, label) of every row, for a comment's target."""
    return [
        (row.key, " — ".join(str(part) for part in (row.kind_label, row.title, row.place) if part))
        for group in groups
        for row in group.rows
    ]
