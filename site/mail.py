"""Every email the site sends: one path, so no text ever breaks a header.

An email is two templates, ``<prefix>_subject.txt`` and
``<prefix>_message.txt``, rendered in one language. The subject is made
single-line (any run of whitespace or control characters, newlines included,
becomes one space) and prefixed, so a title someone typed with a newline can
neither make Django refuse the message (BadHeaderError) nor add a header.
Each recipient gets their own copy (they see only their own address); a
failure for one is logged and never stops the others, nor the request that
caused the mail.
"""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def single_line(text):
    """`text` on one line: controls and runs of whitespace become one space."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", str(text)).split())


def email_subject(text):
    """The subject line for `text`: the site's prefix, then `text`, on one line."""
    return single_line(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{single_line(text)}")


def render_mail(template_prefix, context, language=None):
    """(subject, body) of the email `template_prefix`, in `language`
    (the site's default language unless given)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}_message.txt", context)
    return email_subject(subject), body


def send_templated_mail(template_prefix, context, recipients, language=None):
    """Send the email to each address on its own; returns how many were sent.

    A failure for one address (the mail server refuses it, the connection
    drops) is logged with its traceback and the next address is tried."""
    subject, body = render_mail(template_prefix, context, language)
    sent = 0
    for address in dict.fromkeys(recipients):
        try:
            EmailMultiAlternatives(subject, body, to=[address]).send()
        except Exception:
            logger.exception("Email %s to %s not sent", template_prefix, address)
        else:
            sent += 1
    return sent
