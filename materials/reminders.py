"""Reminders of review rounds: a week before the deadline and once overdue.

What is due is said here; `gci.site.mail.send_once` sends it at most once,
like the action-point reminders: a `ReviewReminderLog` row per (assignment,
kind, deadline) is claimed in the same transaction as the sending. Moving
the deadline makes a new reminder possible.
"""

import datetime as dt

from django.utils import timezone

from gci.home.round_reminders import DAYS_BEFORE
from gci.site.mail import Due, addresses_of, send_once

from .dashboard import WAITING
from .models import ReviewAssignment, ReviewReminderLog, ReviewRound
from .review import members, review_round_url


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


def due(today):
    for assignment, kind in list(due_reminders(today)):
        yield Due(
            key={"assignment": assignment, "kind": kind, "due": assignment.round.deadline},
            template="materials/email/reminder",
            context={
                "assignment": assignment,
                "round": assignment.round,
                "kind": kind,
                "url": review_round_url(assignment.round),
            },
            recipients=addresses_of(m.user for m in members([assignment.organisation_id])),
        )


def send_review_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    return send_once(ReviewReminderLog, due(today or timezone.localdate()))
