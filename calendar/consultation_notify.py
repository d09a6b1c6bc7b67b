"""The Secretariat hears of each answer to a consultation: an organisation
takes part, declines, comments, offers a material or suggests an expert.
One email per answer, to each member of the Secretariat group, in their own
language (gci.site.mail), once the answer is committed: a save refused as
stale (someone else saved the answer meanwhile) or rolled back sends nothing.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from gci.home.roles import secretariat_members
from gci.site.mail import addresses_of, in_each_language, send_templated

from .choices import ConsultationAction
from .workplan import _local_titles

TEMPLATE = "gci_calendar/email/consultation_answered"


def secretariat_recipients():
    """Each active member of the Secretariat group with an address, in their language."""
    return addresses_of(secretariat_members())


def _admin_url(consultation):
    path = reverse("consultations:inspect", args=[consultation.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def answer_received(invitation, action, *, user, detail="", about=None):
    """Tell the Secretariat, after the current transaction commits, that the
    invited organisation did ``action`` (a ``ConsultationAction``); ``detail``
    is what it wrote (who takes part, the reason, the comment, the expert,
    the material), ``about`` what a comment concerns."""
    consultation = invitation.consultation
    event = consultation.event
    url = _admin_url(consultation)
    context = {
        "consultation": consultation,
        "organisation": invitation.organisation,
        "person": (user.get_full_name() or user.email) if user is not None else "",
        "title": in_each_language(lambda: _local_titles([event])[event.pk]),
        "action": ConsultationAction(action).label,
        "detail": detail,
        "about": about,
        "url": url,
    }

    def send():
        recipients = secretariat_recipients()
        if recipients:
            send_templated(TEMPLATE, context, recipients, cause_url=url)

    transaction.on_commit(send)
