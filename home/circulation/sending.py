"""The emails of a circulation: one to each recipient who hears of each
circulation by email, in their language, and the weekly digest of the
others (what they received since their last digest and have not opened).

Both go through ``gci.site.mail.send_once``: a ``CirculationMailLog`` row per
(circulation, person) or per (person, week) is claimed before the email is
queued, so a second run (a task retried, the schedule run twice at once)
never mails anyone twice. The deliveries then record when each person was
told.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
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
    digest = digest_users()
    deliveries = (
        circulation.deliveries.filter(emailed_at__isnull=True, opened_at__isnull=True)
        .exclude(user_id__in=digest)
        .select_related("user")
    )
    context = {
        **_item_context(circulation),
        "sender": display_name(circulation.sent_by) if circulation.sent_by else "",
        "preferences_url": in_each_language(preferences_url),
    }
    sent = send_once(
        CirculationMailLog,
        (
            Due(
                key={
                    "kind": CirculationMailLog.Kind.EACH,
                    "circulation": circulation,
                    "user": d.user,
                },
                template="home/circulation/email/circulation",
                context=context,
                recipients=addresses_of([d.user]),
            )
            for d in deliveries
        ),
    )
    logged = CirculationMailLog.objects.filter(
        kind=CirculationMailLog.Kind.EACH, circulation=circulation
    ).values("user_id")
    circulation.deliveries.filter(emailed_at__isnull=True, user_id__in=logged).update(
        emailed_at=timezone.now()
    )
    return sent


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
        CirculationDelivery.objects.filter(
            user_id__in=digest_users(),
            user__is_active=True,
            emailed_at__isnull=True,
            digested_at__isnull=True,
            opened_at__isnull=True,
        )
        .filter(ITEM_KEPT)
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
