"""Reminders of a reporting round: an invited organisation that has not sent
its report hears 7 days before the deadline and once when it is overdue,
each at most once (a ``ReportingReminderLog`` row per invitation, kind and
deadline, claimed by ``gci.site.mail.send_once``). Moving the deadline makes
new reminders possible. Each member reads it in their language."""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from gci.site.mail import Due, addresses_of, in_each_language, send_once

from ..models import Membership
from .choices import ReportStatus, RoundState
from .models import ReportingInvitation, ReportingReminderLog

DAYS_BEFORE = 7  # as the other reminders (gci.calendar.reminders)


def due_reminders(today):
    """(invitation, kind) pairs to remind today: open rounds, invited
    organisations whose report is not sent."""
    invitations = (
        ReportingInvitation.objects.filter(round__state=RoundState.OPEN)
        .exclude(report__status=ReportStatus.SUBMITTED)
        .select_related("round", "organisation")
    )
    kinds = ReportingReminderLog.Kind
    window_end = today + dt.timedelta(days=DAYS_BEFORE)
    for invitation in invitations.filter(
        round__deadline__gte=today, round__deadline__lte=window_end
    ):
        yield invitation, kinds.UPCOMING
    for invitation in invitations.filter(round__deadline__lt=today):
        yield invitation, kinds.OVERDUE


def _members(organisation_ids):
    by_organisation = {}
    for membership in Membership.objects.filter(
        organisation_id__in=organisation_ids, user__is_active=True
    ).select_related("user"):
        by_organisation.setdefault(membership.organisation_id, []).append(membership.user)
    return by_organisation


def _report_url(pk):
    path = reverse("gci_home_reporting:report", kwargs={"pk": pk})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def due(today):
    pending = list(due_reminders(today))
    members = _members({invitation.organisation_id for invitation, _kind in pending})
    for invitation, kind in pending:
        reporting_round = invitation.round
        yield Due(
            key={"invitation": invitation, "kind": kind, "due": reporting_round.deadline},
            template="home/reporting/email/reminder",
            context={
                "round": reporting_round,
                "organisation": invitation.organisation,
                "kind": kind,
                "url": in_each_language(lambda pk=reporting_round.pk: _report_url(pk)),
            },
            recipients=addresses_of(members.get(invitation.organisation_id, [])),
        )


def send_reporting_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    return send_once(ReportingReminderLog, due(today or timezone.localdate()))
