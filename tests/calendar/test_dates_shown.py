"""How an event's dates and status read: UN-style dates on every view, the
month alone for a month-only event (never an invented day), "Held" once an
event's end has passed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories.calendar import days_from_today, make_event, public_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def month_only():
    return make_event(
        public_index(),
        "Regional workshop, Southeast Asia",
        dt.date(2031, 9, 17),
        date_precision="month",
    )


def test_a_month_only_event_is_stored_from_the_first(month_only):
    assert month_only.start_date == dt.date(2031, 9, 1)


def test_a_month_only_event_lasts_to_the_end_of_its_month(month_only):
    assert month_only.end_date == dt.date(2031, 9, 30)


def test_a_month_only_event_shows_its_month_on_its_page(client, month_only):
    body = client.get(month_only.url).content.decode()
    assert '<time datetime="2031-09">September 2031</time>' in body


def test_a_month_only_event_shows_no_day_in_the_list(client, month_only):
    body = client.get("/en/events/").content.decode()
    assert "1 September 2031" not in body


def test_a_month_only_event_is_under_its_month(client, month_only):
    body = client.get("/en/events/2031/09/").content.decode()
    assert "September 2031</time>" in body


def test_a_month_only_event_is_on_no_day_of_the_grid(client, month_only):
    response = client.get("/en/events/2031/09/")
    placed = [day["date"] for week in response.context["weeks"] for day in week if day["events"]]
    assert placed == []


def test_a_month_only_event_has_no_ics(client, month_only):
    assert client.get(f"{month_only.url}ics/").status_code == 404


def test_a_month_only_event_is_left_out_of_the_feed(client, month_only):
    body = client.get("/en/events/feed/").content.decode()
    assert "Regional workshop" not in body


def test_a_month_only_event_has_no_time(month_only):
    month_only.start_time = dt.time(9)
    with pytest.raises(ValidationError) as raised:
        month_only.full_clean()
    assert "start_time" in raised.value.message_dict


def test_a_date_to_be_confirmed_says_so(client):
    event = make_event(public_index(), "Joint workshop", days_from_today(40), date_precision="tbc")
    assert "Date to be confirmed" in client.get(event.url).content.decode()


def test_an_event_in_french_reads_the_french_way(client):
    event = make_event(
        public_index(), "Workshop", dt.date(2031, 9, 30), dt.date(2031, 10, 2), translate=True
    )
    french = event.get_translation(event.locale.__class__.objects.get(language_code="fr"))
    body = client.get(french.url).content.decode()
    assert "30 septembre – 2 octobre 2031" in body


def test_a_timed_event_shows_24_hour_times_and_its_zone(client):
    event = make_event(
        public_index(),
        "Side event",
        dt.date(2031, 5, 5),
        start_time=dt.time(14),
        end_time=dt.time(16),
        time_zone="Europe/Zurich",
    )
    assert "5 May 2031, 14:00–16:00 (Switzerland Time)" in client.get(event.url).content.decode()


def test_a_confirmed_event_that_has_ended_is_held(client):
    event = make_event(public_index(), "Old meeting", days_from_today(-3), status="confirmed")
    body = client.get(event.url).content.decode()
    assert '<span class="status status--held">Held</span>' in body


def test_a_confirmed_event_that_has_ended_is_not_confirmed(client):
    event = make_event(public_index(), "Old meeting", days_from_today(-3), status="confirmed")
    assert "Confirmed" not in client.get(event.url).content.decode()


def test_a_held_event_is_held_in_the_past_list(client):
    make_event(public_index(), "Old meeting", days_from_today(-3), status="confirmed")
    assert "status--held" in client.get("/en/events/past/").content.decode()


def test_a_held_event_is_held_in_the_month_grid(client):
    day = days_from_today(-1)
    make_event(public_index(), "Yesterday's meeting", day, status="confirmed")
    body = client.get(f"/en/events/{day:%Y}/{day:%m}/").content.decode()
    assert "month-grid__event status--held" in body


def test_a_coming_event_stays_confirmed(client):
    event = make_event(public_index(), "Next meeting", days_from_today(3), status="confirmed")
    assert "Confirmed" in client.get(event.url).content.decode()
