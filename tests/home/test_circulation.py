"""Circulation to Partners (gci.home.circulation): the Secretariat circulates
a page or a document; each member is told once, in their language, by email
or in a weekly digest; the link opens it through the login and marks it
opened; the dashboard lists what waits; nobody else reaches it."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from gci.home.circulation.models import (
    Circulation,
    CirculationDelivery,
    CirculationPreference,
)
from gci.home.circulation.sending import circulate, send_circulation, send_digests
from gci.home.models import Membership, PartnerOrganisation, PartnersAreaPage, StandardPage
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def meeting_page():
    return StandardPage.objects.get(slug="fifth-partners-meeting", locale__language_code="en")


def members_of(*acronyms):
    return set(
        Membership.objects.filter(
            organisation__in=[org(a) for a in acronyms], user__is_active=True
        ).values_list("user__email", flat=True)
    )


def circulation_mails():
    return [m for m in mail.outbox if "/circulated/" in m.body]


@pytest.fixture
def make_circulation(django_capture_on_commit_callbacks, secretariat_user):
    def make(*acronyms, page=None, document=None, message="", all_partners=False):
        with django_capture_on_commit_callbacks(execute=True):
            circulation = Circulation.objects.create(
                page=page if page is not None or document is not None else meeting_page(),
                document=document,
                message=message,
                all_partners=all_partners,
                sent_by=secretariat_user,
            )
            circulation.organisations.set([org(a) for a in acronyms])
            circulate(circulation)
        return circulation

    return make


@pytest.fixture
def secretariat_client(secretariat_user):
    client = Client()
    force_login_with_totp(client, secretariat_user)
    return client


# -- Mail: one each, in the member's language, never twice ------------------


def test_each_member_gets_one_email_in_their_language(make_circulation, wco_user):
    UserProfile.objects.update_or_create(user=wco_user, defaults={"preferred_language": "fr"})
    circulation = make_circulation("CITES", "WCO", message="Please read before Geneva.")
    sent = circulation_mails()
    assert sorted(m.to[0] for m in sent) == sorted(members_of("CITES", "WCO"))
    french = next(m for m in sent if m.to == [wco_user.email])
    assert f"http://testserver/fr/circulated/{circulation.pk}/" in french.body
    assert "Please read before Geneva." in french.body
    # The title of the French translation of the page, and French text.
    assert meeting_page().get_translation(Locale.objects.get(language_code="fr")).title in (
        french.subject
    )
    # (Its own sentences are translated at merge: locale/ is the lead's.)
    english = next(m for m in sent if m.to != [wco_user.email])
    assert f"/en/circulated/{circulation.pk}/" in english.body
    assert CirculationDelivery.objects.filter(
        circulation=circulation, emailed_at__isnull=False
    ).count() == len(sent)


def test_a_repeated_run_mails_nobody_twice(make_circulation, django_capture_on_commit_callbacks):
    circulation = make_circulation("CITES")
    first = len(circulation_mails())
    assert first == len(members_of("CITES")) > 0
    with django_capture_on_commit_callbacks(execute=True):
        assert send_circulation.call(circulation.pk) == 0
        send_circulation.call(circulation.pk)
    assert len(circulation_mails()) == first


def test_all_partners_reaches_every_organisations_members(make_circulation):
    make_circulation(all_partners=True)
    everyone = set(
        Membership.objects.filter(user__is_active=True).values_list("user__email", flat=True)
    )
    assert {m.to[0] for m in circulation_mails()} == everyone


# -- The link: through the login, opened, to the item -----------------------


def test_the_link_leads_through_the_login_then_marks_it_opened(make_circulation, cites_user):
    circulation = make_circulation("CITES")
    url = f"/fr/circulated/{circulation.pk}/"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    assert "next=/fr/circulated/" in anonymous["Location"]
    assert "no-store" in anonymous["Cache-Control"]

    client = Client()
    client.force_login(cites_user)
    response = client.get(url)
    french = meeting_page().get_translation(Locale.objects.get(language_code="fr"))
    assert response.status_code == 302
    assert response["Location"] == french.url
    delivery = CirculationDelivery.objects.get(circulation=circulation, user=cites_user)
    assert delivery.opened_at is not None
    opened = delivery.opened_at
    client.get(url)
    delivery.refresh_from_db()
    assert delivery.opened_at == opened  # the first opening is kept


def test_the_original_when_no_translation_is_live(make_circulation, cites_user):
    circulation = make_circulation("CITES")
    french = meeting_page().get_translation(Locale.objects.get(language_code="fr"))
    french.unpublish()
    client = Client()
    client.force_login(cites_user)
    response = client.get(f"/fr/circulated/{circulation.pk}/")
    assert response["Location"] == meeting_page().url


def test_a_document_link_goes_to_the_document(make_circulation, cites_user, restricted_document):
    circulation = make_circulation("CITES", document=restricted_document)
    client = Client()
    client.force_login(cites_user)
    response = client.get(f"/en/circulated/{circulation.pk}/")
    assert response["Location"] == restricted_document.url


def test_a_non_recipient_gets_a_404(make_circulation, wco_user, secretariat_user, cites_user):
    circulation = make_circulation("CITES")
    for user in (wco_user, secretariat_user):
        client = Client()
        client.force_login(user)
        assert client.get(f"/en/circulated/{circulation.pk}/").status_code == 404
    assert not circulation.deliveries.filter(opened_at__isnull=False).exists()
    client = Client()
    client.force_login(cites_user)
    for bad in ("999999/", "99999999999999999999/", "abc/", "%00/"):
        assert client.get(f"/en/circulated/{bad}").status_code == 404


# -- The digest ---------------------------------------------------------------


def test_a_digest_reader_gets_one_weekly_email_listing_what_waits(
    make_circulation, cites_user, django_capture_on_commit_callbacks, restricted_document
):
    CirculationPreference.objects.create(user=cites_user, frequency="digest")
    UserProfile.objects.update_or_create(user=cites_user, defaults={"preferred_language": "es"})
    first = make_circulation("CITES", message="Slides of Brussels")
    second = make_circulation("CITES", document=restricted_document)
    opened = make_circulation("CITES")
    CirculationDelivery.objects.filter(circulation=opened, user=cites_user).update(
        opened_at=timezone.now()
    )
    assert not [m for m in circulation_mails() if m.to == [cites_user.email]]
    today = dt.date(2026, 12, 9)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(today)
    digests = [m for m in circulation_mails() if m.to == [cites_user.email]]
    assert len(digests) == 1
    body = digests[0].body
    assert f"/es/circulated/{first.pk}/" in body
    assert f"/es/circulated/{second.pk}/" in body
    assert f"/circulated/{opened.pk}/" not in body  # opened already
    assert restricted_document.title in body and "Slides of Brussels" in body
    # Twice the same week, and the next week with nothing new: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(today + dt.timedelta(days=1))
        send_digests(today + dt.timedelta(days=7))
    assert len([m for m in circulation_mails() if m.to == [cites_user.email]]) == 1
    # Something new: the next week's digest lists it alone.
    third = make_circulation("CITES")
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(today + dt.timedelta(days=14))
    digests = [m for m in circulation_mails() if m.to == [cites_user.email]]
    assert len(digests) == 2
    assert f"/circulated/{third.pk}/" in digests[1].body
    assert f"/circulated/{first.pk}/" not in digests[1].body


def test_the_digest_is_a_scheduled_job_that_sends_on_mondays(
    make_circulation, cites_user, django_capture_on_commit_callbacks
):
    from gci.home.circulation.sending import send_weekly_digests
    from gci.site.schedule import JOBS

    job = next(j for j in JOBS if j.name == "circulation-digest")
    assert job.call == "gci.home.circulation.sending.send_weekly_digests"
    CirculationPreference.objects.create(user=cites_user, frequency="digest")
    make_circulation("CITES")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_weekly_digests(dt.date(2026, 12, 8)) == 0  # a Tuesday
        assert send_weekly_digests(dt.date(2026, 12, 14)) == 1  # a Monday
        assert send_weekly_digests(dt.date(2026, 12, 14)) == 0  # the same week again
    assert len([m for m in circulation_mails() if m.to == [cites_user.email]]) == 1


# -- The dashboard ------------------------------------------------------------


def dashboard(user):
    client = Client()
    client.force_login(user)
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    return client.get(area.url)


def test_the_dashboard_lists_what_this_person_has_not_opened(make_circulation, cites_user):
    circulation = make_circulation("CITES", message="Read me first")
    html = dashboard(cites_user).content.decode()
    assert f'href="/en/circulated/{circulation.pk}/"' in html
    assert "Read me first" in html
    Client().get("/")  # nothing shared between visitors
    client = Client()
    client.force_login(cites_user)
    client.get(f"/en/circulated/{circulation.pk}/")
    assert f"/en/circulated/{circulation.pk}/" not in dashboard(cites_user).content.decode()


def test_the_dashboard_shows_the_title_in_the_readers_language(make_circulation, cites_user):
    circulation = make_circulation("CITES")
    client = Client()
    client.force_login(cites_user)
    area = PartnersAreaPage.objects.get(locale__language_code="fr")
    html = client.get(area.url).content.decode()
    french = meeting_page().get_translation(Locale.objects.get(language_code="fr"))
    assert f'href="/fr/circulated/{circulation.pk}/">{french.title}</a>' in html.replace(
        "&#x27;", "'"
    )


def test_the_dashboard_panel_costs_the_same_queries_for_many(make_circulation, cites_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(cites_user)
    area = PartnersAreaPage.objects.get(locale__language_code="fr").url

    def count():
        client.get(area)
        with CaptureQueriesContext(connection) as captured:
            client.get(area)
        return len(captured)

    make_circulation("CITES")
    few = count()
    for _i in range(8):
        make_circulation("CITES")
    assert count() <= few


def test_the_dashboard_of_another_organisation_does_not_list_it(make_circulation, wco_user):
    circulation = make_circulation("CITES", message="For CITES only")
    html = dashboard(wco_user).content.decode()
    assert f"/circulated/{circulation.pk}/" not in html
    assert "For CITES only" not in html


# -- The preference -----------------------------------------------------------


def test_the_preference_form(cites_user):
    client = Client()
    client.force_login(cites_user)
    url = "/en/circulated/preferences/"
    page = client.get(url)
    assert page.status_code == 200
    assert re.search(r'value="each"[^>]*checked', page.content.decode())
    response = client.post(url, {"frequency": "weekly-ish"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not CirculationPreference.objects.filter(user=cites_user).exists()
    response = client.post(url, {"frequency": "digest"})
    assert response.status_code == 302
    assert CirculationPreference.of(cites_user) == "digest"
    assert Client().get(url).status_code == 302  # anonymous: to the login


def test_the_dashboard_links_to_the_preference(cites_user):
    assert "/en/circulated/preferences/" in dashboard(cites_user).content.decode()


# -- The Secretariat's admin ----------------------------------------------------


def test_the_secretariat_circulates_from_the_admin(
    secretariat_client, wco_user, django_capture_on_commit_callbacks
):
    before = Circulation.objects.count()
    page = meeting_page()
    form = secretariat_client.get(f"/admin/circulations/new/?page={page.pk}")
    assert form.status_code == 200
    assert f'value="{page.pk}"' in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            "/admin/circulations/new/",
            {"page": page.pk, "organisations": [org("CITES").pk, org("WCO").pk], "message": "Hi"},
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    circulation = Circulation.objects.latest("pk")
    assert Circulation.objects.count() == before + 1
    assert circulation.sent_by.email.startswith("secretariat")
    assert {m.to[0] for m in circulation_mails()} == members_of("CITES", "WCO")
    client = Client()
    client.force_login(wco_user)
    client.get(f"/en/circulated/{circulation.pk}/")
    listing = secretariat_client.get("/admin/circulations/").content.decode()
    assert page.title in listing
    detail = secretariat_client.get(f"/admin/circulations/inspect/{circulation.pk}/")
    html = detail.content.decode()
    assert wco_user.email in html or wco_user.get_full_name() in html
    assert f"1 of {len(members_of('CITES', 'WCO'))} opened" in html
    # Sent is sent: no editing.
    edit = secretariat_client.get(f"/admin/circulations/edit/{circulation.pk}/")
    assert edit.status_code == 302


def test_a_draft_page_is_refused_with_a_message(secretariat_client):
    before = Circulation.objects.count()
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    draft = area.add_child(
        instance=StandardPage(title="Draft notes", slug="draft-notes", live=False)
    )
    response = secretariat_client.post(
        "/admin/circulations/new/",
        {"page": draft.pk, "organisations": [org("CITES").pk], "message": "Kept text"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This page is not published" in html
    assert "Kept text" in html
    assert Circulation.objects.count() == before
    assert not circulation_mails()


def test_an_item_a_recipient_cannot_read_is_refused(secretariat_client, secretariat_only_document):
    before = Circulation.objects.count()
    response = secretariat_client.post(
        "/admin/circulations/new/",
        {"document": secretariat_only_document.pk, "organisations": [org("WCO").pk]},
    )
    assert response.status_code == 200
    assert "Some recipients could not read it" in response.content.decode()
    assert Circulation.objects.count() == before


def test_bad_combinations_are_refused(secretariat_client, restricted_document):
    before = Circulation.objects.count()
    post = secretariat_client.post
    both = post(
        "/admin/circulations/new/",
        {"page": meeting_page().pk, "document": restricted_document.pk, "all_partners": "on"},
    )
    assert "not both" in both.content.decode()
    neither = post("/admin/circulations/new/", {"all_partners": "on", "message": "Lonely"})
    assert "Choose a page or a document" in neither.content.decode()
    assert "Lonely" in neither.content.decode()
    nobody = post("/admin/circulations/new/", {"page": meeting_page().pk})
    assert "or “All Partners”" in nobody.content.decode()
    assert Circulation.objects.count() == before


def test_the_page_header_offers_circulate_to_partners(secretariat_client):
    page = meeting_page()
    html = secretariat_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/circulations/new/?page={page.pk}" in html
    assert "Circulate to Partners" in html


def test_partners_have_no_admin_access_to_circulations(make_circulation, cites_user):
    circulation = make_circulation("CITES", message="Admin secret")
    client = Client()
    client.force_login(cites_user)
    for url in (
        "/admin/circulations/",
        f"/admin/circulations/inspect/{circulation.pk}/",
        "/admin/circulations/new/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Admin secret" not in response.content


# -- Fixtures: documents ---------------------------------------------------------


def _document(collection, title):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from gci.home.demo.support import minimal_pdf

    return Document.objects.create(
        title=title, collection=collection, file=ContentFile(minimal_pdf(title), name="c.pdf")
    )


@pytest.fixture
def restricted_document(db):
    from gci.home.visibility import restricted_collection

    collection = restricted_collection("Circulated papers", ["Partners", "Secretariat"])
    return _document(collection, "Brussels slides")


@pytest.fixture
def secretariat_only_document(db):
    from gci.home.visibility import restricted_collection

    collection = restricted_collection("Secretariat files", ["Secretariat"])
    return _document(collection, "Budget draft")


def test_the_record_outlives_its_page(make_circulation, cites_user):
    """Deleting a circulated page keeps the record; its link is then a 404."""
    circulation = make_circulation("CITES")
    page = Page.objects.get(pk=circulation.page_id)
    for translation in page.get_translations():
        translation.delete()
    page.delete()
    circulation.refresh_from_db()
    assert circulation.page_id is None
    assert circulation.deliveries.count() == len(members_of("CITES"))
    client = Client()
    client.force_login(cites_user)
    assert client.get(f"/en/circulated/{circulation.pk}/").status_code == 404
    assert f"/circulated/{circulation.pk}/" not in dashboard(cites_user).content.decode()


# -- The demo -------------------------------------------------------------------


def test_the_demo_has_two_circulations_one_opened(cites_user, wco_user):
    page_one = Circulation.objects.get(page__slug="fifth-partners-meeting", all_partners=False)
    assert {o.acronym for o in page_one.organisations.all()} == {"CITES", "WCO"}
    assert set(page_one.deliveries.values_list("user__email", flat=True)) == members_of(
        "CITES", "WCO"
    )
    opened = page_one.deliveries.filter(opened_at__isnull=False)
    assert list(opened.values_list("user", flat=True)) == [cites_user.pk]
    document_one = Circulation.objects.get(document__isnull=False, all_partners=True)
    assert document_one.deliveries.filter(user=wco_user).exists()
    # Loading again adds nothing.
    from gci.home.circulation import demo
    from gci.home.structure import SiteBuilder

    demo.load(SiteBuilder())
    assert Circulation.objects.count() == 2


def test_checking_who_may_read_costs_the_same_for_many_recipients(partners_group):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gci.home.circulation.recipients import members, who_cannot_read

    def count():
        with CaptureQueriesContext(connection) as captured:
            users = [user for user, _org in members(all_partners=True)]
            assert who_cannot_read(users, page=meeting_page()) == []
        return len(captured), len(users)

    few, before = count()
    for i in range(40):
        user = get_user_model().objects.create_user(
            username=f"member{i}", email=f"member{i}@example.org"
        )
        user.groups.add(partners_group)
        Membership.objects.create(user=user, organisation=org("CITES"))
    many, after = count()
    assert after == before + 40
    assert many <= few


def test_the_page_listing_offers_circulate_to_partners(secretariat_client, cites_user):
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    html = secretariat_client.get(f"/admin/pages/{area.pk}/").content.decode()
    assert f"/admin/circulations/new/?page={meeting_page().pk}" in html
    # Not for someone who may not circulate (a Partner has no admin at all).
    from gci.home.circulation.wagtail_hooks import circulate_listing_button

    assert list(circulate_listing_button(meeting_page(), cites_user)) == []


def test_the_journey_a_partners_news_item_to_two_organisations_opened_after_login(
    secretariat_client, cites_user, django_capture_on_commit_callbacks
):
    """The issue's journey without a browser: the Secretariat circulates a
    Partners' news item to CITES and WCO; the CITES member finds it on the
    dashboard, follows the emailed link, signs in and lands on the item."""
    from gci.home.models import NewsPage
    from tests.helpers import sign_in

    news = NewsPage.objects.get(slug="share-planned-trainings", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(
            "/admin/circulations/new/",
            {"page": news.pk, "organisations": [org("CITES").pk, org("WCO").pk]},
        )
    circulation = Circulation.objects.latest("pk")
    assert circulation.page_id == news.pk
    mine = next(m for m in circulation_mails() if m.to == [cites_user.email])
    link = re.search(r"http://testserver(/en/circulated/\d+/)", mine.body).group(1)
    assert link in dashboard(cites_user).content.decode()

    browser = Client()
    to_login = browser.get(link)
    assert to_login.status_code == 302
    signed_in = sign_in(browser, cites_user.email, next_url=link)
    assert signed_in.status_code == 302 and signed_in["Location"] == link
    to_item = browser.get(link)
    assert to_item["Location"] == news.url
    assert browser.get(to_item["Location"]).status_code == 200
    assert circulation.deliveries.get(user=cites_user).opened_at is not None
