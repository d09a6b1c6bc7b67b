"""The Secretariat hears of each enforcement record a Partner sends (issue
#15, 3): one email per record to each active member, in their language,
with the link to the record in the admin, once committed. A refused form
sends nothing; the Partner's corrections of a record awaiting review send
nothing more; the Secretariat's own work in the admin sends nothing."""

import pytest
from django.core import mail

from gci.materials.choices import EnforcementState
from gci.materials.models import EnforcementRecord
from gci.site.models import OutboxEmail
from tests.helpers import force_login_with_totp
from tests.materials.test_enforcement import NEW, PARTNERS, form_data, make_record

pytestmark = pytest.mark.django_db

TEMPLATE = "materials/email/enforcement_submitted"


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


def told():
    """The emails of this kind that left, by the rows the outbox kept."""
    addresses = set(OutboxEmail.objects.filter(cause=TEMPLATE).values_list("to", flat=True))
    return [m for m in mail.outbox if m.to[0] in addresses and "Ivory" in m.subject]


def sent_rows():
    return list(OutboxEmail.objects.filter(cause=TEMPLATE).order_by("to"))


def test_a_record_sent_by_a_partner_is_one_email_to_each_secretariat_member(
    client, cites_user, committing, secretariat_addresses
):
    assert secretariat_addresses  # the demo has a Secretariat
    client.force_login(cites_user)
    response = committing(client.post, NEW, form_data(kind="prosecution"))
    assert response.status_code == 302
    record = EnforcementRecord.objects.get(title="Ivory bracelets in a suitcase")
    rows = sent_rows()
    assert [row.to for row in rows] == secretariat_addresses  # one each, once
    assert cites_user.email not in [row.to for row in rows]
    assert all(
        row.cause_url.endswith(f"/admin/enforcement_records/inspect/{record.pk}/") for row in rows
    )
    row = rows[0]
    assert "Ivory bracelets in a suitcase" in row.subject and "Prosecution" in row.subject
    assert "CITES" in row.subject or "Convention" in row.subject
    sent = told()  # they left the outbox (which then forgets the bodies)
    assert sorted(m.to[0] for m in sent) == secretariat_addresses
    body = sent[0].body
    assert f"/admin/enforcement_records/inspect/{record.pk}/" in body
    assert "Belgium" in body and "Review, correct and publish it in the admin" in body


@pytest.mark.parametrize("kind", ["seizure", "positive"])
def test_each_kind_is_told(client, cites_user, committing, secretariat_addresses, kind):
    client.force_login(cites_user)
    assert committing(client.post, NEW, form_data(kind=kind)).status_code == 302
    assert len(sent_rows()) == len(secretariat_addresses)


def test_each_member_reads_it_in_their_language(client, cites_user, secretariat_user, committing):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=secretariat_user, defaults={"preferred_language": "fr"}
    )
    client.force_login(cites_user)
    committing(client.post, NEW, form_data())
    assert OutboxEmail.objects.get(cause=TEMPLATE, to=secretariat_user.email).language == "fr"
    [mine] = [m for m in told() if m.to == [secretariat_user.email]]
    assert "Saisie" in mine.subject and "membre du Secrétariat" in mine.body
    others = OutboxEmail.objects.filter(cause=TEMPLATE).exclude(to=secretariat_user.email)
    assert all("Seizure" in row.subject for row in others)


def test_a_refused_record_sends_nothing(client, cites_user, committing):
    client.force_login(cites_user)
    response = committing(client.post, NEW, form_data(date="2999-01-01", quantity="-4"))
    assert response.status_code == 400
    assert not EnforcementRecord.objects.filter(title="Ivory bracelets in a suitcase").exists()
    assert sent_rows() == [] and told() == []


def test_a_correction_while_awaiting_review_does_not_tell_again(
    client, cites_user, committing, secretariat_addresses
):
    client.force_login(cites_user)
    committing(client.post, NEW, form_data())
    record = EnforcementRecord.objects.get(title="Ivory bracelets in a suitcase")
    assert record.state == EnforcementState.SUBMITTED
    response = committing(
        client.post,
        f"{PARTNERS}{record.pk}/",
        form_data(title="Ivory bracelets, corrected", version=record.version),
    )
    assert response.status_code == 302
    assert EnforcementRecord.objects.get(pk=record.pk).title == "Ivory bracelets, corrected"
    assert len(sent_rows()) == len(secretariat_addresses)  # the first email only


def test_the_secretariat_sending_from_the_partners_area_is_not_told_of_its_own_record(
    client, secretariat_user, committing, secretariat_addresses
):
    client.force_login(secretariat_user)
    committing(client.post, NEW, form_data())
    addresses = [row.to for row in sent_rows()]
    assert secretariat_user.email not in addresses
    assert sorted(addresses) == [a for a in secretariat_addresses if a != secretariat_user.email]


def test_the_secretariats_work_in_the_admin_sends_nothing(client, secretariat_user, committing):
    record = make_record(title="Reviewed", state=EnforcementState.SUBMITTED)
    force_login_with_totp(client, secretariat_user)
    response = committing(client.post, f"/admin/enforcement_records/publish/{record.pk}/", {})
    assert response.status_code == 302
    assert EnforcementRecord.objects.get(pk=record.pk).state == EnforcementState.PUBLISHED
    assert sent_rows() == []
