"""Emails of the suitcase: the Secretariat hears of each submission, the
Partner hears of the decision. Sent after the transaction commits, in each
recipient's language through gci.site.mail: a title with a newline or a
mail server refusing one address never loses the submission nor stops the
other emails."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from gci.home.roles import secretariat_members
from gci.site.mail import addresses_of, send_templated


def _send(template, context, users):
    send_templated(f"materials/email/{template}", context, addresses_of(users))


def submission_received(material):
    def send():
        recipients = secretariat_members().exclude(email="")
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
        _send("decided", {"material": material, "suitcase_url": suitcase_url}, [user])

    transaction.on_commit(send)
