"""Every email the site sends: one path, so no text ever breaks a header.

An email is two templates, ``<prefix>_subject.txt`` and
``<prefix>_message.txt``. The subject is made single-line (any run of
whitespace or control characters, newlines included, becomes one space) and
prefixed, so a title someone typed with a newline can neither make Django
refuse the message (BadHeaderError) nor add a header.

Every email leaves the request as background work (`gci.site.outbox`):

1. `compose` renders the templates once per language, in each recipient's
   language (the `language` asked for; else the recipient's preferred
   language, the one Wagtail keeps in their profile and uses for its own
   notifications; else the site's default), and returns plain dicts of
   strings, one per address: nothing in them refers to the database.
2. `send_templated` writes them to the outbox, one row per address (each
   recipient sees only their own address), in the current transaction;
   when it commits, a task delivers them through one connection, retries a
   failure with back-off, and records what finally failed where the
   Secretariat sees it (the admin's "Outgoing emails").

`send_once` is the one loop for reminders and anything else that must go
out at most once: it claims a log row (`gci.home.sent_once.SentOnceLog`, a
unique constraint) and queues the emails in one transaction; the log row
then records the addresses that finally failed.

`OutboxBackend`, the `EMAIL_BACKEND`, puts the mail that others send
through Django (allauth, Wagtail's notifications) on the same path.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import lazy

from gci.site import outbox
from gci.site.models import OutboxEmail

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

    from gci.home.sent_once import SentOnceLog

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


def in_each_language(build: Callable[[], str]) -> str:
    """A context value worked out anew in each language the email is rendered
    in (`render_mail` renders under the recipient's language): the link to a
    page's translation in the recipient's language, for example."""
    return lazy(build, str)()


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


def send_templated(
    template_prefix: str,
    context: dict[str, Any],
    recipients: Iterable[Recipient],
    *,
    language: str | None = None,
    log: SentOnceLog | None = None,
    cause_url: str = "",
) -> int:
    """Queue the email `template_prefix` for each recipient, in their
    language, in the outbox; returns how many were queued. They leave when
    the transaction commits, through a task. With `log` (a "sent once" row),
    the rows are tied to it and it records the addresses that finally failed."""
    rows = [
        OutboxEmail(
            to=message["to"],
            language=message["language"],
            subject=message["subject"],
            body=message["body"],
            from_email=settings.DEFAULT_FROM_EMAIL,
            cause=template_prefix[:100],
            cause_url=cause_url[:500],
        )
        for message in compose(template_prefix, context, recipients, language)
    ]
    return len(outbox.queue(rows, log=log))


class OutboxBackend(BaseEmailBackend):
    """The site's `EMAIL_BACKEND`: every email sent through Django (allauth's,
    Wagtail's notifications, `send_mail`) is written to the outbox and
    delivered by the task, like the templated ones. The real mail server is
    `GCI_EMAIL_TRANSPORT` (from `EMAIL_URL`); the errors mailed to ADMINS go
    straight to it (see LOGGING), so they leave even when the database is down."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        messages = [message for message in email_messages if message.recipients()]
        rows = []
        for message in messages:
            if message.attachments:  # not kept in the outbox: straight out
                outbox.transport().send_messages([message])
            else:
                rows.append(outbox_row(message))
        outbox.queue(rows)
        return len(messages)


def outbox_row(message: EmailMessage) -> OutboxEmail:
    alternatives = getattr(message, "alternatives", [])
    return OutboxEmail(
        to=", ".join(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        from_email=message.from_email or "",
        language=translation.get_language() or "",
        subject=str(message.subject),
        body=str(message.body),
        content_subtype=message.content_subtype,
        alternatives=[[str(content), mimetype] for content, mimetype in alternatives],
        headers={str(name): str(value) for name, value in message.extra_headers.items()},
        cause=caller()[:100],
    )


def caller() -> str:
    """Who sent the email: the package of the first caller outside the mail
    machinery (e.g. "allauth.account", "wagtail.admin")."""
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(("django.core.mail", "gci.site.mail", "gci.site.outbox")):
            return ".".join(module.split(".")[:2])
        frame = frame.f_back  # type: ignore[assignment]
    return ""


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
    """Queue every `due` email not sent before; returns the number queued.

    For each, a `log_model` row is claimed (created with `key`) and the
    emails written to the outbox in one transaction: if another run claimed
    it first (even on another machine at once), the unique constraint
    refuses the row and the email is skipped. Once committed, one task
    delivers the whole run through one connection, retrying a failure with
    back-off; the log row records the addresses that finally failed."""
    pending = [item for item in due if item.recipients]
    queued = 0
    with outbox.batch():
        for item in pending:
            addresses = _unique(item.recipients)
            try:
                with transaction.atomic():
                    log = log_model._default_manager.create(
                        **item.key, recipients=", ".join(addresses)
                    )
                    queued += send_templated(
                        item.template, item.context, addresses.items(), log=log
                    )
            except IntegrityError:
                continue  # already sent (another run got there first)
    return queued
