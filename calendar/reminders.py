"""Reminders for action points: before the due date and when overdue.

What is due is said here; `gci.site.mail.send_once` sends it at most once: a
ReminderLog row per (action point, kind, due date) is claimed in the same
transaction as the sending, so running the command twice, or from two
machines at once, never sends the same reminder twice. Moving the due date
makes a new reminder possible.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from gci.home.models import Membership, PartnersAreaPage
from gci.home.roles import secretariat_members
from gci.home.round_reminders import DAYS_BEFORE
from gci.site.mail import Due, addresses_of, in_each_language, send_once
from gci.site.memo import live_page_for_language

from .models import ActionPoint, ReminderLog


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
    """The active members of the point's owner organisations and, when the
    Secretariat owns it too, the Secretariat's active members; with their language."""
    users = [
        membership.user
        for membership in Membership.objects.filter(
            organisation__in=point.owners.all(), user__is_active=True
        ).select_related("user")
    ]
    if point.secretariat_owner:
        users += secretariat_members()
    return addresses_of(users)


def due(today):
    dashboard_url = in_each_language(_dashboard_url)
    for point, kind in list(due_reminders(today)):
        yield Due(
            key={"action_point": point, "kind": kind, "due": point.due_date},
            template="gci_calendar/email/reminder",
            context={"point": point, "kind": kind, "today": today, "dashboard_url": dashboard_url},
            recipients=recipients(point),
        )


def send_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    return send_once(ReminderLog, due(today or timezone.localdate()))


def _dashboard_url():
    """The Partners area in the language the email is written in."""
    area = live_page_for_language(PartnersAreaPage)
    return area.get_full_url() if area else settings.WAGTAILADMIN_BASE_URL
