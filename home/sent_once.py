"""Logs of emails that must go out at most once (reminders, and the like).

A concrete log inherits one of these and adds what the email is about (a
foreign key, a date) with a unique constraint over those fields and `kind`:
`gci.site.mail.send_once` claims a row before sending, so the constraint is
what stops a second run, or a second machine, from sending it again.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentOnceLog(models.Model):
    """One email sent: when, to whom, and to whom it could not be sent."""

    kind = models.CharField(max_length=20)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.TextField(blank=True)
    failed = models.TextField(blank=True)  # "address: error", one a line

    class Meta:
        abstract = True


class ReminderKind(models.TextChoices):
    UPCOMING = "upcoming", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


class DueReminderLog(SentOnceLog):
    """A reminder of something due on `due`: once when it is near, once when
    it is late. A new due date makes new reminders possible."""

    Kind = ReminderKind

    kind = models.CharField(max_length=20, choices=Kind)
    due = models.DateField()

    class Meta:
        abstract = True

    @staticmethod
    def once_per(subject: str, *, name: str) -> models.UniqueConstraint:
        """The constraint of a concrete log: one reminder per `subject` (its
        foreign key), kind and due date."""
        return models.UniqueConstraint(fields=[subject, "kind", "due"], name=name)
