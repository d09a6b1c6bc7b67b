"""The one path for templated mail (gci.site.mail): each recipient's
language, one connection per batch, a "sent once" email never sent twice,
and a failure for one recipient retried, then recorded, without stopping
the others. Mail is queued in the outbox and leaves when the transaction
commits (`sending` runs the commit callbacks: the delivery task)."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from wagtail.users.models import UserProfile

from gci.calendar.models import ActionPoint, ReminderLog
from gci.calendar.reminders import send_reminders
from gci.home.models import Membership, PartnerOrganisation, PartnersAreaPage
from gci.materials.models import Material
from gci.site.mail import Due, addresses_of, send_once, send_templated
from gci.site.models import OutboxEmail, OutboxState
from gci.site.outbox import BACKOFF, deliver_due
from tests.factories.calendar import days_from_today, make_event, planning_index
from tests.factories.home import UserFactory

pytestmark = pytest.mark.django_db


class CountingBackend(EmailBackend):
    """locmem that opens and closes like the SMTP backend, and counts the opens."""

    opened = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_open = False

    def open(self):
        if self.is_open:
            return False
        CountingBackend.opened += 1
        self.is_open = True
        return True

    def close(self):
        self.is_open = False

    def send_messages(self, messages):
        new_connection = self.open()
        try:
            return super().send_messages(messages)
        finally:
            if new_connection:
                self.close()


class RefusingBackend(EmailBackend):
    """locmem, except that addresses starting with "refused" fail."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.startswith("refused") for address in message.to):
                raise ConnectionResetError("Connection reset by peer")
        return super().send_messages(messages)


@pytest.fixture
def counting(settings):
    settings.GCI_EMAIL_TRANSPORT = f"{CountingBackend.__module__}.CountingBackend"
    CountingBackend.opened = 0
    return CountingBackend


@pytest.fixture
def refusing(settings):
    settings.GCI_EMAIL_TRANSPORT = f"{RefusingBackend.__module__}.RefusingBackend"


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """Run the commit callbacks (the delivery task) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def retry_later(wait):
    """`wait` has passed: each waiting row is due, and the schedule's
    `deliver_due` runs. Returns how many emails left."""
    for row in OutboxEmail.objects.filter(state=OutboxState.QUEUED):
        assert row.next_attempt - row.claimed_at == wait  # the back-off asked for
        row.next_attempt = row.claimed_at
        row.save(update_fields=["next_attempt"])
    return deliver_due.enqueue().return_value


@pytest.fixture
def action_point():
    meeting = make_event(
        planning_index(), "Sixth Partners meeting", days_from_today(-30), kind="partners_meeting"
    )
    return ActionPoint.objects.create(
        meeting=meeting, text="Send the slides", due_date=days_from_today(3)
    )


def approved():
    return Material(title="Ozone smuggling", status="approved")


def reminder(point, recipients):
    return Due(
        key={"action_point": point, "kind": "upcoming", "due": point.due_date},
        template="materials/email/decided",
        context={"material": approved(), "suitcase_url": "/"},
        recipients=recipients,
    )


def test_a_batch_goes_through_one_connection(counting, sending):
    with sending():
        sent = send_templated(
            "materials/email/decided",
            {"material": approved(), "suitcase_url": "/"},
            ["a@example.org", "b@example.org", "c@example.org"],
        )
        assert not mail.outbox  # nothing leaves before the commit
    assert sent == 3
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["b@example.org"], ["c@example.org"]]
    assert counting.opened == 1


def test_a_reminder_run_goes_through_one_connection(counting, action_point, sending):
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    ActionPoint.objects.exclude(pk=action_point.pk).delete()  # the demo's own points
    late = ActionPoint.objects.create(
        meeting=action_point.meeting, text="Send the survey", due_date=days_from_today(-1)
    )
    for point in (action_point, late):
        point.owners.set([wco])
    with sending():
        queued = send_reminders()
    assert queued == 2 * Membership.objects.filter(organisation=wco).count()
    assert len(mail.outbox) == queued
    assert counting.opened == 1


def test_each_recipient_gets_the_mail_in_their_language(sending):
    french = UserFactory(email="fr@example.org")
    UserProfile.objects.create(user=french, preferred_language="fr")
    english = UserFactory(email="en@example.org")
    with sending():
        send_templated(
            "materials/email/decided",
            {"material": approved(), "suitcase_url": "/"},
            addresses_of([french, english]),
        )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["fr@example.org"] == "[Green Customs] Ajouté à la valise : Ozone smuggling"
    assert subjects["en@example.org"] == "[Green Customs] In the suitcase: Ozone smuggling"


def test_a_reminder_links_to_the_partners_area_in_each_recipients_language(action_point, sending):
    wco = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")
    ActionPoint.objects.exclude(pk=action_point.pk).delete()  # the demo's own points
    action_point.owners.set([wco])
    french = UserFactory(email="fr@wco.example.org")
    Membership.objects.create(user=french, organisation=wco)
    UserProfile.objects.create(user=french, preferred_language="fr")
    others = [m.user for m in Membership.objects.filter(organisation=wco).exclude(user=french)]
    area = {
        language: PartnersAreaPage.objects.live().get(locale__language_code=language).get_full_url()
        for language in ("en", "fr")
    }
    assert area["en"] != area["fr"]
    with sending():
        send_reminders()
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert area["fr"] in bodies[french.email]
    assert area["en"] not in bodies[french.email]
    assert others  # the demo's WCO member, no language chosen
    for user in others:
        assert area["en"] in bodies[user.email]


def test_a_language_the_site_does_not_offer_falls_back_to_the_default():
    user = UserFactory(email="de@example.org")
    UserProfile.objects.create(user=user, preferred_language="de")
    assert addresses_of([user]) == [("de@example.org", None)]


def test_the_same_email_is_not_sent_twice_when_the_loop_runs_twice(action_point, sending):
    with sending():
        assert send_once(ReminderLog, [reminder(action_point, ["p@example.org"])]) == 1
    with sending():
        assert send_once(ReminderLog, [reminder(action_point, ["p@example.org"])]) == 0
    assert len(mail.outbox) == 1
    assert ReminderLog.objects.filter(action_point=action_point).count() == 1


def test_a_failure_for_one_recipient_is_retried_then_recorded_and_the_others_get_it(
    refusing, action_point, sending
):
    due = reminder(action_point, ["a@example.org", "refused@example.org", "z@example.org"])
    with sending():
        assert send_once(ReminderLog, [due]) == 3
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["z@example.org"]]
    log = ReminderLog.objects.get(action_point=action_point)
    assert log.recipients == "a@example.org, refused@example.org, z@example.org"
    assert log.failed == ""  # not failed yet: it is tried again
    for wait in BACKOFF:
        assert retry_later(wait) == 0
    refused = OutboxEmail.objects.get(to="refused@example.org")
    assert refused.state == OutboxState.FAILED
    assert refused.attempts == len(BACKOFF) + 1
    log.refresh_from_db()
    assert log.failed.startswith("refused@example.org: ConnectionResetError")
    assert len(mail.outbox) == 2


def test_when_nobody_got_it_the_outbox_tries_again(refusing, settings, action_point, sending):
    with sending():
        assert send_once(ReminderLog, [reminder(action_point, ["refused@example.org"])]) == 1
    assert not mail.outbox
    assert OutboxEmail.objects.get().state == OutboxState.QUEUED
    settings.GCI_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    with sending():  # the next reminder run does not send it again…
        assert send_once(ReminderLog, [reminder(action_point, ["refused@example.org"])]) == 0
    assert retry_later(BACKOFF[0]) == 1  # …the outbox does, once
    assert [m.to for m in mail.outbox] == [["refused@example.org"]]
    assert ReminderLog.objects.filter(action_point=action_point).count() == 1


class UnreachableBackend(EmailBackend):
    """A mail server that cannot be reached at all."""

    def open(self):
        raise ConnectionRefusedError("Connection refused")

    def send_messages(self, messages):
        self.open()


def test_an_unreachable_server_loses_no_reminder(settings, action_point, sending):
    settings.GCI_EMAIL_TRANSPORT = f"{UnreachableBackend.__module__}.UnreachableBackend"
    with sending():
        assert send_once(ReminderLog, [reminder(action_point, ["p@example.org"])]) == 1
    row = OutboxEmail.objects.get()
    assert row.state == OutboxState.QUEUED
    assert row.last_error == "ConnectionRefusedError: Connection refused"
    settings.GCI_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    assert retry_later(BACKOFF[0]) == 1
    assert [m.to for m in mail.outbox] == [["p@example.org"]]
