"""Secretariat powers need a second factor used in this session, on every door
(gci.home.two_factor).

A Secretariat member or superuser signed in with a password alone acts with
the groups they have besides the Secretariat and nothing more. The member
below is also in the Partners group (as a UNEP staff member could be), so
they pass the Partners area's own restriction: what is refused is exactly
what only the Secretariat may do.
"""

import datetime as dt

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from gci.home.demo.support import minimal_pdf
from gci.home.models import PartnerOrganisation
from gci.materials import review
from gci.materials.collections import submissions_collection
from gci.materials.models import (
    GuideChapterPage,
    GuidePage,
    Material,
    ReviewIndexPage,
    SuitcasePage,
)
from tests.helpers import activate_totp, current_code, force_login_with_totp, sign_in

pytestmark = pytest.mark.django_db

SETUP_URL = "/en/accounts/2fa/totp/activate/"
CONFIRM_URL = "/en/accounts/2fa/reauthenticate/"
SECRET_TEXT = "only-the-secretariat-reads-this"


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


@pytest.fixture
def member(secretariat_user):
    """The demo Secretariat member, also a Partner (UNEP)."""
    secretariat_user.groups.add(Group.objects.get(name="Partners"))
    return secretariat_user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "root", "root@example.org", "x-long-password-1"
    )


@pytest.fixture
def submission_document():
    return get_document_model().objects.create(
        title="Submitted module",
        collection=submissions_collection(),
        file=ContentFile(minimal_pdf(SECRET_TEXT), name="submitted-module.pdf"),
    )


@pytest.fixture
def pending_material(cites_user):
    material = Material.objects.create(
        locale=Locale.get_default(),
        title=f"Pending {SECRET_TEXT}",
        summary="Waiting for the Secretariat",
        material_type="presentation",
        topics=["crime"],
        languages=["en"],
        organisation=PartnerOrganisation.objects.get(acronym="CITES", locale=Locale.get_default()),
        submitted_by=cites_user,
        submitted_at=timezone.now(),
        link_url="https://example.org/pending",
        status="submitted",
    )
    suitcase = SuitcasePage.objects.get(locale=Locale.get_default())
    return suitcase.url + suitcase.reverse_subpage("material", args=[material.pk])


def _open_round(language, acronyms, opener):
    return review.open_round(
        GuidePage.objects.get(locale=Locale.get_default()),
        Locale.objects.get(language_code=language),
        timezone.localdate() + dt.timedelta(days=10),
        list(PartnerOrganisation.objects.filter(acronym__in=acronyms, locale=Locale.get_default())),
        opener,
        message=f"Message {SECRET_TEXT}",
        notify=False,
    )


def _review_url(name, *args):
    index = ReviewIndexPage.objects.get(locale=Locale.get_default())
    return index.url + index.reverse_subpage(name, args=list(args))


@pytest.fixture
def uninvited_round(secretariat_user):
    """A round the member's organisation (UNEP) was not invited to."""
    return _review_url("round", _open_round("zh-hans", ["CITES"], secretariat_user).pk)


@pytest.fixture
def open_comment(secretariat_user, cites_user):
    """A change request in a round UNEP is part of: the member sees the round
    as a Partner, but only the Secretariat resolves comments."""
    review_round = _open_round("ru", ["CITES", "UNEP"], secretariat_user)
    chapter = GuideChapterPage.objects.get(locale=Locale.get_default(), number=1)
    assignment = review_round.assignments.get(organisation__acronym="CITES")
    comment = review.add_comment(
        assignment, cites_user, "Please fix", chapter=chapter, block_id=chapter.body[0].id
    )
    return comment, _review_url("resolve", review_round.pk, comment.pk)


def assert_refused_with_the_reason(response, status, link=SETUP_URL):
    """Refused (``status``: 403, or 404 where even the object's existence is
    withheld) with the reason and the link that gives the powers back."""
    assert response.status_code == status
    text = body(response)
    assert SECRET_TEXT not in text
    assert "Secretariat rights are paused" in text
    assert f'href="{link}' in text


class TestWithoutASecondFactor:
    def test_a_secretariat_only_document_is_refused_with_the_reason(
        self, client, member, submission_document
    ):
        client.force_login(member)
        response = client.get(submission_document.url)
        assert_refused_with_the_reason(response, 403)
        assert response["Cache-Control"] == "private, no-store"

    def test_an_unapproved_submission_is_not_shown(self, client, member, pending_material):
        client.force_login(member)
        response = client.get(pending_material)
        assert_refused_with_the_reason(response, 404)

    def test_a_round_their_organisation_was_not_invited_to_stays_closed(
        self, client, member, uninvited_round
    ):
        client.force_login(member)
        response = client.get(uninvited_round)
        assert_refused_with_the_reason(response, 404)

    def test_a_review_comment_cannot_be_resolved(self, client, member, open_comment):
        comment, url = open_comment
        client.force_login(member)
        response = client.post(url)
        assert_refused_with_the_reason(response, 403)
        comment.refresh_from_db()
        assert comment.resolved_at is None

    def test_a_superuser_is_held_to_the_same_rule(
        self, client, superuser, submission_document, uninvited_round
    ):
        client.force_login(superuser)
        assert_refused_with_the_reason(client.get(submission_document.url), 403)
        # With no Partners group, the Partners area itself is closed, with the reason.
        assert_refused_with_the_reason(client.get(uninvited_round), 403)

    def test_an_authenticator_set_up_in_another_session_must_be_used_in_this_one(
        self, client, member, submission_document
    ):
        activate_totp(member)
        client.force_login(member)  # as a session opened before the authenticator was
        response = client.get(submission_document.url)
        assert_refused_with_the_reason(response, 403, link=CONFIRM_URL)

    def test_the_withheld_flag_is_never_saved(self, client, superuser):
        client.force_login(superuser)
        response = client.post(
            "/en/accounts/password/change/",
            {
                "oldpassword": "x-long-password-1",
                "password1": "another-long-password-2",
                "password2": "another-long-password-2",
            },
        )
        assert response.status_code == 302
        # The owner is told by email (in case it was not them).
        assert [m.to for m in mail.outbox] == [[superuser.email]]
        superuser.refresh_from_db()
        assert superuser.is_superuser
        assert superuser.check_password("another-long-password-2")


class TestWithASecondFactor:
    def test_every_door_opens(
        self, client, member, submission_document, pending_material, uninvited_round, open_comment
    ):
        force_login_with_totp(client, member)
        served = client.get(submission_document.url)
        assert served.status_code == 200 and SECRET_TEXT in body(served)
        assert client.get(pending_material).status_code == 200
        page = client.get(uninvited_round)
        assert page.status_code == 200 and "Secretariat rights are paused" not in body(page)
        comment, url = open_comment
        assert client.post(url).status_code == 302
        comment.refresh_from_db()
        assert comment.resolved_at is not None

    def test_setting_up_totp_in_this_session_counts_as_using_it(
        self, client, member, submission_document
    ):
        sign_in(client, member.email)  # a password, just now
        assert client.get(submission_document.url).status_code == 403
        page = client.get(SETUP_URL)  # no second password prompt: they just typed it
        assert page.status_code == 200
        assert "no-store" in page["Cache-Control"]  # it shows the secret
        secret = page.context["form"].secret
        response = client.post(SETUP_URL, {"code": current_code(secret)})
        assert response.status_code == 302
        assert Authenticator.objects.filter(user=member, type="totp").exists()
        assert client.get(submission_document.url).status_code == 200

    def test_removing_the_authenticator_withholds_the_powers_again(
        self, client, member, submission_document
    ):
        force_login_with_totp(client, member)
        assert client.get(submission_document.url).status_code == 200
        Authenticator.objects.filter(user=member).delete()
        assert_refused_with_the_reason(client.get(submission_document.url), 403)


class TestAfterSettingUp:
    """Setting up an authenticator leads on to where the person was going."""

    def set_up(self, client, member, start):
        sign_in(client, member.email)
        asked = client.get(start)
        assert asked.status_code == 302
        setup = asked["Location"]
        page = client.get(setup)
        assert page.status_code == 200  # no second password prompt after signing in
        secret = page.context["form"].secret
        done = client.post(SETUP_URL, {"code": current_code(secret)})
        assert done.status_code == 302
        return setup, done["Location"]

    def test_the_admin_sends_to_set_up_and_continue_leads_back(self, client, member):
        setup, codes = self.set_up(client, member, "/admin/pages/")
        assert setup == "/en/accounts/2fa/totp/activate/?next=%2Fadmin%2Fpages%2F"
        assert codes == "/en/accounts/2fa/recovery-codes/?next=%2Fadmin%2Fpages%2F"
        page = body(client.get(codes))
        assert '<a class="button" href="/admin/pages/">Continue</a>' in page
        assert client.get("/admin/pages/").status_code == 200

    def test_a_next_to_another_site_is_not_followed(self, client, member):
        sign_in(client, member.email)
        page = client.get(SETUP_URL + "?next=https://evil.example/")
        secret = page.context["form"].secret
        done = client.post(SETUP_URL, {"code": current_code(secret)})
        assert done["Location"] == "/en/accounts/2fa/recovery-codes/"
        codes = body(client.get(done["Location"] + "?next=https://evil.example/"))
        assert "evil.example" not in codes.split('class="account-continue"', 1)[1]
        assert '<a class="button" href="/en/partners-area/">Continue</a>' in codes

    def test_a_password_typed_long_ago_is_asked_again(self, client, member, settings):
        settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
        sign_in(client, member.email)
        assert client.get(SETUP_URL).status_code == 302
