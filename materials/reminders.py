"""Reminders of review rounds: a week before the deadline and once overdue.

Idempotent like the action-point reminders: a `ReviewReminderLog` row per
(assignment, kind, deadline) is written in the same transaction as the
decision to send. Moving the deadline makes a new reminder possible.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .dashboard import WAITING
from .models import ReviewAssignment, ReviewReminderLog, ReviewRound
from .review import members, review_round_url

DAYS_BEFORE = 7
logger = logging.getLogger(__name__)


def due_reminders(today):
    newest = {}
    for round_id, guide_id, locale_id in ReviewRound.objects.values_list(
        "pk", "guide_id", "locale_id"
    ):
        newest.setdefault((guide_id, locale_id), round_id)
    assignments = ReviewAssignment.objects.filter(
        round_id__in=newest.values(),
        round__completed_at__isnull=True,
        state__in=WAITING,
        round__deadline__lte=today + dt.timedelta(days=DAYS_BEFORE),
    ).select_related("round__locale", "round__guide", "organisation")
    for assignment in assignments:
        if assignment.is_settled():
            continue
        kind = (
            ReviewReminderLog.Kind.OVERDUE
            if assignment.round.deadline < today
            else ReviewReminderLog.Kind.UPCOMING
        )
        yield assignment, kind


def send_review_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    today = today or timezone.localdate()
    sent = 0
    for assignment, kind in list(due_reminders(today)):
        to = sorted({m.user.email for m in members([assignment.organisation_id]) if m.user.email})
        if not to:
            continue
        try:
            with transaction.atomic():
                ReviewReminderLog.objects.create(
                    assignment=assignment,
                    kind=kind,
                    deadline=assignment.round.deadline,
                    recipients=", ".join(to),
                )
                with translation.override(settings.LANGUAGE_CODE):
                    context = {
                        "assignment": assignment,
                        "round": assignment.round,
                        "kind": kind,
                        "url": review_round_url(assignment.round),
                    }
                    subject = render_to_string(
                        "materials/email/reminder_subject.txt", context
                    ).strip()
                    body = render_to_string("materials/email/reminder_message.txt", context)
                for address in to:  # each member sees only their own address
                    send_mail(
                        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [address]
                    )
                    sent += 1
        except IntegrityError:
            continue
        except OSError:
            logger.exception("Review reminder for assignment %s not sent", assignment.pk)
    return sent
