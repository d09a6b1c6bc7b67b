"""Reminders of a consultation before a workshop: an invited organisation
that has not answered hears 7 days before the deadline and once when it is
overdue, each at most once (a ``ConsultationReminderLog`` row per invitation,
kind and deadline, claimed by ``gci.site.mail.send_once``). Moving the
deadline makes new reminders possible. Each member reads it in their language.
When and to whom: ``gci.home.round_reminders``, as for reporting rounds.
"""

from django.utils import timezone

from gci.home.round_reminders import due_invitations, round_reminders
from gci.site.mail import in_each_language, send_once

from .choices import ConsultationState
from .models import ConsultationInvitation, ConsultationReminderLog
from .workplan import _local_titles


def _unanswered():
    """The invitations of open consultations without an answer."""
    return (
        ConsultationInvitation.objects.filter(consultation__state=ConsultationState.OPEN)
        .exclude(answer__response__gt="")
        .select_related("consultation__event", "organisation")
    )


def due_reminders(today):
    """(invitation, kind) pairs to remind today: open consultations, invited
    organisations without an answer."""
    return due_invitations(_unanswered(), round_field="consultation", today=today)


def _context(consultation):
    event = consultation.event
    return {
        "consultation": consultation,
        "event": event,
        "title": in_each_language(lambda: _local_titles([event])[event.pk]),
    }


def due(today):
    return round_reminders(
        _unanswered(),
        round_field="consultation",
        today=today,
        template="gci_calendar/email/consultation_reminder",
        viewname="gci_calendar:consultation",
        context=_context,
    )


def send_consultation_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    return send_once(ConsultationReminderLog, due(today or timezone.localdate()))
