"""A circulation record (what was sent, its message, who received and
opened it) never reaches an anonymous visitor, a signed-in outsider or a
Partner it was not sent to, through any door: the circulated link in every
language, the dashboard, search, the API, the admin."""

import pytest
from django.test import Client

from gci.home.circulation.models import Circulation
from gci.home.circulation.sending import make_deliveries
from gci.home.models import PartnerOrganisation, StandardPage
from tests.helpers import visitors

pytestmark = pytest.mark.django_db

CANARY = "quagga-canary-5tm8"
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.fixture
def circulation(secretariat_user):
    page = StandardPage.objects.get(slug="fifth-partners-meeting", locale__language_code="en")
    item = Circulation.objects.create(page=page, message=f"Note {CANARY}", sent_by=secretariat_user)
    item.organisations.set(
        PartnerOrganisation.objects.filter(acronym="CITES", locale__language_code="en")
    )
    make_deliveries(item)
    return item


def test_the_circulated_link_is_closed_to_everyone_else(circulation, outsider, wco_user):
    wco = Client()
    wco.force_login(wco_user)
    for who, visitor in [*visitors(outsider), ("other organisation", wco)]:
        for code in LANGUAGES:
            response = visitor.get(f"/{code}/circulated/{circulation.pk}/")
            expected = 302 if who == "anonymous" else 404
            assert response.status_code == expected, (who, code)
            if expected == 302:
                assert "/accounts/login/" in response["Location"]
            assert CANARY not in response.content.decode()
    assert not circulation.deliveries.filter(opened_at__isnull=False).exists()


def test_no_listing_search_or_api_shows_it(circulation, outsider, wco_user):
    wco = Client()
    wco.force_login(wco_user)
    for _who, visitor in [*visitors(outsider), ("other organisation", wco)]:
        for url in [
            "/en/partners-area/",
            "/fr/partners-area/",
            f"/en/search/?q={CANARY}",
            f"/api/v2/pages/?search={CANARY}",
            f"/api/v2/documents/?search={CANARY}",
            "/en/circulated/preferences/",
            "/admin/circulations/",
            f"/admin/circulations/inspect/{circulation.pk}/",
        ]:
            response = visitor.get(url)
            assert response.status_code < 500, url
            assert f"Note {CANARY}" not in response.content.decode(), url
            assert f"/circulated/{circulation.pk}/" not in response.content.decode(), url


def test_its_recipient_sees_it(circulation, cites_user):
    """The tests above are not vacuous: the recipient's dashboard lists it."""
    client = Client()
    client.force_login(cites_user)
    html = client.get("/en/partners-area/").content.decode()
    assert f"Note {CANARY}" in html
    assert f"/en/circulated/{circulation.pk}/" in html
