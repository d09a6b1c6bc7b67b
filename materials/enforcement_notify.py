"""The Secretariat hears of each enforcement record a Partner sends: one
email per record to each active member of the Secretariat group, in their
own language (gci.site.mail), with the link to the record in the admin,
once the record is committed. A refused form (bad input) or a rolled-back
save sends nothing.

Only the sending is told: the Partner's later corrections of the record
while it awaits review send nothing more (the link always opens the record
as it stands, and the Secretariat reviews it once), nor do the Secretariat's
own additions and changes in the admin.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from gci.home.roles import display_name, secretariat_members
from gci.site.mail import addresses_of, send_templated

TEMPLATE = "materials/email/enforcement_submitted"


def secretariat_recipients(sender=None):
    """Each active member of the Secretariat group with an address, in their
    language; not ``sender`` (a member who sent the record themselves)."""
    members = secretariat_members()
    if sender is not None:
        members = members.exclude(pk=sender.pk)
    return addresses_of(members)


def _admin_url(record):
    path = reverse("enforcement_records:inspect", args=[record.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def record_submitted(record, *, user):
    """Tell the Secretariat, after the current transaction commits, that
    ``user`` sent ``record`` from the Partners area."""
    url = _admin_url(record)
    context = {
        "record": record,
        "organisation": record.organisation,
        "person": display_name(user) if user is not None else "",
        "url": url,
    }

    def send():
        recipients = secretariat_recipients(user)
        if recipients:
            send_templated(TEMPLATE, context, recipients, cause_url=url)

    transaction.on_commit(send)
