"""Reminders for action points: before the due date and when overdue.

Idempotent: a ReminderLog row per (action point, kind, due date) is written in
the same transaction as the decision to send, so running the command twice,
or from two machines at once, never sends the same reminder twice. Moving the
due date makes a new reminder possible.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from gci.home.models import Membership

from .models import ActionPoint, ReminderLog

DAYS_BEFORE = 7
logger = logging.getLogger(__name__)


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
                with translation.override(settings.LANGUAGE_CODE):
                    context = {
                        "point": point,
                        "kind": kind,
                        "today": today,
                        "dashboard_url": _dashboard_url(),
                    }
                    subject = render_to_string(
                        "gci_calendar/email/reminder_subject.txt", context
                    ).strip()
                    body = render_to_string("gci_calendar/email/reminder_message.txt", context)
                for address in to:  # each owner sees only their own address
                    send_mail(
                        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [address]
                    )
                    sent += 1
        except IntegrityError:
            continue  # already reminded (another run got there first)
        except OSError:
            logger.exception("Reminder for action point %s not sent; retried next run", point.pk)
    return sent


def _dashboard_url():
    from gci.home.models import PartnersAreaPage

    area = PartnersAreaPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return area.get_full_url() if area else settings.WAGTAILADMIN_BASE_URL
