"""What purges the page cache and the memo (gci.site.page_cache.REACH).

Only a change that can reach a page someone sees purges: a publish, not a
draft; an organisation, not a review comment. Each kind has a case that must
purge and a case that must not. ``purged_by`` reads the two shared counters
other processes follow: "pages" (every cached page and every memo is stale),
"memo" (only the memo), "nothing".
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from gci.calendar.models import ActionPoint
from gci.focal_points import checker
from gci.home.models import Membership, PartnerOrganisation, StandardPage
from gci.materials import review
from gci.materials.models import ReviewAssignment
from gci.site import page_cache
from gci.site.memo import current_generation, memo_generation
from gci.site.page_cache import HEADER
from tests.factories.calendar import make_event, proposal_data, public_index
from tests.factories.materials import MaterialFactory, SuitcaseDocumentFactory, current_round

pytestmark = pytest.mark.django_db


def purged_by(change):
    """ "pages", "memo" or "nothing": which shared counter ``change()`` moved."""
    pages, memo = current_generation(), memo_generation()
    change()
    if current_generation() != pages:
        return "pages"
    return "memo" if memo_generation() != memo else "nothing"


def about():
    return StandardPage.objects.get(slug="about", locale=Locale.get_default())


def organisation(acronym="WCO"):
    return PartnerOrganisation.objects.get(acronym=acronym, locale=Locale.get_default())


# Pages: published, unpublished, moved, deleted purge; drafts do not.


def publish():
    page = about()
    page.title = "About, revised"
    page.save_revision().publish()


def save_a_draft():
    page = about()
    page.title = "About, a draft nobody has published"
    page.save_revision()


def unpublish():
    about().unpublish()


def move():
    about().move(Page.objects.get(slug="partners", locale=Locale.get_default()), "last-child")


def delete():
    about().delete()


def lock():
    page = about()
    page.locked, page.locked_at = True, timezone.now()
    page.save(update_fields=["locked", "locked_at"])


def save_a_live_page_outside_a_revision():
    page = about()
    page.title = "About, saved by a script"
    page.save()


def create_a_live_page_without_publishing():
    about().add_child(instance=StandardPage(title="Made by a script", slug="made-by-a-script"))


def create_a_page_never_published():
    about().add_child(instance=StandardPage(title="Not yet", slug="not-yet", live=False))


@pytest.mark.parametrize(
    "change", [publish, unpublish, move, delete, save_a_live_page_outside_a_revision]
)
def test_a_change_to_a_live_page_purges(change):
    assert purged_by(change) == "pages"


def test_a_page_created_live_purges():
    assert purged_by(create_a_live_page_without_publishing) == "pages"


@pytest.mark.parametrize("change", [save_a_draft, lock, create_a_page_never_published])
def test_a_draft_a_lock_or_a_page_never_published_purges_nothing(change):
    assert purged_by(change) == "nothing"


def test_a_cached_page_outlives_a_draft_and_not_its_publication(client, settings):
    settings.GCI_PAGE_CACHE = True
    client.get("/en/about/")
    save_a_draft()
    draft = client.get("/en/about/")
    assert draft[HEADER] == "hit"
    assert "a draft nobody has published" not in draft.content.decode()
    publish()
    published = client.get("/en/about/")
    assert published[HEADER] == "miss"
    assert "About, revised" in published.content.decode()


# Event proposals: a Partner's proposal is a draft until the Secretariat publishes it.


def test_a_partners_event_proposal_purges_nothing(client, settings, wco_user):
    settings.GCI_PAGE_CACHE = True
    client.get("/en/events/")
    partner = Client()
    partner.force_login(wco_user)
    outcome = purged_by(lambda: partner.post("/en/planning/propose/", proposal_data()))
    assert outcome == "nothing"
    assert client.get("/en/events/")[HEADER] == "hit"


def test_a_published_event_purges():
    outcome = purged_by(
        lambda: make_event(public_index(), "A published workshop", dt.date(2031, 5, 4))
    )
    assert outcome == "pages"


# View restrictions on pages and collections decide who may read: they purge.


def restrict_a_page():
    PageViewRestriction.objects.create(page=about(), restriction_type=PageViewRestriction.LOGIN)


def open_a_page_to_a_group():
    restriction = PageViewRestriction.objects.create(
        page=about(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Partners"))
    return restriction


def test_a_page_restriction_and_its_groups_purge():
    restriction = open_a_page_to_a_group()
    partners = Group.objects.get(name="Partners")
    assert purged_by(restrict_a_page) == "pages"
    assert purged_by(lambda: restriction.groups.remove(partners)) == "pages"
    assert purged_by(restriction.delete) == "pages"


def test_a_collection_restriction_and_an_image_purge():
    collection = Collection.get_first_root_node().add_child(name="Photos of the 2009 meeting")

    def restrict():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )

    assert purged_by(restrict) == "pages"
    image = get_image_model()(title="Port of Rotterdam", file=get_test_image_file())
    assert purged_by(image.save) == "pages"


# Snippets and models that public pages show purge; the Partners area's do not.


def test_an_organisation_shown_on_public_pages_purges():
    wco = organisation()
    wco.name = "World Customs Organization, renamed"
    assert purged_by(wco.save) == "pages"


def test_who_works_where_purges_nothing(wco_user):
    membership = Membership.objects.get(user=wco_user)
    membership.organisation = organisation("CITES")
    assert purged_by(membership.save) == "nothing"


def test_an_action_point_update_purges_nothing():
    point = ActionPoint.objects.first()
    point.status = "in_progress"
    assert purged_by(point.save) == "nothing"
    assert purged_by(lambda: point.owners.set([organisation()])) == "nothing"
    # From the other side too: the field is the action point's.
    assert purged_by(lambda: organisation("CITES").action_points.add(point)) == "nothing"


def test_a_review_comment_purges_nothing(wco_user):
    assignment = ReviewAssignment.objects.get(
        organisation__acronym="WCO", round=current_round("fr")
    )
    outcome = purged_by(lambda: review.add_comment(assignment, wco_user, "Chapter 2, line 3."))
    assert outcome == "nothing"


def test_a_suitcase_material_reloads_only_the_memo(client, settings):
    """The suitcase lives in the Partners area: no cached page shows a material,
    but the suitcase's memoised counts must follow."""
    settings.GCI_PAGE_CACHE = True
    document = SuitcaseDocumentFactory()  # documents purge: public pages may link them
    client.get("/en/")
    assert purged_by(lambda: MaterialFactory(document=document)) == "memo"
    assert client.get("/en/")[HEADER] == "hit"


# Link checks: the public focal-point directory shows each link's last check.


def test_a_link_check_result_purges_the_directory_that_shows_it(client, settings):
    settings.GCI_PAGE_CACHE = True
    url = "https://ozone.unep.org/countries"
    assert "not reachable at the last check" not in client.get("/en/focal-points/").content.decode()
    outcome = purged_by(lambda: checker.record([checker.Result(url=url, status_code=404)]))
    assert outcome == "pages"
    directory = client.get("/en/focal-points/")
    assert directory[HEADER] == "miss"
    assert "not reachable at the last check" in directory.content.decode()


def test_a_link_check_run_purges_once_not_once_per_link():
    results = [checker.Result(url=url, status_code=200) for url in checker.all_urls()]
    before = current_generation()
    checker.record(results)
    assert current_generation() - before == 1


# wagtail-localize: a translation reaches pages when it is published.


def test_preparing_a_translation_purges_nothing_and_publishing_it_does():
    from wagtail_localize.models import TranslationSource

    page = about()
    assert purged_by(lambda: TranslationSource.get_or_create_from_instance(page)) == "nothing"
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    french.title = "À propos, révisé"
    assert purged_by(lambda: french.save_revision().publish()) == "pages"


def test_a_new_translation_waits_as_a_draft_and_purges_nothing():
    create_a_live_page_without_publishing()
    page = StandardPage.objects.get(slug="made-by-a-script")
    french = Locale.objects.get(language_code="fr")
    assert purged_by(lambda: page.copy_for_translation(french)) == "nothing"


# The table itself


def test_every_model_the_table_names_exists():
    for label in page_cache.REACH:
        assert apps.get_model(label), label


def unlisted_model(app_label):
    class Model:  # what reach() reads of a model class
        _meta = SimpleNamespace(app_label=app_label, label_lower=f"{app_label}.unlisted")

    return Model


def test_a_new_model_of_our_apps_purges_and_one_of_another_app_does_not():
    assert page_cache.reach(unlisted_model("home")) == page_cache.PAGES
    assert page_cache.reach(unlisted_model("wagtailcore")) == page_cache.NOTHING
