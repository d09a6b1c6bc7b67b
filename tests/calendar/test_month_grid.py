"""The month grid people look at: one bar per event and week row, in lanes,
coloured by kind with a legend, tentative events marked, an agenda for
phones, an empty month that says what to try, and a grid that always agrees
with the list below it."""

import datetime as dt
import re

import pytest

from gci.calendar.choices import EventKind
from gci.calendar.grid import assign_lanes, week_bars
from tests.factories.calendar import make_event, planning_index, public_index

# September 2031 starts on a Monday: its grid runs from 1 September to 5 October.
SEPTEMBER = "/en/events/2031/09/"


def day(n, month=9):
    return dt.date(2031, month, n)


WEEK = [day(8) + dt.timedelta(days=n) for n in range(7)]  # Monday 8 – Sunday 14


# -- the layout, without a database ----------------------------------------


def test_each_segment_takes_the_lowest_lane_free_over_its_days():
    assert assign_lanes([(0, 2), (1, 1), (3, 4), (0, 6), (2, 2)]) == [0, 1, 0, 2, 1]


def test_no_two_bars_of_a_lane_overlap():
    segments = [(0, 3), (2, 5), (4, 6), (1, 1), (6, 6), (0, 0)]
    lanes = assign_lanes(segments)
    for i, (a, b) in enumerate(segments):
        for j, (c, d) in enumerate(segments[:i]):
            if lanes[i] == lanes[j]:
                assert b < c or d < a, (segments[i], segments[j])


def test_a_bar_is_cut_to_its_week_and_says_where_it_goes_on():
    (bar,) = week_bars(WEEK, [("long", day(5), day(10))])
    assert (bar.column, bar.span, bar.continues_before, bar.continues_after) == (0, 3, True, False)
    (bar,) = week_bars(WEEK, [("long", day(12), day(20))])
    assert (bar.column, bar.span, bar.continues_before, bar.continues_after) == (4, 3, False, True)
    (bar,) = week_bars(WEEK, [("all week", day(1), day(30))])
    assert (bar.column, bar.span, bar.continues_before, bar.continues_after) == (0, 7, True, True)


def test_events_outside_the_week_have_no_bar():
    assert week_bars(WEEK, [("before", day(1), day(7)), ("after", day(15), day(16))]) == []


def test_of_two_bars_starting_the_same_day_the_longer_takes_the_upper_lane():
    bars = week_bars(WEEK, [("one day", day(9), day(9)), ("three days", day(9), day(11))])
    lanes = {bar.item: bar.lane for bar in bars}
    assert lanes == {"three days": 0, "one day": 1}


def test_a_later_bar_reuses_a_lane_once_it_is_free():
    bars = week_bars(
        WEEK,
        [("mon-tue", day(8), day(9)), ("tue", day(9), day(9)), ("thu-fri", day(11), day(12))],
    )
    lanes = {bar.item: bar.lane for bar in bars}
    assert lanes == {"mon-tue": 0, "tue": 1, "thu-fri": 0}


# -- the page --------------------------------------------------------------


def bars_of(response):
    return [bar for week in response.context["week_rows"] for bar in week["bars"]]


def grid_html(body):
    return body.split('<div class="month-grid">', 1)[1].split('<div class="month-agenda">', 1)[0]


def links_to(html, url):
    """The class attribute of each link to ``url``."""
    return re.findall(rf'<a class="([^"]*)" href="{re.escape(url)}"', html)


@pytest.mark.django_db
def test_a_three_day_event_is_one_bar_spanning_three_days(client):
    event = make_event(public_index(), "Three-day workshop", day(9), day(11), kind="training")
    response = client.get(SEPTEMBER)
    (bar,) = bars_of(response)
    assert (bar.item.pk, bar.column, bar.span) == (event.pk, 1, 3)
    (classes,) = links_to(grid_html(response.content.decode()), event.url)
    assert "span-3" in classes.split()
    assert "col-2" in classes.split()
    assert "kind--training" in classes.split()


@pytest.mark.django_db
def test_an_event_over_a_weekend_is_split_at_the_week_with_a_continuing_marker(client):
    event = make_event(public_index(), "Friday to Tuesday", day(5), day(9))
    body = client.get(SEPTEMBER).content.decode()
    first, second = links_to(grid_html(body), event.url)
    assert {"col-5", "span-3", "continues-after"} <= set(first.split())
    assert "continues-before" not in first.split()
    assert {"col-1", "span-2", "continues-before"} <= set(second.split())
    assert "(continued)" in grid_html(body)


@pytest.mark.django_db
def test_the_page_has_a_legend_of_every_kind_and_of_tentative_events(client):
    make_event(public_index(), "September meeting", day(12))
    body = client.get(SEPTEMBER).content.decode()
    legend = body.split('<ul class="month-legend"', 1)[1].split("</ul>", 1)[0]
    for value, label in EventKind.choices:
        assert f"kind--{value}" in legend
        assert str(label) in legend
    assert "is-tentative" in legend
    assert "Dashed: proposed or not yet confirmed" in legend


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "tentative"),
    [
        ({"status": "proposed"}, True),
        ({"status": "contingent"}, True),
        ({"status": "confirmed", "tentative": True}, True),
        ({"status": "confirmed"}, False),
    ],
)
def test_proposed_and_contingent_events_are_marked_tentative_in_words_too(
    client, fields, tentative
):
    event = make_event(public_index(), "Maybe a workshop", day(16), **fields)
    body = client.get(SEPTEMBER).content.decode()
    (classes,) = links_to(grid_html(body), event.url)
    assert ("is-tentative" in classes.split()) is tentative
    label = {"proposed": "Proposed", "contingent": "Contingent on funding"}.get(fields["status"])
    if label:  # read out with the bar, not told by its look alone
        assert re.search(rf'<span class="visually-hidden">\([^)]*{label}\)</span>', grid_html(body))


@pytest.mark.django_db
def test_a_phone_gets_an_agenda_with_each_event_once_under_its_first_day(client):
    event = make_event(public_index(), "Friday to Tuesday", day(5), day(9), kind="outreach")
    before = make_event(public_index(), "From August", day(30, 8), day(2))
    response = client.get(SEPTEMBER)
    agenda = response.content.decode().split('<div class="month-agenda">', 1)[1]
    agenda = agenda.split('<section class="month-list"', 1)[0]
    assert agenda.count(f'href="{event.url}"') == 1
    assert agenda.count(f'href="{before.url}"') == 1
    days = dict(response.context["agenda"])
    assert [e.pk for e in days[day(5)]] == [event.pk]
    assert [e.pk for e in days[day(1)]] == [before.pk]  # under the month's first day


@pytest.mark.django_db
def test_an_empty_month_offers_the_next_month_with_events_and_the_year(client):
    make_event(public_index(), "November meeting", day(12, 11))
    body = client.get(SEPTEMBER).content.decode()
    assert "No events in September 2031." in body
    assert 'class="month-legend"' not in body  # a key to nothing
    assert re.search(r'class="month-empty__next" href="/en/events/2031/11/"', body)
    assert "Next month with events: November 2031" in body
    assert re.search(r'class="month-empty__year" href="/en/events/2031/"', body)


@pytest.mark.django_db
def test_the_next_month_offered_keeps_the_filters(client):
    make_event(public_index(), "October training", day(12, 10), kind="training")
    make_event(public_index(), "December workshop", day(12, 12), kind="workshop")
    body = client.get(f"{SEPTEMBER}?kind=workshop").content.decode()
    assert 'href="/en/events/2031/12/?kind=workshop"' in body


@pytest.mark.django_db
def test_the_next_month_offered_never_gives_away_a_restricted_event(client):
    make_event(planning_index(), "Secret plan", day(12, 10), kind="partners_meeting")
    make_event(public_index(), "Public meeting", day(12, 12))
    body = client.get(SEPTEMBER).content.decode()
    assert "Secret plan" not in body
    assert 'href="/en/events/2031/12/"' in body
    assert 'href="/en/events/2031/10/"' not in body.split('class="month-empty"', 1)[1]


@pytest.mark.django_db
def test_a_month_with_events_offers_no_empty_hint(client):
    make_event(public_index(), "September meeting", day(12))
    body = client.get(SEPTEMBER).content.decode()
    assert 'class="month-empty"' not in body


def grid_ids(response):
    return {bar.item.pk for bar in bars_of(response)} | {
        event.pk for event in response.context["undated_events"]
    }


def list_ids(response):
    return set(response.context["month_events"].paginator.object_list)


@pytest.mark.django_db
def test_the_grid_and_the_list_below_hold_the_same_events(client):
    inside = make_event(public_index(), "Mid September", day(10))
    across_start = make_event(public_index(), "From August", day(30, 8), day(2))
    across_end = make_event(public_index(), "Into October", day(30), day(2, 10))
    month_only = make_event(public_index(), "Some day in September", day(1), date_precision="month")
    october_first = make_event(public_index(), "On 1 October", day(1, 10))  # shown greyed…
    august_end = make_event(public_index(), "On 31 August", day(31, 8))
    response = client.get(SEPTEMBER)
    expected = {inside.pk, across_start.pk, across_end.pk, month_only.pk}
    assert grid_ids(response) == list_ids(response) == expected
    body = response.content.decode()
    assert october_first.url not in body  # …on no day of September's page at all
    assert august_end.url not in body
    # The event going on into October is drawn over its October days too.
    (bar,) = [bar for bar in bars_of(response) if bar.item.pk == across_end.pk]
    assert (bar.column, bar.span) == (1, 3)


@pytest.mark.django_db
def test_a_partners_september_agrees_with_its_list(client, cites_user):
    """The issue's case: the planning calendar's September showed an event on
    1 October while its list said none."""
    october = make_event(planning_index(), "Plan for 1 October", day(1, 10))
    client.force_login(cites_user)
    url = planning_index().url + "2031/09/"
    response = client.get(url)
    assert response.status_code == 200
    assert grid_ids(response) == list_ids(response) == set()
    assert october.url not in response.content.decode()
    october_page = client.get(planning_index().url + "2031/10/")
    assert grid_ids(october_page) == list_ids(october_page) == {october.pk}


@pytest.mark.django_db
def test_the_grid_of_the_public_calendar_never_shows_a_restricted_event(client, cites_user):
    secret = make_event(planning_index(), "Secret plan", day(10), day(12))
    public = make_event(public_index(), "Public meeting", day(10))
    client.force_login(cites_user)  # a Partner, but this is the public calendar
    response = client.get(SEPTEMBER)
    assert grid_ids(response) == {public.pk}
    assert "Secret plan" not in response.content.decode()
    assert secret.pk not in grid_ids(client.get(SEPTEMBER))


@pytest.mark.django_db
def test_the_upcoming_list_shows_when_where_and_the_kind_at_a_glance(client):
    make_event(
        public_index(),
        "Nairobi workshop",
        dt.date(2031, 9, 30),
        dt.date(2031, 10, 2),
        kind="training",
        city="Nairobi",
        country="KE",
    )
    body = client.get("/en/events/").content.decode()
    item = body.split("Nairobi workshop</a>", 1)[0].rsplit('<article class="event-item', 1)[1]
    item += body.split("Nairobi workshop</a>", 1)[1].split("</article>", 1)[0]
    when = '<time datetime="2031-09-30">30 September – 2 October 2031</time>'
    assert f'class="event-item__when">{when}' in item
    assert 'class="kind-badge kind--training event-item__kind">Training course<' in item
    assert "Nairobi, Kenya" in item
