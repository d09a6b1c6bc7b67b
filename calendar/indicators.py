"""The training indicators: what the workshop cycle's data says, computed,
never typed in (the public "Our training" page and the Partners' version).

**A held workshop** is a live ``EventPage`` of kind workshop, or training
course (the CAFTA-DR course trains officers as a workshop does), whose status
says it took place: "held" (set by the Secretariat; it has started, even if
its exact day was never recorded, as with the report's 2008 workshops), or
"confirmed" with its last day past and its day known
(``EventPage.shown_status``: a confirmed event with no day yet has not
happened). A proposed, funding-contingent, postponed or cancelled event
whose dates have passed was not held. Each
event lives once and is translated from its source in the default
language, where its outcome and evaluation hang: the figures count the
source pages. The public figures count only the workshops an anonymous
visitor may read (outside the Partners area, no view restriction,
``gci.home.visibility.anonymous_pages``); the Partners' version counts
every workshop the person may read (the planning calendar's too).

Figures:

- workshops held by year (of their start), by UN region (the event's own),
  by treaty (the event's ``treaties``; when it names none, the topics of the
  requests it answers);
- officers trained: the sum of the participants counted
  (``ParticipantCount.number``), in all and by agency;
- countries reached: a country is reached by a workshop held in it or with
  participants from it; the map colours each by the number of such workshops;
- evaluation scores by year: the average of each score over the answers to
  the held workshops' evaluations. Publicly only the evaluations with
  ``MIN_PUBLIC_ANSWERS`` answers or more count (the rule of the public event
  page, gci.calendar.evaluation); comments are never read here;
- requests received and served by year of receipt (served: planned, i.e.
  linked to its workshop). The Partners' version adds the requests by the
  requester's UN region and state (counts: never a requester, a contact or
  an organisation), and the held workshops one a row.

A few queries whatever the number of workshops, answers or requests: each
figure is an aggregate, or a list of small tuples folded here.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from gci.home.choices import Treaty, UNRegion
from gci.home.visibility import anonymous_pages, visible_pages
from gci.site.memo import default_locale

from .choices import Agency, DatePrecision, EvaluationKind, EventKind, EventStatus, RequestState
from .models import EvaluationForm, EventPage, ParticipantCount, WorkshopRequest
from .models.outcomes import MIN_PUBLIC_ANSWERS, SCORES, score_label

REGION_ORDER = [value for value, _label in UNRegion.choices]
TREATY_ORDER = [value for value, _label in Treaty.choices]
AGENCY_ORDER = [value for value, _label in Agency.choices]
STATE_ORDER = [value for value, _label in RequestState.choices]
# The kinds of event that train officers, and so count as workshops here.
TRAINING_KINDS = (EventKind.WORKSHOP, EventKind.TRAINING)
# What a workshop's row reads of its page: its URL, title and dates.
ROW_FIELDS = (
    *("pk", "title", "translation_key", "locale_id", "url_path", "path", "depth"),
    *("start_date", "end_date", "start_time", "end_time", "time_zone"),
    *("date_precision", "tentative", "date_note"),
)


def held_workshops(request=None, today=None):
    """The held workshops (see the module): those an anonymous visitor may
    read, or with ``request`` those its user may read."""
    today = today or timezone.localdate()
    took_place = Q(status=EventStatus.HELD, start_date__lte=today) | (
        Q(status=EventStatus.CONFIRMED, last_day__lt=today)
        & ~Q(date_precision=DatePrecision.UNKNOWN)
    )
    queryset = EventPage.objects.live().filter(
        took_place, locale=default_locale(), kind__in=TRAINING_KINDS
    )
    return anonymous_pages(queryset) if request is None else visible_pages(request, queryset)


# -- What the pages show ---------------------------------------------------------


@dataclass
class Figure:
    """A labelled count (a year, a region, a treaty, an agency…)."""

    key: str
    label: str
    value: int


@dataclass
class CountryFigure:
    code: str
    name: str
    workshops: int
    officers: int


@dataclass
class ScoreYear:
    """A year's evaluation scores: the averages of each score over its answers."""

    year: int
    evaluations: int
    answers: int
    averages: list  # [(label, average)] in the order of SCORES


@dataclass
class RequestYear:
    year: int
    received: int
    served: int


@dataclass
class WorkshopRow:
    """One held workshop, for the Partners: figures only, never names."""

    event: object
    title: str
    year: int
    place: str
    region: str
    treaties: list
    officers: int
    answers: int
    average: float | None  # the mean of the four scores' averages


@dataclass
class Indicators:
    workshops: int = 0
    by_year: list = field(default_factory=list)
    by_region: list = field(default_factory=list)
    by_treaty: list = field(default_factory=list)
    officers: int = 0
    by_agency: list = field(default_factory=list)
    countries: list = field(default_factory=list)  # CountryFigure, by name
    scores: list = field(default_factory=list)  # ScoreYear, by year
    score_labels: list = field(default_factory=list)
    requests: list = field(default_factory=list)  # RequestYear, by year
    requests_received: int = 0
    requests_served: int = 0
    # The Partners' version only
    requests_by_region: list = field(default_factory=list)  # [(label, [counts by state], total)]
    request_states: list = field(default_factory=list)  # labels, in STATE_ORDER
    rows: list = field(default_factory=list)  # WorkshopRow, newest first
    min_public_answers: int = MIN_PUBLIC_ANSWERS

    @property
    def reached(self):
        """``{ISO alpha-2 code: workshops}`` of the countries reached (for the map)."""
        return {figure.code: figure.workshops for figure in self.countries}


def compute(request=None, *, partners=False, today=None):
    """The indicators. Public (``partners`` false): the workshops an anonymous
    visitor may read and the evaluations of ``MIN_PUBLIC_ANSWERS`` answers
    or more; the Partners' version (``request`` given): what the person may
    read, every evaluation, and the details."""
    held = held_workshops(request if partners else None, today=today)
    events = list(
        held.order_by("-start_date", "-pk").values_list(
            "pk", "start_date", "region", "country", "treaties"
        )
    )
    ids = held.values("pk")
    result = Indicators()
    result.workshops = len(events)

    # Workshops by year, region and treaty
    treaties = {pk: list(chosen) for pk, _start, _region, _country, chosen in events}
    missing = [pk for pk, chosen in treaties.items() if not chosen]
    if missing:
        topics = defaultdict(list)
        for event_id, chosen in WorkshopRequest.objects.filter(
            event__in=ids, state=RequestState.PLANNED
        ).values_list("event_id", "topics"):
            topics[event_id] += chosen
        for pk in missing:
            treaties[pk] = list(dict.fromkeys(topics[pk]))
    years = Counter(start.year for _pk, start, *_rest in events)
    result.by_year = [Figure(str(y), str(y), years[y]) for y in sorted(years)]
    regions = Counter(region for _pk, _start, region, *_rest in events)
    result.by_region = _ordered(regions, REGION_ORDER, UNRegion, _("No region given"))
    by_treaty = Counter(t for chosen in treaties.values() for t in chosen)
    by_treaty[""] = sum(1 for chosen in treaties.values() if not chosen)
    result.by_treaty = _ordered(by_treaty, TREATY_ORDER, Treaty, _("No treaty given"))

    # Officers trained and countries reached
    agencies = Counter()
    officers_by_country = Counter()
    officers_by_event = Counter()
    reached = defaultdict(set)
    for event_id, country, agency, number in ParticipantCount.objects.filter(
        outcome__event__in=ids
    ).values_list("outcome__event_id", "country", "agency", "number"):
        agencies[agency] += number
        officers_by_event[event_id] += number
        if country:
            officers_by_country[str(country)] += number
            reached[str(country)].add(event_id)
    for pk, _start, _region, country, _treaties in events:
        if country:
            reached[str(country)].add(pk)
    result.officers = sum(agencies.values())
    result.by_agency = [
        Figure(a, str(Agency(a).label), agencies[a]) for a in AGENCY_ORDER if agencies[a]
    ]
    result.countries = sorted(
        (
            CountryFigure(code, str(countries.name(code) or code), len(held_ids), 0)
            for code, held_ids in reached.items()
        ),
        key=lambda figure: figure.name,
    )
    for figure in result.countries:
        figure.officers = officers_by_country[figure.code]

    # Evaluation scores by year
    forms = list(
        EvaluationForm.objects.filter(event__in=ids, kind=EvaluationKind.WORKSHOP)
        .values("event_id", "event__start_date")
        .annotate(total=Count("answers"), **{s: Avg(f"answers__{s}") for s in SCORES})
        .filter(total__gt=0)
        .order_by()
    )
    counted = forms if partners else [f for f in forms if f["total"] >= MIN_PUBLIC_ANSWERS]
    result.score_labels = [score_label(s, EvaluationKind.WORKSHOP) for s in SCORES]
    result.scores = _scores_by_year(counted, result.score_labels)

    # Requests received and served
    by_year = defaultdict(Counter)
    for year, state, number in (
        WorkshopRequest.objects.annotate(year=ExtractYear("received_on"))
        .values("year", "state")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("year", "state", "n")
    ):
        by_year[year]["received"] += number
        if state == RequestState.PLANNED:
            by_year[year]["served"] += number
    result.requests = [
        RequestYear(y, by_year[y]["received"], by_year[y]["served"]) for y in sorted(by_year)
    ]
    result.requests_received = sum(row.received for row in result.requests)
    result.requests_served = sum(row.served for row in result.requests)

    if partners:
        result.request_states = [str(RequestState(s).label) for s in STATE_ORDER]
        result.requests_by_region = _requests_by_region()
        result.rows = _rows(events, treaties, officers_by_event, forms)
    return result


def _ordered(counter, order, choices, none_label):
    figures = [Figure(key, str(choices(key).label), counter[key]) for key in order if counter[key]]
    if counter.get(""):
        figures.append(Figure("", str(none_label), counter[""]))
    return figures


def _scores_by_year(forms, labels):
    """Per year: the averages of each score over all the answers of its
    evaluations (each form's average weighted by its number of answers)."""
    years = defaultdict(list)
    for form in forms:
        years[form["event__start_date"].year].append(form)
    rows = []
    for year in sorted(years):
        group = years[year]
        answers = sum(f["total"] for f in group)
        averages = [
            (label, sum(f[score] * f["total"] for f in group) / answers)
            for score, label in zip(SCORES, labels, strict=True)
        ]
        rows.append(ScoreYear(year, len(group), answers, averages))
    return rows


def _requests_by_region():
    """``[(region label, [count by state, in STATE_ORDER], total)]``: counts only."""
    table = defaultdict(Counter)
    for region, state, number in (
        WorkshopRequest.objects.values("region", "state")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("region", "state", "n")
    ):
        table[region][state] += number
    rows = []
    for region in [*REGION_ORDER, ""]:
        if region not in table:
            continue
        label = UNRegion(region).label if region else _("No region given")
        counts = [table[region][state] for state in STATE_ORDER]
        rows.append((str(label), counts, sum(counts)))
    return rows


def _rows(events, treaties, officers, forms):
    """The held workshops one a row (newest first), with their figures."""
    from .workplan import _local_titles

    pages = list(
        EventPage.objects.filter(pk__in=[pk for pk, *_rest in events])
        .only(*ROW_FIELDS)
        .order_by("-start_date", "-pk")
    )
    titles = _local_titles(pages)
    by_event = {form["event_id"]: form for form in forms}
    details = {pk: (start, region, country) for pk, start, region, country, _t in events}
    rows = []
    for page in pages:
        start, region, country = details[page.pk]
        form = by_event.get(page.pk)
        average = sum(form[s] for s in SCORES) / len(SCORES) if form else None
        rows.append(
            WorkshopRow(
                event=page,
                title=titles[page.pk],
                year=start.year,
                place=str(countries.name(country)) if country else "",
                region=str(UNRegion(region).label) if region else "",
                treaties=[str(Treaty(t).label) for t in treaties[page.pk] if t in TREATY_ORDER],
                officers=officers.get(page.pk, 0),
                answers=form["total"] if form else 0,
                average=average,
            )
        )
    return rows
