"""Delivering the outbox (`gci.site.models.OutboxEmail`): the transactional
outbox pattern.

An email is written as a row in the transaction of whatever caused it
(`queue`); when that transaction commits, a task is enqueued to deliver it
(`deliver`), so a rolled-back request sends nothing and no request waits
for the mail server. The task delivers a batch through one connection:

- each row is claimed first by one conditional UPDATE (queued → sending,
  stamped with the run's claim): two workers never both send a row;
- accepted by the server → `sent` (its body is then dropped: it may hold a
  sign-in link);
- refused → `attempts` + 1 and queued again after a back-off (`BACKOFF`),
  then `failed` (at once if the server refuses it for good, a 5xx);
- a row left in `sending` (the worker died while handing it over) is never
  sent again by itself: the admin lists it as unknown, to be checked by a
  person before they send it again (`send_again`).

`deliver_due` delivers every queued row that is due: the relay that picks
up retries on a backend that cannot defer a task, and any row whose task
was lost (the process died between the commit and the enqueue). Run it
every minute or so (the schedule).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import logging
import smtplib
import uuid
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task

from gci.site.models import OutboxEmail, OutboxState

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)

# Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th is the last.
BACKOFF = [dt.timedelta(minutes=m) for m in (1, 5, 30, 120)]
BATCH_SIZE = 200


def transport() -> BaseEmailBackend:
    """A connection to the real mail server (`EMAIL_URL`), not the outbox."""
    return get_connection(settings.GCI_EMAIL_TRANSPORT)


# --- Writing -------------------------------------------------------------

_batch: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "gci_outbox_batch", default=None
)


@contextlib.contextmanager
def batch() -> Iterator[None]:
    """Rows queued inside go out in one task (one connection), enqueued when
    the transaction commits."""
    if _batch.get() is not None:  # already in one
        yield
        return
    ids: list[int] = []
    token = _batch.set(ids)
    try:
        yield
    finally:
        _batch.reset(token)
    if ids:
        enqueue_on_commit(ids)


def queue(rows: Sequence[OutboxEmail], log: models.Model | None = None) -> list[int]:
    """Write `rows` (unsaved) to the outbox, tied to the "sent once" row
    `log` if given, and have them delivered once the transaction commits."""
    if not rows:
        return []
    if log is not None:
        log_type = ContentType.objects.get_for_model(log)
        for row in rows:
            row.log_type, row.log_id = log_type, log.pk
    created = OutboxEmail.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    pending = _batch.get()
    if pending is not None:
        pending.extend(ids)
    else:
        enqueue_on_commit(ids)
    return ids


def enqueue_on_commit(ids: list[int]) -> None:
    # robust: a queue that cannot be reached must not fail the request whose
    # data is committed already; the rows wait for `deliver_due`.
    for start in range(0, len(ids), BATCH_SIZE):
        transaction.on_commit(
            partial(deliver.enqueue, ids[start : start + BATCH_SIZE]), robust=True
        )


# --- Delivering ----------------------------------------------------------


@task()
def deliver(ids: list[int]) -> int:
    """Deliver the outbox rows `ids` that are still queued and due, through
    one connection; returns how many left."""
    return send_rows(OutboxEmail.objects.filter(pk__in=ids))


@task()
def deliver_due() -> int:
    """Deliver every queued row that is due, in batches; returns how many left."""
    sent = 0
    while True:
        ids = list(
            OutboxEmail.objects.due().order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE]
        )
        claimed = claim(OutboxEmail.objects.filter(pk__in=ids)) if ids else []
        if not claimed:  # nothing due, or other workers took it all
            return sent
        sent += send_claimed(claimed)


def claim(rows: models.QuerySet[OutboxEmail]) -> list[OutboxEmail]:
    """Take the queued, due rows among `rows` for this run: one UPDATE whose
    condition is the state, so a row another worker took is not taken."""
    token = uuid.uuid4().hex
    now = timezone.now()
    rows.filter(state=OutboxState.QUEUED, next_attempt__lte=now).update(
        state=OutboxState.SENDING, claim=token, claimed_at=now
    )
    return list(OutboxEmail.objects.filter(claim=token, state=OutboxState.SENDING).order_by("pk"))


def send_rows(rows: models.QuerySet[OutboxEmail]) -> int:
    return send_claimed(claim(rows))


def send_claimed(claimed: list[OutboxEmail]) -> int:
    """Send the rows this run claimed, through one connection."""
    if not claimed:
        return 0
    sent = 0
    connection = transport()
    with contextlib.suppress(Exception):  # if it stays shut, each send says so
        connection.open()
    try:
        for row in claimed:
            try:
                accepted = connection.send_messages([as_email(row, connection)])
                if not accepted:
                    raise smtplib.SMTPException("The mail server did not take the message")
            except Exception as error:
                logger.exception("Email %s (%s) to %s not sent", row.pk, row.cause, row.to)
                failed(row, error)
                _reopen(connection)
            else:
                sent += 1
                OutboxEmail.objects.filter(pk=row.pk).update(
                    state=OutboxState.SENT,
                    sent_at=timezone.now(),
                    attempts=row.attempts + 1,
                    last_error="",
                    body="",
                    alternatives=[],
                )
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    follow_logs(claimed)
    return sent


def as_email(row: OutboxEmail, connection: BaseEmailBackend) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        row.subject,
        row.body,
        from_email=row.from_email or None,
        to=[address.strip() for address in row.to.split(",") if address.strip()],
        cc=row.cc,
        bcc=row.bcc,
        reply_to=row.reply_to,
        headers=row.headers,
        alternatives=[tuple(alternative) for alternative in row.alternatives],
        connection=connection,
    )
    email.content_subtype = row.content_subtype
    return email


def failed(row: OutboxEmail, error: Exception) -> None:
    """Record the failed attempt; queue the row again after its back-off, or
    give up (after the last wait, or at once when the refusal is final)."""
    attempts = row.attempts + 1
    started = row.claimed_at or timezone.now()  # the attempt's start
    final = is_permanent(error) or attempts > len(BACKOFF)
    update: dict[str, Any] = {"attempts": attempts, "last_error": describe(error), "claim": ""}
    if final:
        update["state"] = OutboxState.FAILED
    else:
        update["state"] = OutboxState.QUEUED
        update["next_attempt"] = started + BACKOFF[attempts - 1]
    OutboxEmail.objects.filter(pk=row.pk).update(**update)
    if not final and deliver.get_backend().supports_defer:
        deliver.using(run_after=update["next_attempt"]).enqueue([row.pk])
    # Otherwise `deliver_due`, on the schedule, picks it up when it is due.


def is_permanent(error: Exception) -> bool:
    """A refusal that trying again will not change: a 5xx reply, or an
    address Django cannot even encode."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return isinstance(error, ValueError)


def describe(error: Exception) -> str:
    """The error on one line, without what could be secret: the type and the
    server's reply, never the connection's settings."""
    text = f"{type(error).__name__}: {error}"
    return " ".join(text.split())[:500]


def _reopen(connection: BaseEmailBackend) -> None:
    with contextlib.suppress(Exception):
        connection.close()
    with contextlib.suppress(Exception):
        connection.open()


def follow_logs(rows: Iterable[OutboxEmail]) -> None:
    """Keep the `failed` record of each "sent once" log true: the addresses
    whose email finally failed, with the error, one a line."""
    logs = {(row.log_type_id, row.log_id) for row in rows if row.log_type_id and row.log_id}
    for log_type_id, log_id in logs:
        model = ContentType.objects.get_for_id(log_type_id).model_class()
        if model is None:
            continue
        lines = [
            f"{to}: {error}"
            for to, error in OutboxEmail.objects.filter(
                log_type_id=log_type_id, log_id=log_id, state=OutboxState.FAILED
            )
            .order_by("pk")
            .values_list("to", "last_error")
        ]
        model._default_manager.filter(pk=log_id).update(failed="\n".join(lines))


# --- A person's decision -------------------------------------------------


def send_again(row: OutboxEmail, user: AbstractBaseUser | AnonymousUser | None = None) -> bool:
    """Queue a failed or unknown row once more, at a person's request."""
    if not row.can_send_again:
        return False
    condition = models.Q(state=OutboxState.FAILED) | models.Q(
        state=OutboxState.SENDING, claimed_at=row.claimed_at
    )
    updated = OutboxEmail.objects.filter(condition, pk=row.pk).update(
        state=OutboxState.QUEUED,
        attempts=0,
        next_attempt=timezone.now(),
        claim="",
        resent_by=user if user is not None and user.is_authenticated else None,
    )
    if updated:
        enqueue_on_commit([row.pk])
    return bool(updated)
