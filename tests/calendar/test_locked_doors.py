"""Partners-only events, meeting documents and action points never reach an
anonymous visitor or a signed-in outsider through any calendar door."""

import pytest

from gci.calendar.models import ActionPoint, EventPage
from gci.home.models import PartnerOrganisation
from tests.factories.calendar import days_from_today, make_event, planning_index, public_index
from tests.helpers import visitors

pytestmark = pytest.mark.django_db
CANARY = "okapi-canary-3xk9"
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.fixture
def secret_event():
    event = make_event(
        planning_index(),
        f"Plan {CANARY}",
        days_from_today(7),
        kind="partners_meeting",
        status="proposed",
        summary=f"About {CANARY}",
        translate=True,
        slug="secret-plan",
    )
    point = ActionPoint.objects.create(
        meeting=event, text=f"Do {CANARY}", due_date=days_from_today(3)
    )
    point.owners.set(PartnerOrganisation.objects.filter(acronym="WCO", locale__language_code="en"))
    return event


def body_of(response):
    return (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()


def test_no_calendar_view_filter_or_feed_shows_it(secret_event, outsider):
    day = secret_event.start_date
    for _who, visitor in visitors(outsider):
        for code in LANGUAGES:
            for url in [
                f"/{code}/events/",
                f"/{code}/events/past/",
                f"/{code}/events/{day:%Y}/",
                f"/{code}/events/{day:%Y}/{day:%m}/",
                f"/{code}/events/feed/",
                f"/{code}/events/?kind=partners_meeting&status=proposed",
                f"/{code}/events/feed/?kind=partners_meeting",
                f"/{code}/search/?q={CANARY}",
            ]:
                response = visitor.get(url)
                assert response.status_code == 200, url
                assert f"Plan {CANARY}" not in body_of(response), url
                assert f"Do {CANARY}" not in body_of(response), url


def test_the_planning_calendar_and_its_event_pages_are_closed(secret_event, outsider):
    pages = [secret_event, *secret_event.get_translations()]
    for who, visitor in visitors(outsider):
        for page in pages:
            for url in [
                page.url,
                f"{page.url}ics/",
                page.get_parent().url,
                f"{page.get_parent().url}feed/",
            ]:
                response = visitor.get(url)
                assert response.status_code == (302 if who == "anonymous" else 403), (who, url)
                assert CANARY not in body_of(response)


def test_api_and_sitemap_do_not_list_it(secret_event, outsider):
    for _who, visitor in visitors(outsider):
        listing = visitor.get("/api/v2/pages/", {"type": "gci_calendar.EventPage", "limit": 100})
        assert CANARY not in listing.content.decode()
        assert visitor.get(f"/api/v2/pages/{secret_event.pk}/").status_code == 404
        assert visitor.get("/api/v2/pages/", {"search": CANARY}).json()["meta"]["total_count"] == 0
        assert "planning-calendar" not in visitor.get("/sitemap.xml").content.decode()


def test_partners_see_it_everywhere_in_their_calendar(client, secret_event, cites_user):
    client.force_login(cites_user)
    body = client.get("/en/partners-area/planning-calendar/").content.decode()
    assert f"Plan {CANARY}" in body
    assert f"Do {CANARY}" in client.get(secret_event.url).content.decode()


def test_action_points_are_not_shown_on_a_public_meeting_to_the_public(client):
    from tests.factories.calendar import public_index

    meeting = make_event(
        public_index(), "Public meeting", days_from_today(2), kind="partners_meeting"
    )
    ActionPoint.objects.create(
        meeting=meeting, text=f"Private {CANARY}", due_date=days_from_today(3)
    )
    assert CANARY not in client.get(meeting.url).content.decode()


def test_restricted_meeting_documents_are_not_linked_for_outsiders(client, outsider):
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    from gci.calendar.models import EventLink
    from tests.factories.calendar import public_index

    collection = Collection.get_first_root_node().add_child(name="Meeting papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Partners"))
    document = Document.objects.create(
        title="Minutes",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 " + CANARY.encode(), name="minutes.pdf"),
    )
    meeting = make_event(public_index(), "Open meeting", days_from_today(2), publish=False)
    EventLink.objects.create(event=meeting, label=f"Minutes {CANARY}", document=document)
    meeting.save_revision().publish()
    for who, visitor in visitors(outsider):
        assert CANARY not in visitor.get(meeting.url).content.decode()
        assert visitor.get(document.url).status_code == (302 if who == "anonymous" else 403)


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
