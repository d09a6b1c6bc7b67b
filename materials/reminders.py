"""Reminders of review rounds: a week before the deadline and once overdue.

Idempotent like the action-point reminders: a `ReviewReminderLog` row per
(assignment, kind, deadline) is written in the same transaction as the
decision to send. Moving the deadline makes a new reminder possible.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from gci.site.mail import send_templated_mail

from .dashboard import WAITING
from .models import ReviewAssignment, ReviewReminderLog, ReviewRound
from .review import members, review_round_url

DAYS_BEFORE = 7


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
                context = {
                    "assignment": assignment,
                    "round": assignment.round,
                    "kind": kind,
                    "url": review_round_url(assignment.round),
                }
                delivered = send_templated_mail("materials/email/reminder", context, to)
                if not delivered:  # none went out (each failure is logged): retried next run
                    transaction.set_rollback(True)
                sent += delivered
        except IntegrityError:
            continue
    return sent
