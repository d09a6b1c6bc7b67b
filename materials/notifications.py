"""Emails of the suitcase: the Secretariat hears of each submission, the
Partner hears of the decision. Sent after the transaction commits, in the
site's default language through gci.site.mail: a title with a newline or a
mail server refusing one address never loses the submission nor stops the
other emails."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from gci.home.roles import SECRETARIAT
from gci.site.mail import send_templated_mail


def _send(template, context, recipients):
    send_templated_mail(f"materials/email/{template}", context, recipients)


def submission_received(material):
    def send():
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=SECRETARIAT, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
            .order_by("email")
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
