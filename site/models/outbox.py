"""The outbox: every email the site sends is first a row here, written in
the transaction of what caused it, then delivered by a task
(`gci.site.outbox`). The row says what became of it; the Secretariat sees
the failures in the admin ("Outbox") and decides whether to send again."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A row left in "sending" for longer than this: the worker died while it was
# handing the message to the mail server, so nobody knows whether it left.
SENDING_UNKNOWN_AFTER = dt.timedelta(minutes=15)


class OutboxState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxEmailQuerySet(models.QuerySet["OutboxEmail"]):
    def unknown(self) -> OutboxEmailQuerySet:
        """Rows a worker claimed and never finished: perhaps sent, perhaps not."""
        return self.filter(
            state=OutboxState.SENDING, claimed_at__lt=timezone.now() - SENDING_UNKNOWN_AFTER
        )

    def due(self) -> OutboxEmailQuerySet:
        return self.filter(state=OutboxState.QUEUED, next_attempt__lte=timezone.now())


class OutboxEmail(models.Model):
    """One email to deliver: its envelope and content, and what became of it.

    The body is kept only until the email has left (it may hold a sign-in
    link); the admin never shows it."""

    State = OutboxState

    # The message.
    to = models.TextField(_("to"), help_text=_("Addresses, separated by commas."))
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    from_email = models.CharField(max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(blank=True)
    content_subtype = models.CharField(max_length=20, default="plain")
    alternatives = models.JSONField(default=list, blank=True)  # [[content, mimetype], …]
    headers = models.JSONField(default=dict, blank=True)

    # What caused it: a short label (the template, or the library that sent
    # it), a link for the Secretariat, and the "sent once" log it belongs to.
    cause = models.CharField(_("cause"), max_length=100, blank=True)
    cause_url = models.CharField(max_length=500, blank=True)
    log_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    log_id = models.PositiveBigIntegerField(null=True, blank=True)

    # What became of it.
    state = models.CharField(
        _("state"), max_length=10, choices=OutboxState, default=OutboxState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt = models.DateTimeField(_("next attempt"), default=timezone.now)
    claim = models.CharField(max_length=32, blank=True)  # the worker run sending it
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    resent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent again by"),
    )

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        permissions = [("resend_outboxemail", _("Can send an email again"))]
        indexes = [models.Index(fields=["state", "next_attempt"], name="outbox_state_next")]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"

    @property
    def is_unknown(self) -> bool:
        return (
            self.state == OutboxState.SENDING
            and self.claimed_at is not None
            and self.claimed_at < timezone.now() - SENDING_UNKNOWN_AFTER
        )

    @property
    def can_send_again(self) -> bool:
        return self.state == OutboxState.FAILED or self.is_unknown
