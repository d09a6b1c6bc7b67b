"""Regressions found by review: each would fail again if its fix went."""

import datetime as dt

import pytest
from icalendar import Calendar
from wagtail.models import Locale

from gci.calendar.models import ActionPoint, CalendarFeedToken, EventPage
from gci.home.models import PartnerOrganisation
from tests.factories.calendar import days_from_today, make_event, planning_index, public_index

pytestmark = pytest.mark.django_db


def test_moving_an_event_into_the_partners_area_hides_its_translations(client):
    from wagtail.actions.move_page import MovePageAction

    event = make_event(public_index(), "Moving event", days_from_today(9), translate=True)
    MovePageAction(event, planning_index(), pos="last-child").execute(skip_permission_checks=True)
    for translation in EventPage.objects.filter(translation_key=event.translation_key):
        translation.refresh_from_db()
    for code in ["fr", "es", "ru", "ar", "zh-hans"]:
        assert "Moving event" not in client.get(f"/{code}/events/").content.decode()
    api = client.get("/api/v2/pages/", {"type": "gci_calendar.EventPage", "search": "Moving"})
    assert api.json()["meta"]["total_count"] == 0


def test_an_end_date_far_away_is_refused_and_never_breaks_a_feed(client, wco_user):
    client.force_login(wco_user)
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    response = client.post(
        "/en/planning/propose/",
        {
            "title": "Far",
            "kind": "training",
            "start_date": "2031-01-01",
            "end_date": "9999-12-31",
            "time_zone": "UTC",
            "organisers": [wco.pk],
            "status": "proposed",
        },
    )
    assert response.status_code == 200 and "between 1990 and 2100" in response.content.decode()
    # Even an event saved without validation does not break a feed.
    event = make_event(public_index(), "Edge", dt.date(2100, 12, 30))
    EventPage.objects.filter(pk=event.pk).update(end_date=dt.date(9999, 12, 31))
    assert client.get(f"{event.url}ics/").status_code == 200
    feed = client.get("/en/events/feed/")
    assert b"Edge" in feed.content


@pytest.mark.parametrize(
    "query",
    [
        {"start_date": "garbage"},
        {"end_date": "2009-02-30"},
        {"start_time": "25:99"},
    ],
)
def test_api_date_filters_answer_400_not_500(client, query):
    response = client.get("/api/v2/pages/", {"type": "gci_calendar.EventPage", **query})
    assert response.status_code == 400


def test_an_out_of_range_organiser_is_a_form_error(client, wco_user):
    client.force_login(wco_user)
    response = client.post(
        "/en/planning/propose/",
        {
            "title": "X",
            "kind": "training",
            "start_date": "2031-01-01",
            "time_zone": "UTC",
            "organisers": ["999999999999999999999999999999"],
            "status": "proposed",
        },
    )
    assert response.status_code == 200


def test_a_proposal_made_in_french_lives_in_the_default_language_calendar(client, wco_user):
    client.force_login(wco_user)
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    client.post(
        "/fr/planning/propose/",
        {
            "title": "Atelier à Dakar",
            "kind": "workshop",
            "start_date": "2031-02-02",
            "time_zone": "Africa/Dakar",
            "organisers": [wco.pk],
            "status": "proposed",
        },
    )
    event = EventPage.objects.get(title="Atelier à Dakar")
    assert event.locale == Locale.get_default()


@pytest.mark.parametrize("title", ["Past", "Feed", "2031", "ICS"])
def test_proposal_slugs_never_hide_behind_calendar_views(client, wco_user, title):
    client.force_login(wco_user)
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    client.post(
        "/en/planning/propose/",
        {
            "title": title,
            "kind": "workshop",
            "start_date": "2031-02-02",
            "time_zone": "UTC",
            "organisers": [wco.pk],
            "status": "proposed",
        },
    )
    event = EventPage.objects.get(title=title)
    assert event.slug not in {"past", "feed", "ics"} and not event.slug.isdigit()


def test_the_personal_feed_speaks_the_requested_language_throughout(client, cites_user):
    make_event(
        planning_index(),
        "Plan tbc",
        days_from_today(5),
        tentative=True,
        kind="partners_meeting",
        translate=True,
    )
    token = CalendarFeedToken.issue(cites_user)
    response = client.get(
        f"/feeds/planning/{token}.ics", {"language": "fr"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    calendar = Calendar.from_ical(response.content)
    event = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith("Plan tbc")][0]
    assert "[fr]" in str(event["SUMMARY"])
    assert "to be confirmed" not in str(event["SUMMARY"])
    assert str(event["CATEGORIES"].cats[0]) != "Partners meeting"


def test_admin_edits_move_the_version_on_and_are_recorded(client, secretariat_user, wco_user):
    from gci.calendar.models import ActionPointUpdate
    from tests.helpers import force_login_with_totp

    ActionPoint.objects.all().delete()
    meeting = make_event(planning_index(), "M", days_from_today(-3), kind="partners_meeting")
    point = ActionPoint.objects.create(meeting=meeting, text="Do it", due_date=days_from_today(4))
    point.owners.set(PartnerOrganisation.objects.filter(acronym="WCO", locale__language_code="en"))
    stale_version = point.version
    force_login_with_totp(client, secretariat_user)
    response = client.post(
        f"/admin/action_points/edit/{point.pk}/",
        {
            "meeting": meeting.pk,
            "text": "Do it",
            "owners": [point.owners.get().pk],
            "due_date": point.due_date.isoformat(),
            "status": "in_progress",
            "notes": "Secretariat note",
        },
    )
    assert response.status_code == 302
    assert ActionPointUpdate.objects.get(action_point=point).user == secretariat_user
    client.force_login(wco_user)
    response = client.post(
        f"/en/planning/action-points/{point.pk}/",
        {"status": "done", "notes": "stale", "version": stale_version},
    )
    assert response.status_code == 409
    point.refresh_from_db()
    assert point.notes == "Secretariat note"


def test_arabic_indic_digits_are_not_a_second_url(client):
    assert client.get("/en/events/٢٠٠٩/").status_code == 404


def test_action_points_of_an_unpublished_meeting_stay_off_dashboards(client, wco_user):
    ActionPoint.objects.all().delete()
    meeting = make_event(
        planning_index(),
        "Draft meeting",
        days_from_today(-3),
        kind="partners_meeting",
        publish=False,
    )
    point = ActionPoint.objects.create(
        meeting=meeting, text="Hidden point", due_date=days_from_today(4)
    )
    point.owners.set(PartnerOrganisation.objects.filter(acronym="WCO", locale__language_code="en"))
    client.force_login(wco_user)
    assert "Hidden point" not in client.get("/en/partners-area/").content.decode()
