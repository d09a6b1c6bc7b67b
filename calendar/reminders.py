"""Reminders for action points: before the due date and when overdue.

Idempotent: a ReminderLog row per (action point, kind, due date) is written in
the same transaction as the decision to send, so running the command twice,
or from two machines at once, never sends the same reminder twice. Moving the
due date makes a new reminder possible.
"""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from gci.home.models import Membership
from gci.site.mail import send_templated_mail

from .models import ActionPoint, ReminderLog

DAYS_BEFORE = 7


def due_reminders(today):
    """(action point, kind) pairs that should be reminded today."""
    points = (
        ActionPoint.objects.open()
        .filter(meeting__live=True)
        .prefetch_related("owners")
        .select_related("meeting")
    )
    window_end = today + dt.timedelta(days=DAYS_BEFORE)
    for point in points.filter(due_date__gte=today, due_date__lte=window_end):
        yield point, ReminderLog.Kind.UPCOMING
    for point in points.filter(due_date__lt=today):
        yield point, ReminderLog.Kind.OVERDUE


def recipients(point):
    return sorted(
        {
            membership.user.email
            for membership in Membership.objects.filter(
                organisation__in=point.owners.all(), user__is_active=True
            ).select_related("user")
            if membership.user.email
        }
    )


def send_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    today = today or timezone.localdate()
    sent = 0
    for point, kind in list(due_reminders(today)):
        to = recipients(point)
        if not to:
            continue
        try:
            with transaction.atomic():
                ReminderLog.objects.create(
                    action_point=point,
                    kind=kind,
                    due_date=point.due_date,
                    recipients=", ".join(to),
                )
                context = {
                    "point": point,
                    "kind": kind,
                    "today": today,
                    "dashboard_url": _dashboard_url(),
                }
                delivered = send_templated_mail("gci_calendar/email/reminder", context, to)
                if not delivered:  # none went out (each failure is logged): retried next run
                    transaction.set_rollback(True)
                sent += delivered
        except IntegrityError:
            continue  # already reminded (another run got there first)
    return sent


def _dashboard_url():
    from gci.home.models import PartnersAreaPage

    area = PartnersAreaPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return area.get_full_url() if area else settings.WAGTAILADMIN_BASE_URL
