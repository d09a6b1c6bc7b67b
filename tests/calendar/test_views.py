"""The calendars as a visitor reads them: list, month, year, past, filters."""

import datetime as dt

import pytest

from tests.factories.calendar import days_from_today, make_event, planning_index, public_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return make_event(
        public_index(),
        "Customs workshop Nairobi",
        days_from_today(10),
        days_from_today(12),
        kind="workshop",
        status="confirmed",
        city="Nairobi",
        country="KE",
        region="africa",
    )


def test_upcoming_is_the_default_view(client, workshop):
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert response.context["view"] == "upcoming"
    assert workshop.title in response.content.decode()


def test_past_events_are_not_upcoming(client):
    old = make_event(public_index(), "Long ago", dt.date(2008, 6, 9), dt.date(2008, 6, 12))
    assert old.title not in client.get("/en/events/").content.decode()
    assert old.title in client.get("/en/events/past/").content.decode()


def test_status_is_shown_plainly_on_every_view(client):
    event = make_event(public_index(), "Called off", days_from_today(5), status="cancelled")
    month = days_from_today(5)
    for url in [
        "/en/events/",
        f"/en/events/{month:%Y}/{month:%m}/",
        f"/en/events/{month:%Y}/",
        event.url,
    ]:
        body = client.get(url).content.decode()
        assert "Cancelled" in body, url


def test_month_view_places_a_multi_day_event_on_each_of_its_days(client):
    make_event(public_index(), "Meeting in Brussels", dt.date(2009, 1, 26), dt.date(2009, 1, 27))
    response = client.get("/en/events/2009/01/")
    assert response.status_code == 200
    days = {
        day["date"]: [e.title for e in day["events"]]
        for week in response.context["weeks"]
        for day in week
    }
    assert "Meeting in Brussels" in days[dt.date(2009, 1, 26)]
    assert "Meeting in Brussels" in days[dt.date(2009, 1, 27)]
    assert "Meeting in Brussels" not in days[dt.date(2009, 1, 28)]
    assert "Meeting in Brussels" not in days[dt.date(2009, 1, 25)]


def test_each_event_in_the_month_grid_links_to_its_page_with_its_status(client):
    held = make_event(public_index(), "Held in Brussels", dt.date(2009, 1, 26))
    response = client.get("/en/events/2009/01/")
    day = next(d for week in response.context["weeks"] for d in week if d["date"].day == 26)
    (shown,) = [e for e in day["events"] if e.title == "Held in Brussels"]
    assert shown.url == held.url == "/en/events/held-in-brussels/"
    assert shown.shown_status == "held"  # confirmed, and its day has passed
    assert f'href="{held.url}"' in response.content.decode()


def test_the_month_grid_shows_three_events_a_day_and_links_to_the_others(client):
    for n in range(5):
        make_event(public_index(), f"Busy day event {n}", dt.date(2009, 3, 10))
    response = client.get("/en/events/2009/03/")
    day = next(d for week in response.context["weeks"] for d in week if d["date"].day == 10)
    assert [e.title for e in day["events"]] == [f"Busy day event {n}" for n in range(3)]
    assert day["more"] == 2
    assert day["more_url"] == "?#month-list-title"  # the list below, on its first page
    assert "2 more" in response.content.decode()


def test_n_more_leads_to_the_page_of_the_list_that_holds_the_hidden_events(client):
    for n in range(25):
        make_event(public_index(), f"Early event {n:02d}", dt.date(2009, 3, 2), kind="workshop")
    for n in range(5):
        make_event(public_index(), f"Late event {n}", dt.date(2009, 3, 20), kind="workshop")
    response = client.get("/en/events/2009/03/?kind=workshop")
    day = next(d for week in response.context["weeks"] for d in week if d["date"].day == 20)
    assert day["more_url"] == "?kind=workshop&page=2#month-list-title"
    second = client.get("/en/events/2009/03/?kind=workshop&page=2").content.decode()
    assert "Late event 3" in second
    assert "Late event 4" in second


def test_the_list_below_the_month_grid_is_paginated(client):
    for n in range(25):
        make_event(public_index(), f"March event {n:02d}", dt.date(2009, 3, 2 + n % 20))
    first = client.get("/en/events/2009/03/")
    assert len(first.context["month_events"].object_list) == 20
    second = client.get("/en/events/2009/03/?page=2")
    assert len(second.context["month_events"].object_list) == 5
    assert client.get("/en/events/2009/03/?page=3").status_code == 404


def test_an_events_stored_last_day_follows_its_dates(client):
    event = make_event(public_index(), "Moving event", dt.date(2009, 3, 2))
    assert event.last_day == dt.date(2009, 3, 2)
    event.end_date = dt.date(2009, 3, 5)
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.last_day == dt.date(2009, 3, 5)
    event.end_date = None
    event.save(update_fields=["end_date"])
    event.refresh_from_db()
    assert event.last_day == dt.date(2009, 3, 2)


def test_year_view_groups_events_by_month(client):
    make_event(public_index(), "June training", dt.date(2008, 6, 9), dt.date(2008, 6, 12))
    response = client.get("/en/events/2008/")
    june = response.context["months"][5]
    assert "June training" in [e.title for e in june["events"]]


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/2009/13/",
        "/en/events/2009/00/",
        "/en/events/0000/",
        "/en/events/9999/",
        "/en/events/2009/1/",
        "/en/events/abcd/",
        "/en/events/?page=999",
        "/en/events/?page=abc",
    ],
)
def test_impossible_months_and_years_are_404_never_500(client, url):
    assert client.get(url).status_code == 404


def test_filters_combine_and_stay_in_the_urls(client, workshop):
    other = make_event(
        public_index(),
        "Ozone side event",
        days_from_today(20),
        kind="side_event",
        region="asia_pacific",
    )
    response = client.get("/en/events/", {"kind": "workshop", "region": "africa"})
    titles = [e.title for e in response.context["events"]]
    assert titles == [workshop.title]
    body = response.content.decode()
    assert "kind=workshop" in body and "region=africa" in body  # in the other views' links
    assert other.title not in body


def test_filter_by_organisation_and_country_and_year(client, workshop):
    from gci.home.models import PartnerOrganisation

    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    workshop.organisers.set([wco])
    workshop.save_revision().publish()
    response = client.get(
        "/en/events/", {"organisation": "WCO", "country": "KE", "year": workshop.start_date.year}
    )
    assert [e.title for e in response.context["events"]] == [workshop.title]
    response = client.get("/en/events/", {"organisation": "CITES"})
    assert workshop.title not in [e.title for e in response.context["events"]]


def test_bad_filter_values_are_ignored_with_a_message_not_a_500(client, workshop):
    response = client.get("/en/events/", {"kind": "bogus", "year": "abc", "country": "XX"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors
    assert "Some filters were not understood" in response.content.decode()


def test_each_event_offers_an_ics_link(client, workshop):
    body = client.get(workshop.url).content.decode()
    assert f'href="{workshop.url}ics/"' in body


@pytest.mark.parametrize("language", ["fr", "ar", "zh-hans"])
def test_calendar_works_in_other_languages(client, language):
    event = make_event(public_index(), "Translated event", days_from_today(3), translate=True)
    response = client.get(f"/{language}/events/")
    assert response.status_code == 200
    assert f"Translated event [{language}]" in response.content.decode()
    assert event.title + "<" not in response.content.decode()
    month = days_from_today(3)
    assert client.get(f"/{language}/events/{month:%Y}/{month:%m}/").status_code == 200


def test_the_planning_calendar_shows_public_and_partners_events(client, cites_user, workshop):
    internal = make_event(
        planning_index(),
        "Internal planning meeting",
        days_from_today(15),
        kind="partners_meeting",
        status="proposed",
    )
    client.force_login(cites_user)
    body = client.get("/en/partners-area/planning-calendar/").content.decode()
    assert workshop.title in body and internal.title in body
    public_body = client.get("/en/events/").content.decode()
    assert workshop.title in public_body and internal.title not in public_body


def test_the_event_page_shows_its_facts(client, workshop):
    body = client.get(workshop.url).content.decode()
    assert "Nairobi, Kenya" in body
    assert "GCI workshop" in body


def test_arabic_indic_digits_are_not_a_second_url(client):
    assert client.get("/en/events/٢٠٠٩/").status_code == 404
