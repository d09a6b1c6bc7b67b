"""Personal, secret, revocable feed URLs for the Partners' planning calendar."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedToken(models.Model):
    """Only the token's SHA-256 is stored: the URL is shown once, when made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed token")

    @classmethod
    def issue(cls, user):
        """Revoke the user's current tokens and make a new one; returns the token."""
        cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        token = secrets.token_urlsafe(32)
        cls.objects.create(user=user, digest=_digest(token))
        return token

    @classmethod
    def revoke_all(cls, user):
        cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())

    @classmethod
    def user_for(cls, token):
        """The active user this token belongs to, or None."""
        if not token or len(token) > 100:
            return None
        found = (
            cls.objects.filter(digest=_digest(token), revoked_at__isnull=True)
            .select_related("user")
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        cls.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found.user
