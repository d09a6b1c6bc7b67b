"""Reminders of a consultation before a workshop: an invited organisation
that has not answered hears 7 days before the deadline and once when it is
overdue, each at most once (a ``ConsultationReminderLog`` row per invitation,
kind and deadline, claimed by ``gci.site.mail.send_once``). Moving the
deadline makes new reminders possible. Each member reads it in their language.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from gci.home.models import Membership
from gci.site.mail import Due, addresses_of, in_each_language, send_once

from .models import ConsultationInvitation, ConsultationReminderLog
from .reminders import DAYS_BEFORE
from .workplan import _local_titles


def due_reminders(today):
    """(invitation, kind) pairs to remind today: open consultations, invited
    organisations without an answer."""
    invitations = (
        ConsultationInvitation.objects.filter(consultation__state="open")
        .exclude(answer__response__gt="")
        .select_related("consultation__event", "organisation")
    )
    window_end = today + dt.timedelta(days=DAYS_BEFORE)
    kinds = ConsultationReminderLog.Kind
    for invitation in invitations.filter(
        consultation__deadline__gte=today, consultation__deadline__lte=window_end
    ):
        yield invitation, kinds.UPCOMING
    for invitation in invitations.filter(consultation__deadline__lt=today):
        yield invitation, kinds.OVERDUE


def _members(organisation_ids):
    by_organisation = {}
    for membership in Membership.objects.filter(
        organisation_id__in=organisation_ids, user__is_active=True
    ).select_related("user"):
        by_organisation.setdefault(membership.organisation_id, []).append(membership.user)
    return by_organisation


def _page_url(pk):
    """The consultation's page, in the language the email is written in."""
    path = reverse("gci_calendar:consultation", kwargs={"pk": pk})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def due(today):
    pending = list(due_reminders(today))
    members = _members({invitation.organisation_id for invitation, _kind in pending})
    for invitation, kind in pending:
        consultation = invitation.consultation
        yield Due(
            key={"invitation": invitation, "kind": kind, "due": consultation.deadline},
            template="gci_calendar/email/consultation_reminder",
            context={
                "consultation": consultation,
                "event": consultation.event,
                "title": in_each_language(
                    lambda event=consultation.event: _local_titles([event])[event.pk]
                ),
                "organisation": invitation.organisation,
                "kind": kind,
                "url": in_each_language(lambda pk=consultation.pk: _page_url(pk)),
            },
            recipients=addresses_of(members.get(invitation.organisation_id, [])),
        )


def send_consultation_reminders(today=None):
    """Send what is due; returns the number of emails sent."""
    return send_once(ConsultationReminderLog, due(today or timezone.localdate()))
