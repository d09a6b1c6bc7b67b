"""The Partners area: restricted to the Partners and the Secretariat."""

from urllib.parse import unquote

import pytest

from tests.helpers import force_login_with_totp, sign_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_anonymous_visitors_are_sent_to_the_allauth_login_in_their_language(client, language):
    response = client.get(f"/{language}/partners-area/")
    assert response.status_code == 302
    location = unquote(response["Location"])
    assert location == f"/{language}/accounts/login/?next=/{language}/partners-area/"
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_after_signing_in_the_visitor_comes_back_to_where_they_were_going(client, wco_user):
    target = "/fr/partners-area/fifth-partners-meeting/"
    login = client.get(target)["Location"]
    response = client.post(
        login, {"login": wco_user.email, "password": "green-customs-2009", "next": target}
    )
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_signed_in_outsider_gets_a_clear_refusal_not_a_login_loop(client, outsider):
    client.force_login(outsider)
    response = client.get("/en/partners-area/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Access refused" in body
    assert "Partners area" not in body.split("<main", 1)[1].split("</main>")[0]
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_outsider_refusal_is_translated(client, outsider):
    client.force_login(outsider)
    response = client.get("/fr/partners-area/")
    assert response.status_code == 403
    assert '<html lang="fr"' in response.content.decode()


def test_dashboard_greets_the_person_and_their_organisation(client, cites_user):
    sign_in(client, cites_user.email)
    body = client.get("/en/partners-area/").content.decode()
    assert "Welcome, Camille Partner" in body
    assert "CITES Secretariat" in body


def test_dashboard_names_the_organisation_in_the_visitors_language(client, wco_user):
    client.force_login(wco_user)
    body = client.get("/es/partners-area/").content.decode()
    assert "Organización Mundial de Aduanas" in body


def test_secretariat_members_enter_the_partners_area(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    response = client.get("/en/partners-area/")
    assert response.status_code == 200
    assert "United Nations Environment Programme" in response.content.decode()


def test_restricted_pages_are_never_cached_publicly(client, cites_user):
    client.force_login(cites_user)
    response = client.get("/en/partners-area/fifth-partners-meeting/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_menu_shows_the_partners_area_only_to_those_who_may_enter(client, cites_user, outsider):
    anonymous = client.get("/en/").content.decode()
    assert "/en/partners-area/" not in anonymous
    client.force_login(outsider)
    assert "/en/partners-area/" not in client.get("/en/").content.decode()
    client.force_login(cites_user)
    assert 'href="/en/partners-area/"' in client.get("/en/").content.decode()


# -- Security issue #12 (8): existing and missing addresses answer the same --

EXISTING = [
    "partners-area/fifth-partners-meeting/",
    "partners-area/gci-suitcase/",
    "partners-area/planning-calendar/",
]
MISSING = [
    "partners-area/no-such-page/",
    "partners-area/fifth-partners-meeting/no-such-child/deeper/",
    "partners-area/gci-suitcase/material/999999/",
    "partners-area/planning-calendar/1999/13/",
]


@pytest.fixture
def french_area_renamed(db):
    """The French area under its own slug (a translation may have one)."""
    from gci.home.models import PartnersAreaPage

    area = PartnersAreaPage.objects.get(locale__language_code="fr")
    area.slug = "espace-partenaires"
    area.save_revision().publish()
    from gci.site.memo import forget

    forget()
    return area


def _paths(language, paths, area_slug="partners-area"):
    return [f"/{language}/{path.replace('partners-area', area_slug, 1)}" for path in paths]


@pytest.mark.parametrize(
    ("language", "area_slug"), [("en", "partners-area"), ("fr", "espace-partenaires")]
)
def test_anonymous_visitors_cannot_tell_missing_from_existing(
    client, french_area_renamed, language, area_slug
):
    for path in _paths(language, EXISTING + MISSING, area_slug):
        response = client.get(path)
        assert response.status_code == 302, path
        assert unquote(response["Location"]) == f"/{language}/accounts/login/?next={path}", path
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("language", "area_slug"), [("en", "partners-area"), ("fr", "espace-partenaires")]
)
def test_signed_in_outsiders_cannot_tell_missing_from_existing(
    client, outsider, french_area_renamed, language, area_slug
):
    client.force_login(outsider)
    for path in _paths(language, EXISTING + MISSING, area_slug):
        assert client.get(path).status_code == 403, path


def test_partners_still_get_a_404_for_what_is_missing(client, cites_user, french_area_renamed):
    client.force_login(cites_user)
    for path in _paths("en", MISSING) + _paths("fr", MISSING, "espace-partenaires"):
        assert client.get(path).status_code == 404, path


def test_a_404_outside_the_partners_area_stays_a_404(client, french_area_renamed):
    for path in ["/en/no-such-page/", "/fr/partners-area-not/", "/en/partners/missing/"]:
        assert client.get(path).status_code == 404, path


def test_the_login_redirect_of_a_partners_area_view_is_private(client):
    response = client.get("/en/planning/calendar-link/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_partners_area_stays_private_without_its_view_restriction(client, wco_user):
    """Closed by its page type too: a member's dashboard is never stored by a
    shared cache, even if an editor removed the area's view restriction."""
    from wagtail.models import PageViewRestriction

    from gci.home.models import PartnersAreaPage

    PageViewRestriction.objects.filter(page__in=PartnersAreaPage.objects.all()).delete()
    client.force_login(wco_user)
    response = client.get("/en/partners-area/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
