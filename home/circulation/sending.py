"""The emails of a circulation: one to each recipient who hears of each
circulation by email, in their language, and the weekly digest of the
others (what they received since their last digest and have not opened).

Both go through ``gci.site.mail.send_once``: a ``CirculationMailLog`` row per
(circulation, person) or per (person, week) is claimed before the email is
queued, so a second run (a task retried, the schedule run twice at once)
never mails anyone twice. The deliveries then record when each person was
told.

A digest reader who switches to an email per circulation loses nothing:
what waited for their next digest and they have not opened is emailed to
them at once, one email per circulation, through the same log as the
circulation's own email (``send_pending``), so it is never mailed twice and
never left in a digest they no longer receive. The other way round needs
nothing: what was not emailed yet (the circulation's task had not run) goes
in their first digest, what was emailed never does.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from gci.site.mail import Due, addresses_of, in_each_language, send_once

from ..roles import display_name
from .models import (
    ITEM_KEPT,
    Circulation,
    CirculationDelivery,
    CirculationMailLog,
    CirculationPreference,
    Frequency,
)
from .recipients import item_title, members


def open_url(circulation_pk):
    """The circulation's link, in the language the email is written in
    (through the login, then to the item)."""
    path = reverse("circulation:open", kwargs={"pk": circulation_pk})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def preferences_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("circulation:preferences")


def digest_users():
    return set(
        CirculationPreference.objects.filter(frequency=Frequency.DIGEST).values_list(
            "user_id", flat=True
        )
    )


def make_deliveries(circulation):
    """One delivery per member of the chosen organisations (made once: the
    record of who received the circulation)."""
    CirculationDelivery.objects.bulk_create(
        [
            CirculationDelivery(circulation=circulation, user=user, organisation=organisation)
            for user, organisation in members(
                circulation.organisations.all(), all_partners=circulation.all_partners
            )
        ],
        ignore_conflicts=True,
    )


def circulate(circulation):
    """Record the recipients now, and send the emails when the transaction commits."""
    make_deliveries(circulation)
    pk = circulation.pk
    transaction.on_commit(lambda: send_circulation.enqueue(pk))


def _item_context(circulation):
    return {
        "circulation": circulation,
        "title": in_each_language(lambda c=circulation: item_title(c)),
        "url": in_each_language(lambda pk=circulation.pk: open_url(pk)),
        "is_document": bool(circulation.document_id),
    }


def _each_context(circulation):
    return {
        **_item_context(circulation),
        "sender": display_name(circulation.sent_by) if circulation.sent_by else "",
        "preferences_url": in_each_language(preferences_url),
    }


def _email_each(deliveries):
    """One email per delivery (its circulation, to its person), once ever:
    the "each" log row of (circulation, person) is claimed first; the
    deliveries whose email is logged are then marked emailed."""
    deliveries = list(deliveries)
    contexts = {}
    sent = send_once(
        CirculationMailLog,
        (
            Due(
                key={
                    "kind": CirculationMailLog.Kind.EACH,
                    "circulation": d.circulation,
                    "user": d.user,
                },
                template="home/circulation/email/circulation",
                context=contexts.setdefault(d.circulation_id, _each_context(d.circulation)),
                recipients=addresses_of([d.user]),
            )
            for d in deliveries
        ),
    )
    CirculationDelivery.objects.filter(
        Exists(
            CirculationMailLog.objects.filter(
                kind=CirculationMailLog.Kind.EACH,
                circulation_id=OuterRef("circulation_id"),
                user_id=OuterRef("user_id"),
            )
        ),
        pk__in=[d.pk for d in deliveries],
        emailed_at__isnull=True,
    ).update(emailed_at=timezone.now())
    return sent


def _not_emailed():
    """Deliveries whose "each" email was never logged."""
    return ~Exists(
        CirculationMailLog.objects.filter(
            kind=CirculationMailLog.Kind.EACH,
            circulation_id=OuterRef("circulation_id"),
            user_id=OuterRef("user_id"),
        )
    )


@task()
def send_circulation(circulation_pk):
    """Email each recipient who chose an email per circulation, once; returns
    the number of emails queued."""
    circulation = (
        Circulation.objects.select_related("page", "document", "sent_by")
        .filter(pk=circulation_pk)
        .first()
    )
    if circulation is None:
        return 0
    deliveries = (
        circulation.deliveries.filter(emailed_at__isnull=True, opened_at__isnull=True)
        .exclude(user_id__in=digest_users())
        .select_related("user")
    )
    for delivery in deliveries:
        delivery.circulation = circulation
    return _email_each(deliveries)


def _untold():
    """Deliveries to active members not yet told of by email or digest, not
    opened, their item still there."""
    return (
        CirculationDelivery.objects.filter(
            user__is_active=True,
            emailed_at__isnull=True,
            digested_at__isnull=True,
            opened_at__isnull=True,
        )
        .filter(ITEM_KEPT)
        .filter(_not_emailed())
    )


def waiting_for_digest(user):
    """What waits for ``user``'s next digest: received, not told of by email
    or digest, not opened, its item still there; oldest first."""
    return (
        _untold()
        .filter(user=user)
        .select_related(
            "user", "circulation__page", "circulation__document", "circulation__sent_by"
        )
        .order_by("circulation__sent_at", "pk")
    )


def switched_to_each(user):
    """``user`` now hears of each circulation by email: once the choice is
    committed, what waited for their digest is emailed to them."""
    pk = user.pk
    transaction.on_commit(lambda: send_pending.enqueue(pk))


@task()
def send_pending(user_pk):
    """Email at once, one per circulation, what waited for the digest of a
    person who now chose an email per circulation (nothing if they went back
    to the digest meanwhile: it will list them); returns the number queued."""
    if user_pk in digest_users():
        return 0
    return _email_each(waiting_for_digest(user_pk))


# The digest goes out on Mondays (the schedule looks daily: a Monday missed
# while the site was down leaves the items for the next one).
DIGEST_WEEKDAY = 0


def week_of(day):
    """The Monday of ``day``'s week: a digest's key."""
    return day - dt.timedelta(days=day.weekday())


def pending_for_digest():
    """{user: [delivery]} of the digest readers: what they received, were
    not told of yet and have not opened, oldest first."""
    deliveries = (
        _untold()
        .filter(user_id__in=digest_users())
        .select_related("user", "circulation__page", "circulation__document")
        .order_by("circulation__sent_at", "pk")
    )
    by_user = {}
    for delivery in deliveries:
        by_user.setdefault(delivery.user, []).append(delivery)
    return by_user


def send_digests(today=None):
    """Each digest reader's weekly email, once per week, only when something
    waits for them; returns the number of emails queued."""
    week = week_of(today or timezone.localdate())
    pending = pending_for_digest()
    started = timezone.now()
    sent = send_once(
        CirculationMailLog,
        (
            Due(
                key={"kind": CirculationMailLog.Kind.DIGEST, "user": user, "week": week},
                template="home/circulation/email/digest",
                context={
                    "items": [_item_context(d.circulation) for d in deliveries],
                    "preferences_url": in_each_language(preferences_url),
                },
                recipients=addresses_of([user]),
            )
            for user, deliveries in pending.items()
        ),
    )
    # The readers whose digest this run sent: their items are told now.
    told = set(
        CirculationMailLog.objects.filter(
            kind=CirculationMailLog.Kind.DIGEST, week=week, sent_at__gte=started
        ).values_list("user_id", flat=True)
    )
    CirculationDelivery.objects.filter(
        pk__in=[d.pk for user, deliveries in pending.items() if user.pk in told for d in deliveries]
    ).update(digested_at=timezone.now())
    return sent


def send_weekly_digests(today=None):
    """The schedule's job (daily): the digests, on their weekday only."""
    today = today or timezone.localdate()
    if today.weekday() != DIGEST_WEEKDAY:
        return 0
    return send_digests(today)
