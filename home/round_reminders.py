"""Reminders of a round's unanswered invitations (a workshop consultation, a
reporting round, …): an invited organisation that has not answered hears
``DAYS_BEFORE`` days before the round's deadline and once when it is
overdue, each at most once. The app says which invitations are unanswered,
which template and what else the email shows; this module says when a
reminder is due, to whom it goes (the organisation's active members) and
what keys it once (invitation, kind, deadline: the app's ``DueReminderLog``,
claimed by ``gci.site.mail.send_once``). Moving the deadline makes new
reminders possible. Each member reads it in their language.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from gci.site.mail import Due, addresses_of, in_each_language

from .models import Membership
from .sent_once import ReminderKind

DAYS_BEFORE = 7  # every reminder of the site (action points, review rounds too)


def due_invitations(invitations: QuerySet, *, round_field: str, today: dt.date) -> Iterator:
    """(invitation, kind) pairs to remind today, of ``invitations`` (the
    unanswered ones of open rounds); ``round_field`` names their round,
    which has a ``deadline``."""
    window_end = today + dt.timedelta(days=DAYS_BEFORE)
    deadline = f"{round_field}__deadline"
    for invitation in invitations.filter(
        **{f"{deadline}__gte": today, f"{deadline}__lte": window_end}
    ):
        yield invitation, ReminderKind.UPCOMING
    for invitation in invitations.filter(**{f"{deadline}__lt": today}):
        yield invitation, ReminderKind.OVERDUE


def members_by_organisation(organisation_ids) -> dict[int, list]:
    """The active members of the organisations (one query), by organisation id."""
    by_organisation: dict[int, list] = {}
    for membership in Membership.objects.filter(
        organisation_id__in=organisation_ids, user__is_active=True
    ).select_related("user"):
        by_organisation.setdefault(membership.organisation_id, []).append(membership.user)
    return by_organisation


def site_url(viewname: str, **kwargs) -> str:
    """The absolute URL of a view, in the active language: call it inside
    ``in_each_language`` for the language the email is written in."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(viewname, kwargs=kwargs)


def round_reminders(
    invitations: QuerySet,
    *,
    round_field: str,
    today: dt.date,
    template: str,
    viewname: str,
    context: Callable[[Any], dict],
) -> Iterator[Due]:
    """The reminders due today, one per unanswered invitation, to its
    organisation's active members. The email's context is ``context(round)``
    with the ``organisation``, the ``kind`` (due soon, overdue) and the
    ``url`` of the round's page (``viewname`` with the round's ``pk``)."""
    pending = list(due_invitations(invitations, round_field=round_field, today=today))
    members = members_by_organisation({invitation.organisation_id for invitation, _ in pending})
    for invitation, kind in pending:
        the_round = getattr(invitation, round_field)
        yield Due(
            key={"invitation": invitation, "kind": kind, "due": the_round.deadline},
            template=template,
            context={
                **context(the_round),
                "organisation": invitation.organisation,
                "kind": kind,
                "url": in_each_language(lambda pk=the_round.pk: site_url(viewname, pk=pk)),
            },
            recipients=addresses_of(members.get(invitation.organisation_id, [])),
        )
