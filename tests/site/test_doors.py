"""Smaller doors (security issue #12): the documents' shared-password form,
account pages kept out of every cache, and one framing rule in both headers."""

import pytest
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories.pages import StandardPageFactory, home_page
from tests.helpers import activate_totp, force_login_with_totp, sign_in

pytestmark = pytest.mark.django_db


def frame_ancestors(response):
    csp = response["Content-Security-Policy"]
    return next(d for d in csp.split(";") if d.strip().startswith("frame-ancestors")).split()[1:]


# Shared passwords


def test_the_documents_shared_password_form_is_not_served(client):
    collection = Collection.get_first_root_node().add_child(name="Password protected")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="shared-secret",
    )
    Document.objects.create(title="Protected", collection=collection)
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"password": "shared-secret"}).status_code == 404


# Account pages


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/en/accounts/sessions/", 200),
        ("/en/accounts/email/", 200),
        ("/en/accounts/password/change/", 200),
        ("/en/accounts/2fa/", 200),
        ("/en/accounts/2fa/recovery-codes/", 302),  # asks for the password again first
        ("/fr/accounts/sessions/", 200),
    ],
)
def test_account_pages_are_never_stored(client, secretariat_user, url, status):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    activate_totp(secretariat_user)
    RecoveryCodes.activate(secretariat_user)
    force_login_with_totp(client, secretariat_user)
    response = client.get(url)
    assert response.status_code == status
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/accounts/password/reset/"])
def test_the_login_and_reset_forms_are_never_stored_either(client, url):
    response = client.get(url)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_a_failed_login_answer_is_never_stored(client, cites_user):
    response = sign_in(client, cites_user.email, password="wrong-password")
    assert "no-store" in response["Cache-Control"]


# Framing


def test_nothing_frames_the_public_site(client):
    response = client.get("/en/about/")
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == ["'none'"]


def test_nothing_frames_the_partners_area(client, cites_user):
    client.force_login(cites_user)
    response = client.get("/en/partners-area/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == ["'none'"]


def test_the_admin_frames_its_own_preview_and_nothing_else(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    ordinary = client.get("/admin/pages/")
    assert ordinary["X-Frame-Options"] == "DENY"
    assert frame_ancestors(ordinary) == ["'none'"]

    page = StandardPageFactory(parent=home_page())
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "A draft in the preview panel",
            "slug": page.slug,
            "intro": "",
            "body": streamfield([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    preview = client.get(url + "?in_preview_panel=true")
    assert "A draft in the preview panel" in preview.content.decode()
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert frame_ancestors(preview) == ["'self'"]
    assert preview["Content-Security-Policy"].count("frame-ancestors") == 1
