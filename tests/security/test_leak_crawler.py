"""The leak crawler: plant a canary in every kind of restricted thing, then
go through every door as an anonymous visitor and as a Partner of another
organisation, and fail if any canary is reached.

The canaries are in canaries.py, the doors in doors.py, the machinery in
leaks.py (its docstring says how to add a canary kind or a door). The
anonymous page cache is on: a cache must not leak either.
"""

from pathlib import Path

import pytest
from django.test import Client

from gci.home.models import Membership

from .leaks import (
    ANONYMOUS,
    OTHER_ORGANISATION,
    UNVERIFIED_SECRETARIAT,
    Crawl,
    People,
    load_registries,
    plant_all,
)

pytestmark = pytest.mark.django_db

CANARIES, DOORS = load_registries()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GCI_PAGE_CACHE = True


@pytest.fixture
def people(cites_user, wco_user, secretariat_user):
    return People(
        owner=cites_user,
        owner_organisation=Membership.objects.get(user=cites_user).organisation,
        other=wco_user,
        other_organisation=Membership.objects.get(user=wco_user).organisation,
        secretariat=secretariat_user,
    )


@pytest.fixture
def canaries(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return plant_all(people)


def report(crawl):
    return "\n".join(str(leak) for leak in crawl.leaks[:30])


def doors_for(visitor):
    return [pytest.param(d, id=d.name) for d in DOORS if visitor in d.visitors]


@pytest.mark.parametrize("door", doors_for(ANONYMOUS))
def test_an_anonymous_visitor_reaches_no_canary(client, canaries, door):

    crawl = Crawl(client, ANONYMOUS, canaries).run(door)
    assert crawl.fetched > 0
    assert not crawl.errors, crawl.errors
    assert not crawl.leaks, report(crawl)


@pytest.mark.parametrize("door", doors_for(OTHER_ORGANISATION))
def test_a_partner_of_another_organisation_reaches_no_canary_of_theirs(canaries, people, door):
    client = Client()
    client.force_login(people.other)
    crawl = Crawl(client, OTHER_ORGANISATION, canaries).run(door)
    assert crawl.fetched > 0
    assert not crawl.errors, crawl.errors
    assert not crawl.leaks, report(crawl)


@pytest.mark.parametrize("door", doors_for(UNVERIFIED_SECRETARIAT))
def test_a_secretariat_member_without_a_second_factor_reaches_no_secretariat_canary(
    canaries, people, door
):
    """Signed in with a password alone, and also a Partner (so the Partners
    area is open): what only the Secretariat or one organisation may read
    stays closed."""
    from django.contrib.auth.models import Group

    people.secretariat.groups.add(Group.objects.get(name="Partners"))
    client = Client()
    client.force_login(people.secretariat)
    crawl = Crawl(client, UNVERIFIED_SECRETARIAT, canaries).run(door)
    assert crawl.fetched > 0 and crawl.watched
    assert not crawl.errors, crawl.errors
    assert not crawl.leaks, report(crawl)


def test_with_a_second_factor_the_secretariat_reaches_them(canaries, people):
    """The test above is not vacuous: the same member, having used TOTP in
    the session, reaches the Secretariat's canaries through the same doors."""
    from tests.helpers import force_login_with_totp

    client = Client()
    force_login_with_totp(client, people.secretariat)
    crawl = Crawl(client, UNVERIFIED_SECRETARIAT, canaries)
    crawl.run(next(d for d in DOORS if d.name == "the canaries' own URLs"))
    found = {leak.kind for leak in crawl.leaks}
    assert {"suitcase_submission_file", "suitcase_submission", "review_comment"} <= found, found


def test_a_partner_cannot_update_another_organisations_action_point(canaries, people):
    from gci.calendar.models import ActionPoint

    point = ActionPoint.objects.get(text__startswith="Action canary")
    client = Client()
    client.force_login(people.other)
    response = client.post(
        f"/en/planning/action-points/{point.pk}/",
        {"status": "done", "notes": "not mine", "version": point.version},
    )
    assert response.status_code == 403
    point.refresh_from_db()
    assert point.status != "done"


# The crawler itself: it must see a canary where one may be seen.


def test_the_crawler_reaches_what_a_partner_may_read_and_reports_it(canaries, people):
    """Crawling as the owner organisation's Partner, watching every canary,
    reaches the Partners area's canaries: the crawl goes deep enough and the
    detection works (else the tests above would pass vacuously)."""
    client = Client()
    client.force_login(people.owner)
    for canary in canaries:
        canary.hidden_from = (OTHER_ORGANISATION,)
    crawl = Crawl(client, OTHER_ORGANISATION, canaries)
    door = next(d for d in DOORS if d.follow and "every link" in d.name)
    crawl.run(door)
    found = {leak.kind for leak in crawl.leaks}
    assert {
        "partners_page",
        "partners_page_translation",
        "partners_page_alias",
        "planning_event",
        "action_point",
    } <= found, found
    assert "proposal" in found  # the owner's own proposals page


def test_the_crawler_reaches_the_workshop_requests_of_the_owners_organisation(canaries, people):
    """The workshop-request door is not vacuous: the owner's Partner reaches
    their organisation's request from the list, and the Secretariat (with its
    second factor) reaches the letter, which no Partner may open."""
    client = Client()
    client.force_login(people.owner)
    for canary in canaries:
        canary.hidden_from = (OTHER_ORGANISATION,)
    crawl = Crawl(client, OTHER_ORGANISATION, canaries)
    crawl.run(next(d for d in DOORS if d.name == "workshop requests of the Partners area"))
    assert "workshop_request" in {leak.kind for leak in crawl.leaks}
    letter = next(c for c in canaries if c.kind == "workshop_request").planted.urls[-2]
    assert client.get(letter).status_code in (302, 403, 404)  # not even the requester

    from tests.helpers import force_login_with_totp

    secretariat = Client()
    force_login_with_totp(secretariat, people.secretariat)
    assert secretariat.get(letter).status_code == 200


def test_the_crawler_reaches_the_materials_a_partner_may_read(canaries, people):
    """The same for the Guide's review and the suitcase: the owner's Partner
    reaches its draft translation, comment, materials and case study."""
    client = Client()
    client.force_login(people.owner)
    for canary in canaries:
        canary.hidden_from = (OTHER_ORGANISATION,)
    crawl = Crawl(client, OTHER_ORGANISATION, canaries)
    for door in DOORS:
        if door.name.startswith(("the Guide, case studies", "suitcase search", "the canaries'")):
            crawl.run(door)
    found = {leak.kind for leak in crawl.leaks}
    assert {
        "guide_draft_translation",
        "review_comment",
        "suitcase_material",
        "suitcase_submission",
        "partners_case_study",
    } <= found, found


def test_the_restricted_files_are_served_to_partners(canaries, people):
    """The file doors are real: a Partner downloads the restricted document."""
    client = Client()
    client.force_login(people.other)
    document = next(c for c in canaries if c.kind == "restricted_document")
    response = client.get(document.planted.urls[0])
    assert response.status_code == 200
    assert document.planted.contents[0] in b"".join(response.streaming_content)


@pytest.mark.parametrize("kind", ["restricted_image", "image_moved_into_restricted_collection"])
def test_the_restricted_images_are_served_to_partners_through_the_checked_door(
    canaries, people, kind
):
    """The image doors are real too: a Partner gets the original and the
    renditions by their URLs (/media/private/…), whose bytes the crawl watches."""
    client = Client()
    client.force_login(people.other)
    canary = next(c for c in canaries if c.kind == kind)
    served = set()
    for url in canary.planted.urls:
        if url.startswith("/media/private/"):
            response = client.get(url)
            assert response.status_code == 200, url
            served.add(b"".join(response.streaming_content))
    assert len(served) >= 2
    assert served <= set(canary.planted.contents)


def test_nothing_nginx_serves_from_disk_holds_a_canary(canaries, settings):
    """nginx serves MEDIA_ROOT/images/ to anyone who names a file, with no
    check: no file there may be, or be named after, a restricted canary."""
    folder = Path(settings.MEDIA_ROOT) / "images"
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
    watched = [c for c in canaries if ANONYMOUS in c.hidden_from]
    for path in files:
        body = path.read_bytes()
        for canary in watched:
            assert canary.token not in path.name, path
            assert not any(needle in body for needle in canary.planted.contents), path


def test_every_kind_of_restricted_thing_has_a_canary():
    kinds = {kind.kind for kind in CANARIES}
    assert {
        "partners_page",
        "partners_page_translation",
        "planning_event",
        "action_point",
        "action_point_update",
        "restricted_document",
        "restricted_image",
        "image_moved_into_restricted_collection",
        "proposal",
        "public_page_draft",
        "guide_draft_translation",
        "review_comment",
        "suitcase_material",
        "suitcase_submission",
        "partners_case_study",
        "partners_page_alias",
        "suitcase_submission_file",
        "workshop_request",
        "consultation_answer",
        *("activity_report", "partners_mid_year_summary", "partners_meeting_report"),
    } <= kinds


def test_media_paths_stay_closed_even_with_debug_on(client, canaries, settings):
    """With DEBUG on, /media/ serves public images for development, never
    documents nor images of a restricted collection."""
    settings.DEBUG = True
    for canary in canaries:
        for url in canary.planted.urls:
            if url.startswith("/media/"):
                response = client.get(url)
                assert response.status_code == 404, url


def test_the_enforcement_doors_reach_the_owners_records(canaries, people):
    """Not vacuous: the owner's Partner reads both enforcement canaries in
    the Partners area, through the same doors the others are refused at."""
    client = Client()
    client.force_login(people.owner)
    for canary in canaries:
        canary.hidden_from = (OTHER_ORGANISATION,)
    crawl = Crawl(client, OTHER_ORGANISATION, canaries)
    crawl.run(next(d for d in DOORS if d.name.startswith("the Partners' enforcement")))
    found = {leak.kind for leak in crawl.leaks}
    assert {"enforcement_unpublished", "enforcement_partners_only"} <= found, found
