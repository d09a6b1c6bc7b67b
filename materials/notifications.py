"""Emails of the suitcase: the Secretariat hears of each submission, the
Partner hears of the decision. Sent after the transaction commits, in the
site's default language; a mail server failure never loses the submission."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from gci.home.roles import SECRETARIAT

logger = logging.getLogger(__name__)


def _send(template, context, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"materials/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"materials/email/{template}_message.txt", context)
    for address in recipients:  # each person sees only their own address
        try:
            send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [address])
        except OSError:
            logger.exception("Suitcase email %s to %s not sent", template, address)


def submission_received(material):
    def send():
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=SECRETARIAT, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        review_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "suitcase_submissions:edit", args=[material.pk]
        )
        _send("submitted", {"material": material, "review_url": review_url}, recipients)

    transaction.on_commit(send)


def decision_made(material, suitcase_url):
    user = material.submitted_by
    if user is None or not user.email:
        return

    def send():
        _send("decided", {"material": material, "suitcase_url": suitcase_url}, [user.email])

    transaction.on_commit(send)
