"""iCal feeds: RFC 5545 through `icalendar`, stable UIDs, time zones, status."""

import datetime as dt

import pytest
from icalendar import Calendar

from gci.calendar.models import CalendarFeedToken, EventPage
from tests.factories.calendar import days_from_today, make_event, planning_index, public_index

pytestmark = pytest.mark.django_db


def read(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Calendar.from_ical(body)


def events_of(calendar):
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_the_public_feed_is_valid_icalendar_with_public_events_only(client):
    public = make_event(public_index(), "Open workshop", days_from_today(4))
    make_event(planning_index(), "Closed meeting", days_from_today(5))
    response = client.get("/en/events/feed/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = read(response)
    assert calendar["VERSION"] == "2.0"
    titles = events_of(calendar)
    assert public.title in titles and "Closed meeting" not in titles


def test_uids_are_stable_and_shared_across_languages(client):
    event = make_event(public_index(), "Stable", days_from_today(4), translate=True)
    english = events_of(read(client.get("/en/events/feed/")))["Stable"]["UID"]
    again = events_of(read(client.get("/en/events/feed/")))["Stable"]["UID"]
    french = events_of(read(client.get("/fr/events/feed/")))["Stable [fr]"]["UID"]
    assert english == again == french
    assert str(event.translation_key) in str(english)


def test_timed_events_carry_their_time_zone(client):
    make_event(
        public_index(),
        "Side event Bonn",
        dt.date(2030, 5, 5),
        start_time=dt.time(13, 0),
        end_time=dt.time(14, 30),
        time_zone="Europe/Berlin",
    )
    calendar = read(client.get("/en/events/feed/"))
    event = events_of(calendar)["Side event Bonn"]
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=2)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_all_day_multi_day_events_use_dates(client):
    make_event(public_index(), "Three days", dt.date(2030, 6, 9), dt.date(2030, 6, 11))
    event = events_of(read(client.get("/en/events/feed/")))["Three days"]
    assert event.decoded("DTSTART") == dt.date(2030, 6, 9)
    assert event.decoded("DTEND") == dt.date(2030, 6, 12)  # exclusive end


def test_cancelled_and_tentative_events_are_marked(client):
    make_event(public_index(), "Called off", days_from_today(4), status="cancelled")
    make_event(public_index(), "Maybe", days_from_today(6), status="contingent", tentative=True)
    events = events_of(read(client.get("/en/events/feed/")))
    assert events["Called off"]["STATUS"] == "CANCELLED"
    maybe = [e for title, e in events.items() if title.startswith("Maybe")][0]
    assert maybe["STATUS"] == "TENTATIVE"


def test_a_filtered_feed_holds_only_matching_events(client):
    make_event(public_index(), "A workshop", days_from_today(4), kind="workshop")
    make_event(public_index(), "A side event", days_from_today(4), kind="side_event")
    events = events_of(read(client.get("/en/events/feed/", {"kind": "side_event"})))
    assert "A side event" in events and "A workshop" not in events


def test_one_events_ics(client):
    event = make_event(public_index(), "Single", days_from_today(4))
    response = client.get(f"{event.url}ics/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert list(events_of(read(response))) == ["Single"]


class TestPersonalFeed:
    def url(self, token):
        return f"/feeds/planning/{token}.ics"

    def test_a_partner_subscribes_to_the_planning_calendar(self, client, cites_user):
        internal = make_event(planning_index(), "Internal plan", days_from_today(8))
        make_event(planning_index(), "Draft plan", days_from_today(9), publish=False)
        token = CalendarFeedToken.issue(cites_user)
        response = client.get(self.url(token))  # no session: the token is the key
        assert response.status_code == 200
        titles = events_of(read(response))
        assert internal.title in titles
        assert "Draft plan" not in titles  # never drafts

    def test_a_wrong_token_gets_nothing(self, client, cites_user):
        CalendarFeedToken.issue(cites_user)
        assert client.get(self.url("not-the-token")).status_code == 404

    def test_a_revoked_token_gets_nothing(self, client, cites_user):
        token = CalendarFeedToken.issue(cites_user)
        CalendarFeedToken.revoke_all(cites_user)
        assert client.get(self.url(token)).status_code == 404

    def test_a_new_token_replaces_the_old_one(self, client, cites_user):
        old = CalendarFeedToken.issue(cites_user)
        new = CalendarFeedToken.issue(cites_user)
        assert client.get(self.url(old)).status_code == 404
        assert client.get(self.url(new)).status_code == 200

    def test_a_person_who_left_the_partners_gets_nothing(self, client, cites_user):
        token = CalendarFeedToken.issue(cites_user)
        cites_user.groups.clear()
        assert client.get(self.url(token)).status_code == 404

    # -- Security issue #12 (8): a link dies with the password or the membership --

    def test_a_password_change_stops_the_link_and_the_page_says_why(self, client, cites_user):
        token = CalendarFeedToken.issue(cites_user)
        assert client.get(self.url(token)).status_code == 200
        cites_user.set_password("a-new-password-2026")
        cites_user.save()
        assert client.get(self.url(token)).status_code == 404
        client.force_login(cites_user)
        page = client.get("/en/planning/calendar-link/").content.decode()
        assert "stopped working because your password changed" in page
        assert "Make a new one" in page
        new = client.post("/en/planning/calendar-link/", {"action": "issue"}).context["url"]
        assert client.get(new.split("testserver", 1)[1]).status_code == 200

    def test_a_deleted_membership_stops_the_link_for_good(self, client, cites_user):
        from gci.home.models import Membership

        token = CalendarFeedToken.issue(cites_user)
        organisation = cites_user.membership.organisation
        Membership.objects.filter(user=cites_user).delete()
        cites_user.refresh_from_db()
        assert client.get(self.url(token)).status_code == 404
        Membership.objects.create(user=cites_user, organisation=organisation)
        assert client.get(self.url(token)).status_code == 404  # rejoining makes a new one

    def test_leaving_the_groups_stops_the_link_for_good(self, client, cites_user, partners_group):
        token = CalendarFeedToken.issue(cites_user)
        cites_user.groups.remove(partners_group)
        assert client.get(self.url(token)).status_code == 404
        cites_user.groups.add(partners_group)
        assert client.get(self.url(token)).status_code == 404
        stopped = CalendarFeedToken.objects.get(user=cites_user)
        assert stopped.revoked_reason == CalendarFeedToken.Revoked.MEMBERSHIP

    def test_a_deactivated_account_stops_the_link_for_good(self, client, cites_user):
        token = CalendarFeedToken.issue(cites_user)
        cites_user.is_active = False
        cites_user.save()
        assert client.get(self.url(token)).status_code == 404
        cites_user.is_active = True
        cites_user.save()
        assert client.get(self.url(token)).status_code == 404

    def test_a_stopped_link_answers_like_a_link_that_never_was(self, client, cites_user):
        token = CalendarFeedToken.issue(cites_user)
        cites_user.set_password("a-new-password-2026")
        cites_user.save()
        stopped = client.get(self.url(token))
        other = "x" * len(token)
        unknown = client.get(self.url(other))
        assert stopped.status_code == unknown.status_code == 404
        # The same page, but for the address itself (the 404 page names it).
        assert stopped.content.replace(token.encode(), other.encode()) == unknown.content

    def test_the_secretariats_link_still_works(self, client, secretariat_user):
        token = CalendarFeedToken.issue(secretariat_user)
        response = client.get(self.url(token))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert Calendar.from_ical(response.content).walk("VEVENT")

    def test_a_link_made_without_a_second_factor_shows_only_what_a_partner_sees(
        self, client, secretariat_user, partners_group
    ):
        """A feed has no session: it carries the powers of the session that
        made the link (gci.home.two_factor)."""
        from urllib.parse import urlsplit

        from django.contrib.auth.models import Group
        from wagtail.models import PageViewRestriction

        from tests.helpers import force_login_with_totp

        retreat = make_event(planning_index(), "Secretariat retreat", days_from_today(8))
        make_event(planning_index(), "Internal plan", days_from_today(9))
        restriction = PageViewRestriction.objects.create(
            page=retreat, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Secretariat")])
        secretariat_user.groups.add(partners_group)  # a Partner too: may make a link

        def feed_titles():
            made = client.post("/en/planning/calendar-link/", {"action": "issue"})
            path = urlsplit(made.context["url"]).path
            return set(events_of(read(client.get(path))))

        client.force_login(secretariat_user)  # a password alone
        titles = feed_titles()
        assert "Internal plan" in titles and "Secretariat retreat" not in titles
        force_login_with_totp(client, secretariat_user)
        assert {"Internal plan", "Secretariat retreat"} <= feed_titles()

    def test_only_the_digest_is_stored(self, cites_user):
        token = CalendarFeedToken.issue(cites_user)
        assert not CalendarFeedToken.objects.filter(digest=token).exists()

    def test_the_link_page_shows_the_url_once(self, client, cites_user):
        client.force_login(cites_user)
        response = client.post("/en/planning/calendar-link/", {"action": "issue"})
        url = response.context["url"]
        assert "/feeds/planning/" in url
        again = client.get("/en/planning/calendar-link/")
        assert again.context["url"] is None and again.context["has_link"]


def test_a_feed_holds_upcoming_events_then_the_most_recent_past_ones(client, settings):
    settings.GCI_FEED_MAX_EVENTS = 3
    # The demo's events happen now too (load_demo places them around today).
    EventPage.objects.update(live=False)
    for days in (-30, -20, -10):
        make_event(public_index(), f"Earlier {-days}", days_from_today(days))
    for days in (5, 15):
        make_event(public_index(), f"Coming {days}", days_from_today(days))
    response = client.get("/en/events/feed/")
    calendar = read(response)
    titles = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    # Both upcoming events, the latest past one; in date order; the oldest left out.
    assert titles == ["Earlier 10", "Coming 5", "Coming 15"]


def test_a_feed_full_of_upcoming_events_leaves_the_past_out(client, settings):
    settings.GCI_FEED_MAX_EVENTS = 2
    make_event(public_index(), "Earlier", days_from_today(-3))
    for days in (5, 6, 7):
        make_event(public_index(), f"Coming {days}", days_from_today(days))
    events = list(read(client.get("/en/events/feed/")).walk("VEVENT"))
    titles = [str(e["SUMMARY"]) for e in events]
    assert len(titles) == 2 and "Earlier" not in titles and "Coming 7" not in titles
    # The two soonest: ours, unless the demo (its dates follow the calendar) has one sooner.
    starts = [e.decoded("DTSTART") for e in events]
    days = [s.date() if isinstance(s, dt.datetime) else s for s in starts]
    assert days == sorted(days) and days[0] >= days_from_today(0)
    assert "Coming 5" in titles or days[0] <= days_from_today(5)


def test_the_public_feed_is_kept_by_the_page_cache_and_purged_on_publish(client, settings):
    settings.GCI_PAGE_CACHE = True
    make_event(public_index(), "First", days_from_today(4))
    assert client.get("/en/events/feed/")["X-GCI-Cache"] == "miss"
    assert client.get("/en/events/feed/")["X-GCI-Cache"] == "hit"
    make_event(public_index(), "Second", days_from_today(6))
    response = client.get("/en/events/feed/")
    assert response["X-GCI-Cache"] == "miss"
    assert "Second" in events_of(read(response))


def test_the_personal_feed_is_never_cached(client, cites_user, settings):
    settings.GCI_PAGE_CACHE = True
    token = CalendarFeedToken.issue(cites_user)
    response = client.get(f"/feeds/planning/{token}.ics")
    assert response["X-GCI-Cache"] == "pass"
    assert response["Cache-Control"] == "private, no-store"


def test_an_event_edited_and_republished_is_new_in_the_feed_at_once(client, cites_user):
    """Each event's VEVENT is kept in the cache (calendar apps poll feeds all
    day); the key changes with every publication, the URL and the language."""
    event = make_event(public_index(), "Before the edit", days_from_today(4))
    assert "Before the edit" in events_of(read(client.get("/en/events/feed/")))
    event.title = "After the edit"
    event.save_revision().publish()
    titles = events_of(read(client.get("/en/events/feed/")))
    assert "After the edit" in titles and "Before the edit" not in titles
    token = CalendarFeedToken.issue(cites_user)
    french = read(client.get(f"/feeds/planning/{token}.ics", {"language": "fr"}))
    english = read(client.get(f"/feeds/planning/{token}.ics", {"language": "en"}))
    assert french.walk("VEVENT")[0]["CATEGORIES"] != english.walk("VEVENT")[0]["CATEGORIES"]


def test_an_end_date_far_away_never_breaks_a_feed(client):
    # Saved without the form's validation (which refuses it).
    event = make_event(public_index(), "Edge", dt.date(2100, 12, 30))
    EventPage.objects.filter(pk=event.pk).update(end_date=dt.date(9999, 12, 31))
    single = client.get(f"{event.url}ics/")
    assert single.status_code == 200
    events = Calendar.from_ical(single.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Edge"]
    assert b"Edge" in client.get("/en/events/feed/").content


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
