"""Every email the site sends: one path, so no text ever breaks a header.

An email is two templates, ``<prefix>_subject.txt`` and
``<prefix>_message.txt``. The subject is made single-line (any run of
whitespace or control characters, newlines included, becomes one space) and
prefixed, so a title someone typed with a newline can neither make Django
refuse the message (BadHeaderError) nor add a header.

Sending is two steps, so the second can run as background work:

1. `compose` renders the templates once per language, in each recipient's
   language (the `language` asked for; else the recipient's preferred
   language, the one Wagtail keeps in their profile and uses for its own
   notifications; else the site's default), and returns plain dicts of
   strings, one per address: nothing in them refers to the database.
2. `deliver` sends them through one mail-server connection and says which
   went out. Each recipient gets their own copy (they see only their own
   address); a failure for one is logged with its traceback, recorded, and
   never stops the others, nor the request that caused the mail.

`send_templated` does both and, given a "sent once" log row
(`gci.home.sent_once.SentOnceLog`), records what failed in it. `send_once`
is the one loop for reminders and anything else that must go out at most
once: it claims a log row (a unique constraint) before sending.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser
    from django.core.mail.backends.base import BaseEmailBackend

    from gci.home.sent_once import SentOnceLog

logger = logging.getLogger(__name__)

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# A recipient: an address, or (address, language code or None).
Recipient = str | tuple[str, str | None]


class Message(TypedDict):
    """One composed email, for one address: plain strings only."""

    template: str
    to: str
    language: str
    subject: str
    body: str


def single_line(text: object) -> str:
    """`text` on one line: controls and runs of whitespace become one space."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", str(text)).split())


def email_subject(text: object) -> str:
    """The subject line for `text`: the site's prefix, then `text`, on one line."""
    return single_line(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{single_line(text)}")


def render_mail(
    template_prefix: str, context: dict[str, Any], language: str | None = None
) -> tuple[str, str]:
    """(subject, body) of the email `template_prefix`, in `language`
    (the site's default language unless given)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context)
    return email_subject(subject), body


def preferred_languages(users: Iterable[AbstractUser]) -> dict[int, str]:
    """{user id: language code} for those of `users` who chose a language the
    site has (in their Wagtail profile)."""
    from wagtail.users.models import UserProfile

    offered = dict(settings.LANGUAGES)
    return {
        user_id: language
        for user_id, language in UserProfile.objects.filter(
            user__in=[user.pk for user in users]
        ).values_list("user_id", "preferred_language")
        if language in offered
    }


def addresses_of(users: Iterable[AbstractUser]) -> list[tuple[str, str | None]]:
    """The recipients for `users`: (address, preferred language or None),
    sorted by address, once each, without the users who have no address."""
    with_address = [user for user in users if user.email]
    languages = preferred_languages(with_address)
    return sorted({user.email: languages.get(user.pk) for user in with_address}.items())


def compose(
    template_prefix: str,
    context: dict[str, Any],
    recipients: Iterable[Recipient],
    language: str | None = None,
) -> list[Message]:
    """The email `template_prefix` for each address, in its language: a list of
    {"template", "to", "language", "subject", "body"}, all strings."""
    rendered: dict[str, tuple[str, str]] = {}
    messages: list[Message] = []
    for address, own_language in _unique(recipients).items():
        chosen = language or own_language or settings.LANGUAGE_CODE
        if chosen not in rendered:
            rendered[chosen] = render_mail(template_prefix, context, chosen)
        subject, body = rendered[chosen]
        messages.append(
            {
                "template": template_prefix,
                "to": address,
                "language": chosen,
                "subject": subject,
                "body": body,
            }
        )
    return messages


def _unique(recipients: Iterable[Recipient]) -> dict[str, str | None]:
    """{address: language or None}, once each, in the order given."""
    addresses: dict[str, str | None] = {}
    for recipient in recipients:
        address, own_language = (recipient, None) if isinstance(recipient, str) else recipient
        addresses.setdefault(address, own_language)
    return addresses


@dataclass
class Outcome:
    """What `deliver` did: the addresses sent to, and {address: error} of the others."""

    sent: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    def record(self, log: SentOnceLog) -> None:
        """Write the failures, if any, into the "sent once" row `log`."""
        if self.failed:
            log.failed = "\n".join(f"{address}: {error}" for address, error in self.failed.items())
            log.save(update_fields=["failed"])


@contextlib.contextmanager
def mail_connection() -> Iterator[BaseEmailBackend]:
    """One open connection to the mail server for a batch of emails. If the
    server cannot be reached, each email tries again and its failure is
    logged and recorded like any other."""
    connection = get_connection()
    with contextlib.suppress(Exception):
        connection.open()
    try:
        yield connection
    finally:
        with contextlib.suppress(Exception):
            connection.close()


def deliver(messages: list[Message], connection: BaseEmailBackend | None = None) -> Outcome:
    """Send `messages` (from `compose`) through one connection, each on its own.

    A failure for one address (the server refuses it, the connection drops)
    is logged with its traceback and recorded in the outcome; the connection
    is then opened afresh and the next address is tried."""
    outcome = Outcome()
    if not messages:
        return outcome
    with contextlib.ExitStack() as stack:
        if connection is None:
            connection = stack.enter_context(mail_connection())
        for message in messages:
            email = EmailMultiAlternatives(
                message["subject"], message["body"], to=[message["to"]], connection=connection
            )
            try:
                connection.send_messages([email])
            except Exception as error:
                logger.exception("Email %s to %s not sent", message["template"], message["to"])
                outcome.failed[message["to"]] = single_line(repr(error))[:500]
                _reopen(connection)
            else:
                outcome.sent.append(message["to"])
    return outcome


def _reopen(connection: BaseEmailBackend) -> None:
    with contextlib.suppress(Exception):
        connection.close()
    with contextlib.suppress(Exception):  # if it stays shut, each send says so
        connection.open()


def send_templated(
    template_prefix: str,
    context: dict[str, Any],
    recipients: Iterable[Recipient],
    *,
    language: str | None = None,
    log: SentOnceLog | None = None,
    connection: BaseEmailBackend | None = None,
) -> int:
    """Send the email `template_prefix` to each recipient in their language;
    returns how many were sent. With `log` (a "sent once" row), what failed
    is recorded in it."""
    outcome = deliver(compose(template_prefix, context, recipients, language), connection)
    if log is not None:
        outcome.record(log)
    return len(outcome.sent)


@dataclass(frozen=True)
class Due:
    """One email that must go out at most once.

    `key`: the fields of the log row that make it unique (the constraint on
    the log model), e.g. {"action_point": point, "kind": "overdue",
    "due_date": date}; then the email's template, context and recipients."""

    key: dict[str, Any]
    template: str
    context: dict[str, Any]
    recipients: list[Recipient]


def send_once(log_model: type[SentOnceLog], due: Iterable[Due]) -> int:
    """Send every `due` email not sent before; returns the number of emails sent.

    For each, a `log_model` row is claimed (created with `key`) in the same
    transaction as the sending: if another run claimed it first (even on
    another machine at once), the unique constraint refuses the row and the
    email is skipped. If no recipient got it (each failure is logged), the
    claim is rolled back and the next run tries again; if some did, the row
    stays and records the addresses that failed. One connection serves the
    whole run."""
    pending = [item for item in due if item.recipients]
    if not pending:
        return 0
    sent = 0
    with mail_connection() as connection:
        for item in pending:
            addresses = _unique(item.recipients)
            try:
                with transaction.atomic():
                    log = log_model._default_manager.create(
                        **item.key, recipients=", ".join(addresses)
                    )
                    delivered = send_templated(
                        item.template,
                        item.context,
                        addresses.items(),
                        log=log,
                        connection=connection,
                    )
                    if not delivered:  # retried next run
                        transaction.set_rollback(True)
                    sent += delivered
            except IntegrityError:
                continue  # already sent (another run got there first)
    return sent
