"""Bad text in a title never breaks a request or the mail (security issue
#12, finding B). Every email goes through gci.site.mail: single-line
subjects, one copy per recipient, a failure for one logged and the others
still sent."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from gci.home.roles import SECRETARIAT
from gci.materials.models import Material
from gci.site.forms import SingleLineField
from gci.site.mail import email_subject, send_templated
from gci.site.models import OutboxEmail, OutboxState
from tests.factories.materials import submission_data

pytestmark = pytest.mark.django_db

SUBMIT = "/en/partners-area/gci-suitcase/submit/"
INJECTED = "line1\nBcc: x@example.org"


class RefusingBackend(EmailBackend):
    """Delivers like locmem, except to addresses starting with "refused",
    which fail as an address Django cannot encode does (a ValueError, not
    the OSError of a network failure)."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.startswith("refused") for address in message.to):
                raise ValueError("Invalid address")
        return super().send_messages(messages)


def form_data(**overrides):
    return submission_data(link_url="https://example.org/ozone", **overrides)


def secretariat_member(email):
    user = get_user_model().objects.create_user(username=email, email=email)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


def secretariat_emails():
    return set(
        get_user_model()
        .objects.filter(groups__name=SECRETARIAT, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def test_a_title_with_a_newline_gets_the_normal_confirmation_and_the_mail(
    client, cites_user, django_capture_on_commit_callbacks
):
    secretariat_member("second@example.org")
    client.force_login(cites_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, form_data(title=INJECTED))
    assert response.status_code == 302 and response["Location"].endswith("/my-submissions/")
    page = client.get(response["Location"]).content.decode()
    assert "has been sent to the Secretariat for approval" in page
    material = Material.objects.get(title__startswith="line1")
    assert material.title == "line1 Bcc: x@example.org"  # one line, as a title is
    assert sorted(to for message in mail.outbox for to in message.to) == sorted(
        secretariat_emails()
    )
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert "line1 Bcc: x@example.org" in message.subject
        assert "x@example.org" not in message.bcc + message.cc + message.to
        headers = message.message().as_string().split("\n\n", 1)[0]
        assert not any(line.startswith("Bcc:") for line in headers.splitlines())


def test_a_subject_never_carries_a_newline_whatever_the_title(django_capture_on_commit_callbacks):
    for text in (INJECTED, "a\r\nb", "a\rb", "a\u2028b", "a\x0bb", "a\x85b", "  a\t\tb  "):
        subject = email_subject(text)
        assert subject.startswith("[Green Customs] ")
        assert subject.isprintable(), repr(subject)
    material = Material(title=INJECTED, status="approved")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox's task
        sent = send_templated(
            "materials/email/decided",
            {"material": material, "suitcase_url": "/"},
            ["p@example.org"],
        )
    assert sent == 1
    assert mail.outbox[0].subject == "[Green Customs] In the suitcase: line1 Bcc: x@example.org"
    assert mail.outbox[0].message()["Bcc"] is None


def test_a_recipient_the_server_refuses_does_not_stop_the_others(
    client, cites_user, settings, caplog, django_capture_on_commit_callbacks
):
    settings.GCI_EMAIL_TRANSPORT = f"{RefusingBackend.__module__}.RefusingBackend"
    secretariat_member("refused@example.org")
    secretariat_member("zz-after@example.org")
    client.force_login(cites_user)
    with (
        caplog.at_level(logging.ERROR, logger="gci.site.outbox"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(SUBMIT, form_data())
    assert response.status_code == 302
    assert Material.objects.filter(title__startswith="Ozone smuggling").exists()
    delivered = {to for message in mail.outbox for to in message.to}
    assert delivered == secretariat_emails() - {"refused@example.org"}
    assert "zz-after@example.org" in delivered
    [record] = caplog.records
    assert "refused@example.org" in record.getMessage() and record.exc_info
    # An address that cannot be encoded will never go: failed at once, for
    # the Secretariat to see.
    refused = OutboxEmail.objects.get(to="refused@example.org")
    assert (refused.state, refused.attempts) == (OutboxState.FAILED, 1)
    assert refused.last_error == "ValueError: Invalid address"


def test_a_single_line_field_folds_control_characters():
    field = SingleLineField(max_length=50)
    assert field.clean(" Ozone\r\n smuggling\x00\tcases ") == "Ozone smuggling cases"
