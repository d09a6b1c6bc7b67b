"""Inviting a person: the Secretariat creates the account, the person sets a password.

The account is created without a usable password; the email carries a
one-time link to allauth's set-password page (the password-reset-from-key
view), valid for PASSWORD_RESET_TIMEOUT.
"""

from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils import translation
from django.utils.http import base36_to_int

from gci.site.mail import preferred_languages, send_templated


class TokenGenerator(PasswordResetTokenGenerator):
    """allauth's password-reset tokens, with two lifetimes: an invitation
    (an account that has never had a password nor signed in) stays valid for
    GCI_INVITATION_TIMEOUT, an ordinary password reset for
    GCI_PASSWORD_RESET_TIMEOUT. PASSWORD_RESET_TIMEOUT is the longer of the two."""

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        timeout = (
            settings.GCI_INVITATION_TIMEOUT
            if is_pending_invitation(user)
            else settings.GCI_PASSWORD_RESET_TIMEOUT
        )
        issued = base36_to_int(token.split("-")[0])
        return self._num_seconds(self._now()) - issued <= timeout


def is_pending_invitation(user):
    return user.last_login is None and not user.has_usable_password()


def ensure_primary_email(user):
    """Record the address the Secretariat entered as the user's verified, primary one.

    The person proves they own it by following the link mailed to it.
    """
    if not user.email:
        return
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
    address, _ = EmailAddress.objects.get_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email}
    )
    if not (address.primary and address.verified):
        address.primary = True
        address.verified = True
        address.save(update_fields=["primary", "verified"])


def invitation_url(user):
    from allauth.account.forms import default_token_generator

    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(user, language=None):
    """Email the person a link to set their password and sign in, in
    `language` (else their preferred language, else the site's default)."""
    language = language or preferred_languages([user]).get(user.pk) or settings.LANGUAGE_CODE
    with translation.override(language):
        membership = getattr(user, "membership", None)
        context = {
            "user": user,
            "organisation": membership.organisation.localized if membership else None,
            "url": invitation_url(user),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "valid_days": settings.GCI_INVITATION_TIMEOUT // 86400,
        }
    return send_templated("account/email/invitation", context, [user.email], language=language)
