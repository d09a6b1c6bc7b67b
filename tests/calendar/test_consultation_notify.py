"""The Secretariat hears of each answer to a consultation, one email per
answer to each of its members, in their language, once committed; a stale
save (409), a refused form or a closed consultation sends nothing."""

import datetime as dt

import pytest
from django.core import mail

from gci.calendar.models import Consultation, ConsultationAnswer, EventPage
from gci.home.models import PartnerOrganisation

pytestmark = pytest.mark.django_db

TEMPLATE = "gci_calendar/email/consultation_answered"


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


@pytest.fixture
def consultation():
    event = EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")
    consultation = Consultation.objects.create(
        event=event, deadline=dt.date.today() + dt.timedelta(days=20)
    )
    consultation.organisations.set([org("CITES"), org("WCO")])
    return consultation


@pytest.fixture
def post(client, cites_user, django_capture_on_commit_callbacks):
    client.force_login(cites_user)

    def send(consultation, form, **fields):
        data = {"form": form, **{f"{form}-{k}": v for k, v in fields.items()}}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/en/planning/consultations/{consultation.pk}/", data)

    return send


def answered():
    """The emails of this kind sent, by the rows the outbox kept."""
    from gci.site.models import OutboxEmail

    addresses = set(OutboxEmail.objects.filter(cause=TEMPLATE).values_list("to", flat=True))
    quoted = ("“", "«")  # the subject quotes the workshop: “…” in English, « … » in French
    return [m for m in mail.outbox if m.to[0] in addresses and any(q in m.subject for q in quoted)]


def test_each_answer_is_one_email_to_each_secretariat_member(
    post, consultation, secretariat_addresses
):
    assert secretariat_addresses  # the demo has a Secretariat
    response = post(
        consultation, "answer", version="0", response="takes_part", participants="Ms Bee"
    )
    assert response.status_code == 302
    sent = answered()
    assert sorted(m.to[0] for m in sent) == secretariat_addresses  # one each, once
    message = sent[0]
    assert "CITES" in message.subject or "Convention" in message.subject
    assert "Will take part" in message.subject
    assert "Green Customs sub-regional workshop (2009 workplan)" in message.body
    assert "Ms Bee" in message.body
    assert f"/admin/consultations/inspect/{consultation.pk}/" in message.body

    mail.outbox.clear()
    post(consultation, "comment", target="agenda", text="Add a session on risk profiling")
    post(
        consultation,
        "expert",
        name="Dr Timber",
        expertise="Wood identification",
        languages=["en"],
        consent="on",
    )
    bodies = [m.body for m in answered()]
    assert len(bodies) == 2 * len(secretariat_addresses)  # one per answer per member
    assert any("Add a session on risk profiling" in b and "Draft agenda" in b for b in bodies)
    assert any("Dr Timber" in b and "Suggested an expert" in b for b in bodies)


def test_a_decline_and_an_offer_are_told_too(post, consultation, secretariat_addresses):
    from gci.materials.models import Material

    material = Material.objects.sources().approved().order_by("title", "pk").first()
    post(consultation, "answer", version="0", response="declines", decline_reason="No budget")
    post(consultation, "material", material=str(material.pk))
    bodies = [m.body for m in answered()]
    assert len(bodies) == 2 * len(secretariat_addresses)
    assert any("Declined" in b and "No budget" in b for b in bodies)
    assert any("Offered a material" in b and material.title in b for b in bodies)


def test_each_member_reads_it_in_their_language(post, consultation, secretariat_user):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=secretariat_user, defaults={"preferred_language": "fr"}
    )
    post(consultation, "answer", version="0", response="takes_part", participants="Ms Bee")
    mine = [m for m in answered() if m.to == [secretariat_user.email]]
    assert len(mine) == 1
    assert "Atelier sous-régional Douanes vertes" in mine[0].subject
    assert "Participera" in mine[0].subject
    others = [m for m in answered() if m.to != [secretariat_user.email]]
    assert all("Green Customs sub-regional workshop" in m.subject for m in others)


def test_a_stale_save_a_refused_form_and_a_closed_consultation_send_nothing(
    post, consultation, cites_user
):
    invitation = consultation.invitation_for(org("CITES"))
    ConsultationAnswer.save_from(
        invitation,
        version=0,
        user=cites_user,
        response="takes_part",
        participants="Saved first",
        decline_reason="",
    )
    response = post(consultation, "answer", version="0", response="declines", decline_reason="x")
    assert response.status_code == 409
    response = post(consultation, "answer", version="1", response="declines", decline_reason="")
    assert response.status_code == 400
    response = post(consultation, "comment", target="agenda", text="")
    assert response.status_code == 400
    consultation.state = "closed"
    consultation.save()
    post(consultation, "answer", version="1", response="declines", decline_reason="Too late")
    assert answered() == []
