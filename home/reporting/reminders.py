"""Reminders of a reporting round: an invited organisation that has not sent
its report hears 7 days before the deadline and once when it is overdue,
each at most once (a ``ReportingReminderLog`` row per invitation, kind and
deadline, claimed by ``gci.site.mail.send_once``). Moving the deadline makes
new reminders possible. Each member reads it in their language. When and to
whom: ``gci.home.round_reminders``, as for workshop consultations."""

from django.utils import timezone

from gci.site.mail import send_once

from ..round_reminders import due_invitations, round_reminders
from .choices import ReportStatus, RoundState
from .models import ReportingInvitation, ReportingReminderLog


def _unanswered():
    """The invitations of open rounds whose report is not sent."""
    return (
        ReportingInvitation.objects.filter(round__state=RoundState.OPEN)
        .exclude(report__status=ReportStatus.SUBMITTED)
        .select_related("round", "organisation")
    )


def due_reminders(today):
    """(invitation, kind) pairs to remind today: open rounds, invited
    organisations whose report is not sent."""
    return due_invitations(_unanswered(), round_field="round", today=today)


def due(today):
    return round_reminders(
        _unanswered(),
        round_field="round",
        today=today,
        template="home/reporting/email/reminder",
        viewname="gci_home_reporting:report",
        context=lambda reporting_round: {"round": reporting_round},
    )


def send_reporting_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    return send_once(ReportingReminderLog, due(today or timezone.localdate()))
