"""A Secretariat member publishes an event: it reaches both calendars, the
feeds and the API, in every language."""

import pytest
from icalendar import Calendar
from wagtail.models import Locale

from gci.calendar.models import EventPage
from tests.factories.calendar import days_from_today, public_index
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def test_the_admin_offers_the_event_form(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
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
        calendar = Calendar.from_ical(feed.content)
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


def _event_form(title, start, **extra):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    links = extra.pop("links", [])
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", title.lower().replace(" ", "-")),
            "kind": "workshop",
            "status": "confirmed",
            "date_precision": "day",
            "start_date": start.isoformat(),
            "time_zone": "Africa/Nairobi",
            "body": streamfield([]),
            "agenda": rich_text("<p>-</p>"),
            "links": inline_formset(links),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_a_secretariat_member_publishes_an_event_from_the_admin(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    index = public_index()
    data = _event_form(
        "Nairobi workshop", days_from_today(20), city="Nairobi", country="KE", region="africa"
    )
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/add/gci_calendar/eventpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="nairobi-workshop")
    assert event.live and event.city == "Nairobi"
    client.logout()
    assert "Nairobi workshop" in client.get("/en/events/").content.decode()


def test_a_partners_meeting_refuses_a_public_document(client, secretariat_user):
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    from tests.factories.calendar import make_event, planning_index

    root = Collection.get_first_root_node()
    public_doc = Document.objects.create(
        title="Minutes", collection=root, file=ContentFile(b"%PDF-1.4 x", name="minutes.pdf")
    )
    private = root.add_child(name="Private papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Partners"))
    private_doc = Document.objects.create(
        title="Minutes", collection=private, file=ContentFile(b"%PDF-1.4 y", name="m2.pdf")
    )
    meeting = make_event(
        planning_index(), "Internal meeting", days_from_today(5), kind="partners_meeting"
    )
    force_login_with_totp(client, secretariat_user)

    def link_minutes(document):
        links = [{"label": "Minutes", "url": "", "document": document.pk}]
        form = _event_form(meeting.title, meeting.start_date, slug=meeting.slug, links=links)
        return client.post(f"/admin/pages/{meeting.pk}/edit/", form)

    refused = link_minutes(public_doc)
    assert refused.status_code == 200
    assert "restricted collection" in refused.content.decode()
    assert not meeting.links.exists()
    accepted = link_minutes(private_doc)
    assert accepted.status_code == 302
