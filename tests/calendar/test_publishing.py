"""A Secretariat member publishes an event: it reaches both calendars, the
feeds and the API, in every language."""

import pytest
from icalendar import Calendar
from wagtail.models import Locale

from gci.calendar.models import EventPage
from tests.factories.calendar import days_from_today, public_index
from tests.helpers import activate_totp

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def test_the_admin_offers_the_event_form(client, secretariat_user):
    activate_totp(secretariat_user)
    client.force_login(secretariat_user)
    index = public_index()
    response = client.get(f"/admin/pages/add/gci_calendar/eventpage/{index.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    for field in ["start_date", "time_zone", "tentative", "organisers", "status", "region"]:
        assert f'name="{field}"' in body


def test_a_published_and_translated_event_is_everywhere(
    client, cites_user, secretariat_user, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation, TranslationSource

    index = public_index()
    event = EventPage(
        title="Basel customs workshop",
        slug="basel-customs-workshop",
        start_date=days_from_today(12),
        kind="workshop",
        status="confirmed",
        city="Dakar",
        country="SN",
        region="africa",
        live=False,
    )
    index.add_child(instance=event)
    event.save_revision(user=secretariat_user).publish(user=secretariat_user)
    source, _ = TranslationSource.get_or_create_from_instance(event)
    with django_capture_on_commit_callbacks(execute=True):
        for code in LANGUAGES[1:]:
            translation = Translation.objects.create(
                source=source, target_locale=Locale.objects.get(language_code=code)
            )
            translation.save_target(user=secretariat_user, publish=True)
    assert EventPage.objects.filter(translation_key=event.translation_key, live=True).count() == 6

    client.force_login(cites_user)
    for code in LANGUAGES:
        public = client.get(f"/{code}/events/").content.decode()
        planning = client.get(f"/{code}/partners-area/planning-calendar/").content.decode()
        assert "Basel customs workshop" in public, code
        assert "Basel customs workshop" in planning, code
        feed = client.get(f"/{code}/events/feed/")
        calendar = Calendar.from_ical(b"".join(feed.streaming_content))
        assert "Basel customs workshop" in [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]

    api = client.get(
        "/api/v2/pages/",
        {
            "type": "gci_calendar.EventPage",
            "locale": "fr",
            "fields": "start_date,end_date,kind,status,city,country_code,region,organiser_acronyms",
            "slug": "basel-customs-workshop",
        },
    ).json()["items"][0]
    assert api["start_date"] == days_from_today(12).isoformat()
    assert (api["kind"], api["status"], api["city"], api["country_code"], api["region"]) == (
        "workshop",
        "confirmed",
        "Dakar",
        "SN",
        "africa",
    )
