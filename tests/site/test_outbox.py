"""The outbox (gci.site.outbox): every email is a row written with what
caused it and delivered by a task after the commit; a row is claimed by one
worker only; a refusal is retried with back-off, then recorded for the
Secretariat, who alone see the outbox and decide to send again. A failing
mail server neither loses nor duplicates a reminder; the real worker
process delivers from the real queue."""

import asyncio
import datetime as dt
import logging
import socket
import sqlite3

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail import send_mail
from django.utils import timezone

from gci.calendar.models import ActionPoint
from gci.calendar.reminders import send_reminders
from gci.home.models import Membership, PartnerOrganisation
from gci.site.models import OutboxEmail, OutboxState
from gci.site.outbox import BACKOFF, claim, deliver, deliver_due
from tests.factories.calendar import days_from_today, make_event, planning_index
from tests.factories.materials import submission_data
from tests.helpers import force_login_with_totp, run_manage

pytestmark = pytest.mark.django_db

SUBMIT = "/en/partners-area/gci-suitcase/submit/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class FlakyServer:
    """An SMTP server that answers "451 try again later" to the first
    `refusals` messages, then accepts; keeps what it accepted."""

    def __init__(self, refusals=0):
        self.refusals = refusals
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0)
        if self.refusals:
            self.refusals -= 1
            return "451 4.3.0 Try again later"
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    handler = FlakyServer()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


@pytest.fixture
def smtp_transport(settings, smtp_server):
    handler, port = smtp_server
    settings.GCI_EMAIL_TRANSPORT = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return handler


def row(**fields):
    values = {"to": "p@example.org", "subject": "Hello", "body": "Body", **fields}
    return OutboxEmail.objects.create(**values)


def test_a_request_that_sends_mail_only_queues_it(
    client, cites_user, django_capture_on_commit_callbacks
):
    client.force_login(cites_user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(SUBMIT, submission_data(link_url="https://example.org/ozone"))
    assert response.status_code == 302
    assert not mail.outbox  # no mail server in the request
    # The submission's own callback queues the rows; the queue's callback
    # then hands them to the task.
    for callback in callbacks:
        with django_capture_on_commit_callbacks(execute=True):
            callback()
    rows = OutboxEmail.objects.filter(cause="materials/email/submitted")
    assert rows.exists()
    assert set(rows.values_list("state", flat=True)) == {OutboxState.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(rows.values_list("to", flat=True))


def test_nothing_is_sent_for_a_rolled_back_transaction(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "gci.site.mail.OutboxBackend"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail("Hello", "Body", None, ["p@example.org"])
    assert OutboxEmail.objects.get().cause == "tests.site"  # who sent it
    assert len(callbacks) == 1  # delivery waits for a commit that never comes
    assert not mail.outbox


def test_django_mail_goes_through_the_outbox(settings, django_capture_on_commit_callbacks):
    """allauth's and Wagtail's mail (Django's send_mail) takes the same path."""
    settings.EMAIL_BACKEND = "gci.site.mail.OutboxBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Hello", "Body", "a@example.org", ["p@example.org"], html_message="<p>Body</p>")
    [email] = mail.outbox
    assert (email.to, email.subject, email.from_email) == (
        ["p@example.org"],
        "Hello",
        "a@example.org",
    )
    assert email.alternatives[0].mimetype == "text/html"
    sent = OutboxEmail.objects.get()
    assert sent.state == OutboxState.SENT
    assert sent.body == ""  # dropped once it left: it may hold a sign-in link


def test_error_reports_to_admins_skip_the_outbox(settings):
    """They must leave when the database is what failed."""
    settings.ADMINS = [("ops", "ops@example.org")]
    settings.EMAIL_BACKEND = "gci.site.mail.OutboxBackend"
    logging.getLogger("django.request").error("Internal Server Error: /boom")
    assert [m.to for m in mail.outbox] == [["ops@example.org"]]
    assert not OutboxEmail.objects.exists()


def test_a_row_is_claimed_by_one_worker_only():
    email = row()
    first = claim(OutboxEmail.objects.filter(pk=email.pk))
    second = claim(OutboxEmail.objects.filter(pk=email.pk))
    assert [claimed.pk for claimed in first] == [email.pk]
    assert second == []
    assert deliver.enqueue([email.pk]).return_value == 0  # taken: not sent twice
    assert not mail.outbox


def test_a_batch_is_sent_through_one_connection(settings, smtp_transport, monkeypatch):
    from django.core.mail.backends.smtp import EmailBackend

    opened = []
    real_open = EmailBackend.open

    def counting_open(self):  # Django calls it per send; it connects only once
        if self.connection is None:
            opened.append(1)
        return real_open(self)

    monkeypatch.setattr(EmailBackend, "open", counting_open)
    rows = [row(to=f"p{n}@example.org") for n in range(3)]
    assert deliver.enqueue([r.pk for r in rows]).return_value == 3
    assert len(smtp_transport.received) == 3
    assert len(opened) == 1


def test_a_refusal_is_retried_with_back_off_then_failed(settings, smtp_transport):
    smtp_transport.refusals = 100
    email = row()
    assert deliver.enqueue([email.pk]).return_value == 0
    for attempt, wait in enumerate(BACKOFF, start=1):
        email.refresh_from_db()
        assert (email.state, email.attempts) == (OutboxState.QUEUED, attempt)
        assert email.next_attempt - email.claimed_at == wait
        assert deliver_due.enqueue().return_value == 0  # not due yet: nothing tried
        email.refresh_from_db()
        assert email.attempts == attempt
        OutboxEmail.objects.filter(pk=email.pk).update(next_attempt=timezone.now())
        deliver_due.enqueue()
    email.refresh_from_db()
    assert (email.state, email.attempts) == (OutboxState.FAILED, len(BACKOFF) + 1)
    assert email.last_error.startswith("SMTPDataError: (451")
    assert not smtp_transport.received


def test_a_row_left_sending_is_never_sent_again_by_itself():
    email = row(state=OutboxState.SENDING, claimed_at=timezone.now() - dt.timedelta(hours=1))
    assert email.is_unknown
    assert deliver_due.enqueue().return_value == 0
    assert deliver.enqueue([email.pk]).return_value == 0
    assert not mail.outbox


@pytest.fixture
def action_point():
    ActionPoint.objects.all().delete()  # the demo's own points
    meeting = make_event(
        planning_index(), "Sixth Partners meeting", days_from_today(-30), kind="partners_meeting"
    )
    point = ActionPoint.objects.create(
        meeting=meeting, text="Send the slides", due_date=days_from_today(3)
    )
    point.owners.set([PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")])
    return point


def test_a_failing_smtp_server_neither_loses_nor_duplicates_a_reminder(
    smtp_transport, action_point, django_capture_on_commit_callbacks
):
    members = sorted(
        Membership.objects.filter(
            organisation__acronym="WCO", organisation__locale__language_code="en"
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    assert members
    smtp_transport.refusals = len(members)  # the first attempt fails for each
    for _run in range(2):  # the reminders run twice (say, two schedulers)
        with django_capture_on_commit_callbacks(execute=True):
            send_reminders()
    assert not smtp_transport.received
    assert action_point.reminders.count() == 1  # one claim
    OutboxEmail.objects.update(next_attempt=timezone.now())  # the back-off has passed
    deliver_due.enqueue()
    deliver_due.enqueue()
    assert sorted(to for envelope in smtp_transport.received for to in envelope.rcpt_tos) == members
    assert action_point.reminders.get().failed == ""


# --- The Secretariat's view --------------------------------------------------

OUTBOX = "/admin/outbox/"


@pytest.fixture
def outbox_rows():
    row(subject="Was sent", state=OutboxState.SENT, sent_at=timezone.now(), body="")
    row(subject="Could not go", state=OutboxState.FAILED, attempts=5, last_error="SMTPDataError")
    row(
        subject="Left sending",
        state=OutboxState.SENDING,
        claimed_at=timezone.now() - dt.timedelta(hours=1),
        body="SECRET-SIGN-IN-LINK",
    )


def test_partners_never_see_the_outbox(client, cites_user, outbox_rows):
    force_login_with_totp(client, cites_user)
    response = client.get(OUTBOX)
    assert response.status_code != 200
    assert b"Could not go" not in response.content


def test_the_secretariat_sees_failures_and_unknowns_first(client, secretariat_user, outbox_rows):
    force_login_with_totp(client, secretariat_user)
    body = client.get(OUTBOX).content.decode()
    assert body.index("Could not go") < body.index("Was sent")
    assert body.index("Left sending") < body.index("Was sent")
    assert "Unknown: check before sending again" in body
    assert "SECRET-SIGN-IN-LINK" not in body
    failed_only = client.get(OUTBOX, {"state": "failed"}).content.decode()
    assert "Could not go" in failed_only and "Was sent" not in failed_only


def test_the_secretariat_sends_a_failed_email_again(
    client, secretariat_user, outbox_rows, django_capture_on_commit_callbacks
):
    force_login_with_totp(client, secretariat_user)
    failed = OutboxEmail.objects.get(subject="Could not go")
    inspect = client.get(f"{OUTBOX}inspect/{failed.pk}/").content.decode()
    assert f"{OUTBOX}send-again/{failed.pk}/" in inspect
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{OUTBOX}send-again/{failed.pk}/")
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.state, failed.resent_by) == (OutboxState.SENT, secretariat_user)
    assert [m.subject for m in mail.outbox] == ["Could not go"]


def test_a_sent_email_cannot_be_sent_again(client, secretariat_user, outbox_rows):
    force_login_with_totp(client, secretariat_user)
    sent = OutboxEmail.objects.get(subject="Was sent")
    client.post(f"{OUTBOX}send-again/{sent.pk}/")
    sent.refresh_from_db()
    assert sent.state == OutboxState.SENT
    assert not mail.outbox


# --- The real worker -----------------------------------------------------------


def test_the_real_worker_delivers_from_the_real_queue(tmp_path, smtp_server):
    handler, port = smtp_server
    env = {
        "DJANGO_SETTINGS_MODULE": "gci.site.settings.dev",
        "GCI_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "GCI_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DEBUG": "false",
    }
    migrate = run_manage("migrate", "--no-input", env_overrides=env, timeout=600)
    assert migrate.returncode == 0, migrate.stderr
    send = run_manage(
        "shell",
        "-c",
        "from django.core.mail import send_mail; "
        "send_mail('From the worker', 'Body', None, ['p@example.org'])",
        env_overrides=env,
    )
    assert send.returncode == 0, send.stderr
    assert not handler.received  # queued, not sent
    worker = run_manage(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", env_overrides=env
    )
    assert worker.returncode == 0, worker.stderr
    [envelope] = handler.received
    assert envelope.rcpt_tos == ["p@example.org"]
    assert b"Subject: From the worker" in envelope.content
    with sqlite3.connect(tmp_path / "queue.sqlite3") as db:
        assert db.execute("select state from gci_site_outboxemail").fetchall() == [("sent",)]
