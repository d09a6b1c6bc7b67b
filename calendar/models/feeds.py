"""Personal, secret, revocable feed URLs for the Partners' planning calendar.

A token works only while its owner could still sign in and enter the Partners
area: each request checks, at request time (so no missed signal can leave a
link open), that the owner is active, has the password they had when the
link was made (a fingerprint of the password hash is kept with the token, as
Django's password-reset tokens do), and still belongs: in the Secretariat
group, or in the Partners group with a membership of an organisation. A token
that fails is revoked there and then, with the reason, so the calendar-link
page can tell its owner why the link stopped and ask for a new one.

A feed has no session, so no second factor: it acts with Secretariat powers
only if the link was made by a session that had them (``gci.home.two_factor``),
otherwise with the owner's other groups only.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

FINGERPRINT_SALT = "gci.calendar.CalendarFeedToken.password"


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def password_fingerprint(user):
    """Changes whenever the user's password (its hash) changes; reveals nothing of it."""
    return salted_hmac(FINGERPRINT_SALT, user.password or "", algorithm="sha256").hexdigest()


class CalendarFeedToken(models.Model):
    """Only the token's SHA-256 is stored: the URL is shown once, when made."""

    class Revoked(models.TextChoices):
        REPLACED = "replaced", _("replaced by a new link")
        BY_OWNER = "by_owner", _("revoked by its owner")
        PASSWORD = "password", _("the password changed")
        MEMBERSHIP = "membership", _("the membership of the Partners ended")
        INACTIVE = "inactive", _("the account was deactivated")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    password_fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=20, choices=Revoked, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    secretariat_powers = models.BooleanField(
        default=False,
        help_text=_(
            "Made in a session with Secretariat powers (a second factor used): the feed "
            "shows what the Secretariat sees."
        ),
    )

    class Meta:
        verbose_name = _("calendar feed token")

    @classmethod
    def _revoke(cls, tokens, reason):
        tokens.filter(revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason=reason
        )

    @classmethod
    def issue(cls, user):
        """Revoke the user's current tokens and make a new one; returns the token.
        ``user`` is the request's: it carries the powers of that session."""
        from gci.home.roles import is_secretariat

        cls._revoke(cls.objects.filter(user=user), cls.Revoked.REPLACED)
        token = secrets.token_urlsafe(32)
        cls.objects.create(
            user=user,
            digest=_digest(token),
            password_fingerprint=password_fingerprint(user),
            secretariat_powers=is_secretariat(user),
        )
        return token

    @classmethod
    def revoke_all(cls, user):
        cls._revoke(cls.objects.filter(user=user), cls.Revoked.BY_OWNER)

    @classmethod
    def stopped_reason(cls, user):
        """Why the user's newest link stopped working by itself, or None (it
        works, they revoked or replaced it themselves, or they never had one)."""
        newest = cls.objects.filter(user=user).order_by("-created_at", "-pk").first()
        if newest is None or newest.revoked_at is None:
            return None
        if newest.revoked_reason in (cls.Revoked.REPLACED, cls.Revoked.BY_OWNER, ""):
            return None
        return newest.revoked_reason

    def refusal(self):
        """Why this token must stop working now, or None."""
        from gci.home.roles import is_partner, is_secretariat

        user = self.user
        if not user.is_active:
            return self.Revoked.INACTIVE
        if not constant_time_compare(self.password_fingerprint, password_fingerprint(user)):
            return self.Revoked.PASSWORD
        if is_secretariat(user):
            return None
        if not is_partner(user) or getattr(user, "membership", None) is None:
            return self.Revoked.MEMBERSHIP
        return None

    @classmethod
    def user_for(cls, token):
        """The user this token belongs to while it may still be used, or None,
        with the powers of the session that made the token."""
        from gci.home.roles import is_secretariat
        from gci.home.two_factor import SETUP, withhold_secretariat_powers

        if not token or len(token) > 100:
            return None
        found = (
            cls.objects.filter(digest=_digest(token), revoked_at__isnull=True)
            .select_related("user")
            .first()
        )
        if found is None:
            return None
        reason = found.refusal()
        if reason is not None:
            cls._revoke(cls.objects.filter(pk=found.pk), reason)
            return None
        cls.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        user = found.user
        if not found.secretariat_powers and is_secretariat(user):
            withhold_secretariat_powers(user, SETUP)
        return user
