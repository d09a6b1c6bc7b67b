"""A member who changes how they hear of circulations loses nothing and is
told nothing twice (gci.home.circulation.sending).

Digest → each: what waited for their next digest and they have not opened is
emailed at once, one email per circulation (through the "each" sent-once
log), and is then in no digest. Each → digest: what was emailed is in no
digest; what was not emailed yet (the circulation's task had not run) is in
their first digest."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from gci.home.circulation.models import (
    Circulation,
    CirculationDelivery,
    CirculationMailLog,
    CirculationPreference,
)
from gci.home.circulation.sending import circulate, send_digests
from tests.home.test_circulation import meeting_page, org

pytestmark = pytest.mark.django_db

PREFERENCES = "/en/circulated/preferences/"
MONDAY = dt.date(2026, 12, 14)


@pytest.fixture
def make_circulation(django_capture_on_commit_callbacks, secretariat_user):
    def make(message=""):
        with django_capture_on_commit_callbacks(execute=True):
            circulation = Circulation.objects.create(
                page=meeting_page(), message=message, sent_by=secretariat_user
            )
            circulation.organisations.set([org("CITES")])
            circulate(circulation)
        return circulation

    return make


@pytest.fixture
def choose(cites_user, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(cites_user)

    def post(frequency):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(PREFERENCES, {"frequency": frequency}, follow=True)
        assert response.status_code == 200
        assert CirculationPreference.of(cites_user) == frequency
        return response

    return post


@pytest.fixture
def digest(django_capture_on_commit_callbacks):
    def run(day=MONDAY):
        with django_capture_on_commit_callbacks(execute=True):
            return send_digests(day)

    return run


def told(user, circulation):
    """How many emails (one each or a digest) named ``circulation`` to ``user``."""
    link = f"/circulated/{circulation.pk}/"
    return sum(1 for m in mail.outbox if m.to == [user.email] and link in m.body)


def delivery(user, circulation):
    return CirculationDelivery.objects.get(user=user, circulation=circulation)


def test_digest_to_each_emails_what_waited_at_once_and_only_once(
    make_circulation, choose, digest, cites_user
):
    choose("digest")
    first = make_circulation("Slides of Brussels")
    second = make_circulation("Minutes")
    opened = make_circulation("Already read")
    CirculationDelivery.objects.filter(circulation=opened, user=cites_user).update(
        opened_at=timezone.now()
    )
    assert not [m for m in mail.outbox if m.to == [cites_user.email]]  # digest reader

    response = choose("each")
    assert "emailed to you now" in response.content.decode()
    # One email per waiting circulation, at the switch; not the opened one.
    assert told(cites_user, first) == 1 and told(cites_user, second) == 1
    assert told(cites_user, opened) == 0
    for circulation in (first, second):
        assert delivery(cites_user, circulation).emailed_at is not None
        assert CirculationMailLog.objects.filter(
            kind="each", circulation=circulation, user=cites_user
        ).exists()
    bodies = [m.body for m in mail.outbox if m.to == [cites_user.email]]
    assert any("Slides of Brussels" in b for b in bodies)

    # Nothing twice: no digest lists them (even if the digest runs, or the
    # member goes back to the digest), and switching again resends nothing.
    assert digest() == 0
    choose("digest")
    assert digest(MONDAY + dt.timedelta(days=7)) == 0
    choose("each")
    assert told(cites_user, first) == 1 and told(cites_user, second) == 1
    # A new circulation is emailed as it goes out.
    third = make_circulation()
    assert told(cites_user, third) == 1


def test_digest_to_each_with_nothing_waiting_sends_nothing(choose, cites_user, make_circulation):
    choose("digest")
    read = make_circulation()
    CirculationDelivery.objects.filter(user=cites_user).update(opened_at=timezone.now())
    response = choose("each")
    assert "emailed to you now" not in response.content.decode()
    assert told(cites_user, read) == 0


def test_digest_to_each_after_the_digest_went_sends_only_what_came_since(
    make_circulation, choose, digest, cites_user
):
    choose("digest")
    in_digest = make_circulation()
    assert digest() == 1
    assert told(cites_user, in_digest) == 1
    later = make_circulation()
    choose("each")
    assert told(cites_user, in_digest) == 1  # not again
    assert told(cites_user, later) == 1


def test_each_to_digest_never_lists_what_was_emailed(make_circulation, choose, digest, cites_user):
    choose("each")
    emailed = make_circulation()
    assert told(cites_user, emailed) == 1
    choose("digest")
    after = make_circulation()
    assert told(cites_user, after) == 0  # waits for the digest
    assert digest() == 1
    digests = [m for m in mail.outbox if m.to == [cites_user.email]]
    assert f"/circulated/{after.pk}/" in digests[-1].body
    assert f"/circulated/{emailed.pk}/" not in digests[-1].body
    assert told(cites_user, emailed) == 1 and told(cites_user, after) == 1


def test_each_to_digest_before_the_email_left_puts_it_in_the_digest(
    choose, digest, cites_user, secretariat_user
):
    """The circulation's task had not run when the member switched: it then
    skips them, and the digest carries the item (not dropped)."""
    choose("each")
    from gci.home.circulation.sending import make_deliveries, send_circulation

    circulation = Circulation.objects.create(page=meeting_page(), sent_by=secretariat_user)
    circulation.organisations.set([org("CITES")])
    make_deliveries(circulation)  # recorded; the email task not run yet
    choose("digest")
    send_circulation.call(circulation.pk)
    assert told(cites_user, circulation) == 0
    assert digest() == 1
    assert told(cites_user, circulation) == 1
    assert delivery(cites_user, circulation).digested_at is not None
    choose("each")
    assert told(cites_user, circulation) == 1  # was in the digest: not again


def test_switching_back_before_the_task_ran_leaves_it_for_the_digest(
    make_circulation, cites_user, digest, django_capture_on_commit_callbacks
):
    """The switch's task finds the member back on the digest: it sends
    nothing, and the digest still lists the item."""
    from gci.home.circulation.sending import send_pending

    CirculationPreference.objects.create(user=cites_user, frequency="digest")
    waiting = make_circulation()
    assert send_pending.call(cites_user.pk) == 0
    assert told(cites_user, waiting) == 0
    assert digest() == 1 and told(cites_user, waiting) == 1
