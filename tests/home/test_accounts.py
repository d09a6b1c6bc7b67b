"""Accounts with django-allauth: invitation only, email login, MFA for the Secretariat."""

import re
from urllib.parse import quote, unquote

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from gci.home.invitations import send_invitation
from gci.home.models import Membership, PartnerOrganisation
from tests.helpers import (
    activate_totp,
    current_code,
    force_login_with_totp,
    login_url,
    sign_in,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_a_partner_signs_in_with_email_and_password_and_lands_in_the_partners_area(
    client, cites_user
):
    response = sign_in(client, cites_user.email)
    assert response.status_code == 302
    assert response["Location"] == "/en/partners-area/"
    assert client.get("/en/partners-area/").status_code == 200


def test_a_wrong_password_re_renders_the_form_with_an_error(client, cites_user):
    response = sign_in(client, cites_user.email, password="not-the-password")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_sign_up_is_closed(client):
    response = client.get("/en/accounts/signup/")
    assert "Accounts are by invitation" in response.content.decode()
    client.post(
        "/en/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": "x-Strong-pass-1",
            "password2": "x-Strong-pass-1",
        },
    )
    assert not User.objects.filter(email="new@example.org").exists()


def test_login_page_offers_no_sign_up_link(client):
    body = client.get(login_url()).content.decode()
    assert "/accounts/signup/" not in body


def test_password_reset_does_not_reveal_whether_an_address_exists(client, cites_user):
    known = client.post("/en/accounts/password/reset/", {"email": cites_user.email})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # Only the real account's mailbox gets a reset link; the unknown address
    # gets nothing that links to a reset.
    reset_mails = [m for m in mail.outbox if "/password/reset/key/" in m.body]
    assert [m.to for m in reset_mails] == [[cites_user.email]]


def test_failed_logins_are_rate_limited(client, cites_user):
    for i in range(5):
        response = sign_in(client, cites_user.email, password=f"wrong-{i}")
        assert "Too many failed login attempts" not in response.content.decode()
    # Past five failures for this address, even the right password is refused
    # for a while.
    response = sign_in(client, cites_user.email)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("door", ["/admin/login/", "/en/_util/login/", "/fr/_util/login/"])
def test_every_login_door_leads_to_allauth(client, door):
    response = client.get(door + "?next=/admin/pages/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert unquote(response["Location"]).endswith("?next=/admin/pages/")
    # And nothing is accepted there by POST either.
    post = client.post(door, {"username": "x", "password": "y"})
    assert post.status_code == 302 and "/accounts/login/" in post["Location"]


def test_admin_sends_anonymous_visitors_to_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_partners_have_no_admin_access(client, cites_user):
    client.force_login(cites_user)
    response = client.get("/admin/", follow=False)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_secretariat_must_set_up_totp_before_any_admin_view(client, secretariat_user):
    client.force_login(secretariat_user)
    for url in ["/admin/", "/admin/pages/", "/admin/users/"]:
        response = client.get(url)
        assert response.status_code == 302
        # Set up TOTP first, then back to the admin view asked for.
        assert response["Location"] == f"/en/accounts/2fa/totp/activate/?next={quote(url, safe='')}"
    secret = activate_totp(secretariat_user)  # elsewhere: this session has not used it
    response = client.get("/admin/pages/")
    assert response["Location"] == "/en/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fpages%2F"
    confirmed = client.post(response["Location"], {"code": current_code(secret)})
    assert confirmed["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_superusers_must_set_up_totp_too(client):
    admin = User.objects.create_superuser("root", "root@example.org", "x-long-password-1")
    client.force_login(admin)
    assert client.get("/admin/")["Location"] == "/en/accounts/2fa/totp/activate/?next=%2Fadmin%2F"


def test_with_totp_active_login_asks_for_the_code(client, secretariat_user):
    secret = activate_totp(secretariat_user)
    response = sign_in(client, secretariat_user.email, next_url="/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session  # not signed in yet
    wrong = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    done = client.post("/en/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert done.status_code == 302
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_people_see_and_end_their_sessions(client, cites_user):
    sign_in(client, cites_user.email)
    response = client.get("/en/accounts/sessions/")
    assert response.status_code == 200
    from allauth.usersessions.models import UserSession

    assert UserSession.objects.filter(user=cites_user).count() == 1


def test_logout(client, cites_user):
    client.force_login(cites_user)
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session
    assert client.get("/en/partners-area/").status_code == 302


class TestInvitation:
    """The Secretariat adds a person in the Wagtail admin; the person sets a password."""

    def add_user(self, client, secretariat_user, **extra):
        force_login_with_totp(client, secretariat_user)
        wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
        data = {
            "username": "ed.dejong",
            "email": "ed.dejong@wco.example",
            "first_name": "Ed",
            "last_name": "de Jong",
            "organisation": wco.pk,
            "groups": [Group.objects.get(name="Partners").pk],
            **extra,
        }
        return client.post("/admin/users/new/", data)

    def test_the_form_asks_for_the_organisation_and_no_password(self, client, secretariat_user):
        force_login_with_totp(client, secretariat_user)
        body = client.get("/admin/users/new/").content.decode()
        assert 'name="organisation"' in body
        assert 'name="password1"' not in body

    def test_adding_a_user_ties_them_to_the_organisation_and_emails_a_link(
        self, client, secretariat_user, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = self.add_user(client, secretariat_user)
        assert response.status_code == 302, response.content.decode()[:2000]
        user = User.objects.get(email="ed.dejong@wco.example")
        assert not user.has_usable_password()
        assert Membership.objects.get(user=user).organisation.acronym == "WCO"
        assert EmailAddress.objects.get(user=user).verified
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["ed.dejong@wco.example"]
        assert "World Customs Organization" in message.body
        link = re.search(r"http://testserver(/\S+)", message.body).group(1)

        # The person follows the link, chooses a password, and signs in.
        client.logout()
        form_page = client.get(link, follow=True)
        assert form_page.status_code == 200
        action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
        response = client.post(
            action, {"password1": "customs-and-environment", "password2": "customs-and-environment"}
        )
        assert response.status_code == 302
        assert (
            sign_in(client, "ed.dejong@wco.example", "customs-and-environment")["Location"]
            == "/en/partners-area/"
        )

    def test_the_link_cannot_be_used_twice(
        self, client, secretariat_user, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            self.add_user(client, secretariat_user)
        link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
        client.logout()
        page = client.get(link, follow=True)
        action = page.redirect_chain[-1][0] if page.redirect_chain else link
        client.post(action, {"password1": "first-choice-pass", "password2": "first-choice-pass"})
        assert User.objects.get(email="ed.dejong@wco.example").check_password("first-choice-pass")
        client.logout()
        again = client.get(link, follow=True)
        assert again.context["token_fail"] is True

    def test_a_duplicate_address_is_refused_with_a_message(
        self, client, secretariat_user, cites_user
    ):
        response = self.add_user(client, secretariat_user, email=cites_user.email.upper())
        assert response.status_code == 200
        assert "Another account already uses this email address." in response.content.decode()
        assert mail.outbox == []

    def test_invitation_is_sent_in_the_requested_language(
        self, wco_user, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):  # the outbox's task
            send_invitation(wco_user, language="fr")
        assert "Organisation mondiale des douanes" in mail.outbox[0].body


def test_groups_and_permissions_come_from_a_migration():
    secretariat = Group.objects.get(name="Secretariat")
    partners = Group.objects.get(name="Partners")
    codenames = set(secretariat.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "add_user",
        "change_partnerorganisation",
        "submit_translation",
    } <= codenames
    page_perms = set(secretariat.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_perms
    assert partners.permissions.count() == 0
    assert partners.page_permissions.count() == 0


def test_only_two_groups_carry_permissions_and_the_secretariat_moderates():
    from wagtail.models import GroupApprovalTask

    assert set(Group.objects.values_list("name", flat=True)) == {"Secretariat", "Partners"}
    for task in GroupApprovalTask.objects.all():
        assert "Secretariat" in task.groups.values_list("name", flat=True)


def test_anyone_who_can_reach_the_admin_needs_totp(client):
    from django.contrib.auth.models import Permission

    editors = Group.objects.create(name="Ad-hoc editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = User.objects.create_user("editor", "editor@example.org", "x-long-password-1")
    user.groups.add(editors)
    client.force_login(user)
    assert client.get("/admin/")["Location"] == "/en/accounts/2fa/totp/activate/?next=%2Fadmin%2F"


def test_secretariat_cannot_edit_or_delete_a_superuser(client, secretariat_user):
    root = User.objects.create_superuser("root", "root@example.org", "x-long-password-1")
    force_login_with_totp(client, secretariat_user)
    refused = client.get(f"/admin/users/edit/{root.pk}/")
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"
    response = client.post(
        f"/admin/users/edit/{root.pk}/",
        {"username": "root", "email": "attacker@example.org", "first_name": "R", "last_name": "R"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    root.refresh_from_db()
    assert root.email == "root@example.org"
    client.post(f"/admin/users/delete/{root.pk}/")
    assert User.objects.filter(pk=root.pk).exists()


def test_secretariat_can_edit_a_partner_and_change_their_organisation(
    client, secretariat_user, wco_user
):
    force_login_with_totp(client, secretariat_user)
    cites = PartnerOrganisation.objects.get(acronym="CITES", locale__language_code="en")
    response = client.post(
        f"/admin/users/edit/{wco_user.pk}/",
        {
            "username": wco_user.username,
            "email": wco_user.email,
            "first_name": "Wen",
            "last_name": "Partner",
            "organisation": cites.pk,
            "groups": [Group.objects.get(name="Partners").pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert Membership.objects.get(user=wco_user).organisation == cites


class TestLinkLifetimes:
    DAY = 24 * 3600

    def check_after(self, monkeypatch, user, seconds):
        from allauth.account.forms import default_token_generator

        token = default_token_generator.make_token(user)
        now = default_token_generator._now()
        monkeypatch.setattr(
            type(default_token_generator),
            "_now",
            lambda self: now + __import__("datetime").timedelta(seconds=seconds),
        )
        return default_token_generator.check_token(user, token)

    def test_an_invitation_lasts_a_week(self, monkeypatch):
        invited = User.objects.create_user("invited", "invited@example.org")
        invited.set_unusable_password()
        invited.save()
        assert self.check_after(monkeypatch, invited, 6 * self.DAY)
        assert not self.check_after(monkeypatch, invited, 8 * self.DAY)

    def test_an_ordinary_reset_lasts_a_day(self, monkeypatch, cites_user):
        assert self.check_after(monkeypatch, cites_user, 20 * 3600)
        assert not self.check_after(monkeypatch, cites_user, 2 * self.DAY)


def test_a_recovery_code_signs_in_when_the_phone_is_lost(client, secretariat_user):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    activate_totp(secretariat_user)
    codes = RecoveryCodes.activate(secretariat_user).get_unused_codes()
    sign_in(client, secretariat_user.email)
    response = client.post("/en/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    client.logout()
    sign_in(client, secretariat_user.email)
    client.post("/en/accounts/2fa/authenticate/", {"code": codes[0]})  # used already
    assert "_auth_user_id" not in client.session


def test_session_activity_is_recorded_at_most_once_per_interval(client, cites_user, settings):
    """allauth's "last seen" is written on a Partner's first request, not on
    every page (four queries and a write each time)."""
    from allauth.usersessions.models import UserSession
    from django.core.cache import cache

    settings.GCI_USERSESSIONS_TRACK_INTERVAL = 300
    sign_in(client, cites_user.email)
    client.get("/en/partners-area/")
    seen = UserSession.objects.get(user=cites_user).last_seen_at
    client.get("/en/partners-area/")
    assert UserSession.objects.get(user=cites_user).last_seen_at == seen
    cache.clear()  # the interval is over
    client.get("/en/partners-area/")
    assert UserSession.objects.get(user=cites_user).last_seen_at > seen


def _lock_out(client, user):
    for i in range(5):
        sign_in(client, user.email, password=f"wrong-{i}")
    locked = sign_in(client, user.email)
    assert "Too many failed login attempts" in locked.content.decode()


def _still_locked_out(client, user):
    response = sign_in(client, user.email)  # the right password
    return "Too many failed login attempts" in response.content.decode() and (
        "_auth_user_id" not in client.session
    )


def test_clearing_the_page_cache_never_resets_a_failed_login_counter(client, cites_user):
    from gci.site.page_cache import pages_cache

    _lock_out(client, cites_user)
    pages_cache().clear()  # a purge by hand, a restarted page-cache Redis
    assert _still_locked_out(client, cites_user)


def test_filling_the_page_cache_never_pushes_a_failed_login_counter_out(
    client, cites_user, settings
):
    """Anonymous visitors fill the page cache until it culls (Redis: evicts)
    its oldest entries: a failed-login lock must outlive that."""
    small = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 12, "CULL_FREQUENCY": 2},
    }
    settings.CACHES = {
        alias: {**small, "LOCATION": f"gci-fate-{alias}"} for alias in settings.CACHES
    }
    settings.GCI_PAGE_CACHE = True
    _lock_out(client, cites_user)
    visitor = type(client)()
    stored = 0
    for language in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
        for path in ["", "about/", "partners/", "events/", "events/2009/"]:
            response = visitor.get(f"/{language}/{path}")
            stored += response.get("X-GCI-Cache") == "miss"
    assert stored > 2 * small["OPTIONS"]["MAX_ENTRIES"]  # the page cache culled, several times
    assert _still_locked_out(client, cites_user)


@pytest.mark.parametrize(
    "url",
    [
        "/en/accounts/login/",
        "/en/accounts/password/reset/",
        "/ar/accounts/login/",
    ],
)
def test_allauth_screens_wear_the_sites_layout(client, url):
    body = client.get(url).content.decode()
    assert 'class="site-header"' in body and 'class="site-footer' in body
    assert '<main id="main"' in body


@pytest.mark.parametrize(
    "url", ["/en/accounts/logout/", "/en/accounts/reauthenticate/", "/en/accounts/2fa/"]
)
def test_signed_in_allauth_screens_wear_the_sites_layout(client, wco_user, url):
    client.force_login(wco_user)
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    assert 'class="site-header"' in body and '<main id="main"' in body
    assert 'class="account-nav"' in body  # the account's own menu, on every page
