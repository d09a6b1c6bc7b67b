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
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


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
    assert response["Cache-Control"] == "private, no-store"


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
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_menu_shows_the_partners_area_only_to_those_who_may_enter(client, cites_user, outsider):
    anonymous = client.get("/en/").content.decode()
    assert "/en/partners-area/" not in anonymous
    client.force_login(outsider)
    assert "/en/partners-area/" not in client.get("/en/").content.decode()
    client.force_login(cites_user)
    assert 'href="/en/partners-area/"' in client.get("/en/").content.decode()
