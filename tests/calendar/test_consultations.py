"""Consultations before a workshop: the models' rules (answers under
optimistic concurrency, history, the shared summary's counts, documents in
the restricted collection)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection

from gci.calendar.collections import consultations_collection
from gci.calendar.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationComment,
    EventPage,
    ExpertSuggestion,
    StaleAnswer,
)
from gci.home.demo.support import minimal_pdf
from gci.home.models import PartnerOrganisation, ResourcePerson

pytestmark = pytest.mark.django_db


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def workshop():
    return EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")


def make_consultation(*acronyms, **fields):
    consultation = Consultation.objects.create(
        event=workshop(), deadline=dt.date.today() + dt.timedelta(days=20), **fields
    )
    consultation.organisations.set([org(a) for a in acronyms])
    return consultation


def answer(invitation, user, version=0, response="takes_part", **extra):
    return ConsultationAnswer.save_from(
        invitation,
        version=version,
        user=user,
        response=response,
        participants=extra.get("participants", "Ms A, trainer"),
        decline_reason=extra.get("decline_reason", ""),
    )


def test_a_stale_answer_is_refused_and_the_saved_one_kept(cites_user):
    consultation = make_consultation("CITES", "WCO")
    invitation = consultation.invitation_for(org("CITES"))
    first = answer(invitation, cites_user, participants="First person")
    assert first.version == 1
    with pytest.raises(StaleAnswer) as stale:
        answer(invitation, cites_user, version=0, participants="Second person")
    assert stale.value.current.participants == "First person"
    invitation.refresh_from_db()
    assert invitation.answer.participants == "First person"
    again = answer(
        invitation, cites_user, version=1, response="declines", decline_reason="No funds"
    )
    assert (again.version, again.participants, again.decline_reason) == (2, "", "No funds")


def test_each_answer_is_in_the_history_with_its_organisation(cites_user):
    consultation = make_consultation("CITES")
    invitation = consultation.invitation_for(org("CITES"))
    answer(invitation, cites_user, response="declines", decline_reason="Busy that month")
    change = consultation.changes.get()
    assert (change.action, change.organisation, change.user, change.note) == (
        "declines",
        org("CITES"),
        cites_user,
        "Busy that month",
    )


def test_the_summary_counts_without_texts(cites_user, wco_user):
    consultation = make_consultation("CITES", "WCO", "UNEP")
    cites = answer(consultation.invitation_for(org("CITES")), cites_user)
    answer(
        consultation.invitation_for(org("WCO")), wco_user, response="declines", decline_reason="x"
    )
    person = ResourcePerson.objects.create(
        organisation=org("CITES"), name="Dr Expert", expertise="Timber", languages=["en"]
    )
    ExpertSuggestion.objects.create(answer=cites, person=person)
    ConsultationComment.objects.create(answer=cites, target="agenda", text="Add a day")
    assert consultation.summary() == {
        "invited": 3,
        "answered": 2,
        "taking_part": 1,
        "declined": 1,
        "experts": 1,
        "comments": 1,
        "materials": 0,
    }


def test_documents_must_be_in_the_consultations_collection():
    root = Collection.get_first_root_node()
    public = Document.objects.create(
        title="Open note", collection=root, file=ContentFile(minimal_pdf("x"), name="n.pdf")
    )
    consultation = make_consultation("CITES", concept_note=public)
    with pytest.raises(ValidationError) as refused:
        consultation.clean()
    assert "concept_note" in refused.value.message_dict
    consultation.concept_note = Document.objects.create(
        title="Closed note",
        collection=consultations_collection(),
        file=ContentFile(minimal_pdf("y"), name="c.pdf"),
    )
    consultation.clean()  # accepted


def test_documents_are_served_only_to_invited_organisations(client, cites_user, wco_user):
    note = Document.objects.create(
        title="Concept note",
        collection=consultations_collection(),
        file=ContentFile(minimal_pdf("concept"), name="concept.pdf"),
    )
    make_consultation("CITES", concept_note=note)
    assert client.get(note.url).status_code == 302  # anonymous: to the login
    client.force_login(wco_user)  # a Partner, not invited
    assert client.get(note.url).status_code == 403
    client.force_login(cites_user)
    assert client.get(note.url).status_code == 200


def test_the_secretariat_may_manage_consultations_and_resource_persons():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Secretariat").permissions.values_list("codename", flat=True)
    )
    assert {"add_consultation", "change_consultation", "change_resourceperson"} <= codenames


# -- The Partners' pages ------------------------------------------------------

LIST = "/en/planning/consultations/"


def page(consultation):
    return f"{LIST}{consultation.pk}/"


def post_answer(client, consultation, **data):
    payload = {"form": "answer", "answer-version": "0"}
    payload.update({f"answer-{k}": v for k, v in data.items()})
    return client.post(page(consultation), payload)


def test_the_list_shows_the_organisations_consultations_open_first(client, cites_user):
    closed = make_consultation("CITES", state="closed")
    later = make_consultation("CITES")
    later.deadline = dt.date.today() + dt.timedelta(days=40)
    later.save()
    soon = make_consultation("CITES")
    make_consultation("WCO")  # not invited: not listed
    answer(soon.invitation_for(org("CITES")), cites_user)
    client.force_login(cites_user)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    mine = {soon.pk, later.pk, closed.pk}
    links = [c["consultation"].pk for c in response.context["items"]]
    assert [pk for pk in links if pk in mine] == [soon.pk, later.pk, closed.pk]
    body = response.content.decode()
    assert "Takes part" in body and "Not answered yet" in body


def test_an_organisation_not_invited_gets_a_404_and_anonymous_the_login(client, wco_user):
    consultation = make_consultation("CITES")
    assert client.get(page(consultation)).status_code == 302
    client.force_login(wco_user)
    assert client.get(page(consultation)).status_code == 404
    assert (
        post_answer(client, consultation, response="declines", decline_reason="x").status_code
        == 404
    )
    assert client.get(f"{LIST}99999999999/").status_code == 404
    assert not ConsultationAnswer.objects.filter(invitation__consultation=consultation).exists()


def test_a_partner_answers_and_the_answer_is_recorded_with_its_history(client, cites_user):
    consultation = make_consultation("CITES", "WCO")
    client.force_login(cites_user)
    response = post_answer(client, consultation, response="takes_part", participants="Ms Trainer")
    assert response.status_code == 302
    stored = consultation.invitation_for(org("CITES")).answer
    assert (stored.response, stored.participants, stored.version) == ("takes_part", "Ms Trainer", 1)
    assert consultation.changes.get().action == "takes_part"
    body = client.get(page(consultation)).content.decode()
    assert "Ms Trainer" in body


def test_a_stale_answer_is_refused_with_a_message_keeping_the_text(client, cites_user):
    consultation = make_consultation("CITES")
    answer(consultation.invitation_for(org("CITES")), cites_user, participants="Saved first")
    client.force_login(cites_user)
    response = post_answer(
        client, consultation, response="takes_part", participants="Typed meanwhile"
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "while you were editing it" in body
    assert "Typed meanwhile" in body and "Saved first" in body
    assert consultation.invitation_for(org("CITES")).answer.participants == "Saved first"
    # Saving again from the form as re-rendered (the current version) goes through.
    form = response.context["forms"]["answer"]
    assert form["version"].value() == "1"


def test_bad_input_rerenders_with_messages_and_keeps_what_was_typed(client, cites_user):
    consultation = make_consultation("CITES")
    client.force_login(cites_user)
    response = post_answer(client, consultation, response="declines", decline_reason="")
    assert response.status_code == 400
    assert "Give the reason for declining." in response.content.decode()
    response = client.post(
        page(consultation),
        {
            "form": "expert",
            "expert-name": "Dr Kept",
            "expert-expertise": "",
            "expert-languages": ["en"],
        },
    )
    assert response.status_code == 400
    assert "Dr Kept" in response.content.decode()
    response = client.post(page(consultation), {"form": "nonsense"})
    assert response.status_code == 302
    response = client.post(
        page(consultation), {"form": "material", "material-material": "99999999999999"}
    )
    assert response.status_code == 400
    assert not ResourcePerson.objects.filter(name="Dr Kept").exists()


def test_expert_comment_and_material_are_added_and_counted(client, cites_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    consultation = make_consultation("CITES", "WCO")
    client.force_login(cites_user)
    response = client.post(
        page(consultation),
        {
            "form": "expert",
            "expert-name": "Dr Timber",
            "expert-expertise": "Wood identification",
            "expert-languages": ["en", "fr"],
            "expert-consent": "on",
        },
    )
    assert response.status_code == 302
    person = ResourcePerson.objects.get(name="Dr Timber")
    assert person.organisation == org("CITES")
    client.post(
        page(consultation),
        {"form": "comment", "comment-target": "agenda", "comment-text": "Add a field visit"},
    )
    upload = SimpleUploadedFile("guide.pdf", minimal_pdf("guide"), content_type="application/pdf")
    response = client.post(
        page(consultation),
        {"form": "material", "material-file": upload, "material-title": "Our field guide"},
    )
    assert response.status_code == 302
    summary = consultation.summary()
    assert (summary["experts"], summary["comments"], summary["materials"]) == (1, 1, 1)
    assert [c.action for c in consultation.changes.all()] == ["expert", "comment", "material"]
    body = client.get(page(consultation)).content.decode()
    assert "Add a field visit" in body and "Our field guide" in body


def test_another_organisation_reads_counts_never_texts(client, cites_user, wco_user):
    consultation = make_consultation("CITES", "WCO")
    invitation = consultation.invitation_for(org("CITES"))
    answer(invitation, cites_user, response="declines", decline_reason="CANARY-REASON")
    ConsultationComment.objects.create(
        answer=invitation.answer, target="agenda", text="CANARY-COMMENT"
    )
    client.force_login(wco_user)
    response = client.get(page(consultation))
    body = response.content.decode()
    assert response.status_code == 200
    assert "CANARY-REASON" not in body and "CANARY-COMMENT" not in body
    assert response.context["summary"]["declined"] == 1
    assert response.context["summary"]["comments"] == 1
    assert list(response.context["changes"]) == []  # CITES's steps are not in WCO's history
    client.force_login(cites_user)
    own = client.get(page(consultation)).context["changes"]
    assert [c.action for c in own] == ["declines"]


def test_an_offered_file_opens_only_for_its_organisation(client, cites_user, wco_user):
    from gci.calendar.models import MaterialOffer

    consultation = make_consultation("CITES", "WCO")
    invitation = consultation.invitation_for(org("CITES"))
    answer(invitation, cites_user)
    document = Document.objects.create(
        title="Offered",
        collection=consultations_collection(),
        file=ContentFile(minimal_pdf("offer"), name="offer.pdf"),
    )
    MaterialOffer.objects.create(answer=invitation.answer, document=document, title="Offered")
    client.force_login(wco_user)  # invited too, but not the offerer
    assert client.get(document.url).status_code == 403
    client.force_login(cites_user)
    assert client.get(document.url).status_code == 200


def test_a_closed_consultation_refuses_answers(client, cites_user):
    consultation = make_consultation("CITES", state="closed")
    client.force_login(cites_user)
    response = post_answer(client, consultation, response="takes_part", participants="X")
    assert response.status_code == 302
    assert not ConsultationAnswer.objects.filter(invitation__consultation=consultation).exists()


# -- The Secretariat's admin --------------------------------------------------


def test_the_secretariat_opens_a_consultation_in_the_admin(client, secretariat_user):
    from tests.helpers import force_login_with_totp

    force_login_with_totp(client, secretariat_user)
    assert client.get("/admin/consultations/").status_code == 200
    deadline = dt.date.today() + dt.timedelta(days=30)
    response = client.post(
        "/admin/consultations/new/",
        {
            "event": workshop().pk,
            "deadline": deadline.isoformat(),
            "state": "open",
            "message": "Please comment on the agenda.",
            "organisations": [org("CITES").pk, org("WCO").pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    consultation = Consultation.objects.get(message="Please comment on the agenda.")
    assert set(consultation.organisations.values_list("acronym", flat=True)) == {"CITES", "WCO"}
    assert consultation.opened_by == secretariat_user
    assert consultation.changes.get().action == "opened"
    response = client.post(
        f"/admin/consultations/edit/{consultation.pk}/",
        {
            "event": workshop().pk,
            "deadline": deadline.isoformat(),
            "state": "closed",
            "message": "Closed.",
            "organisations": [org("CITES").pk],
        },
    )
    assert response.status_code == 302
    assert [c.action for c in consultation.changes.all()] == ["opened", "closed"]
    assert list(consultation.organisations.values_list("acronym", flat=True)) == ["CITES"]


def test_the_secretariat_reads_every_answer_per_workshop_and_per_organisation(
    client, secretariat_user, cites_user, wco_user
):
    from tests.helpers import force_login_with_totp

    consultation = make_consultation("CITES", "WCO", "UNEP")
    cites = answer(consultation.invitation_for(org("CITES")), cites_user)
    ConsultationComment.objects.create(answer=cites, target="agenda", text="Longer lunch")
    answer(
        consultation.invitation_for(org("WCO")),
        wco_user,
        response="declines",
        decline_reason="Staff away in May",
    )
    force_login_with_totp(client, secretariat_user)
    response = client.get(f"/admin/consultations/inspect/{consultation.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Longer lunch", "Staff away in May", "Ms A, trainer", "Not answered yet"):
        assert text in body
    assert not re.search(r">\s*None\s*<", body)  # an empty link reads as a dash
    response = client.get(f"/admin/consultations/organisation/{org('WCO').pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Staff away in May" in body and "Longer lunch" not in body
    assert client.get("/admin/consultations/organisation/99999999999/").status_code == 404


def test_partners_have_no_admin_door_to_consultations(client, wco_user):
    consultation = make_consultation("WCO")
    client.force_login(wco_user)
    for url in (
        "/admin/consultations/",
        f"/admin/consultations/inspect/{consultation.pk}/",
        f"/admin/consultations/organisation/{org('WCO').pk}/",
    ):
        assert client.get(url).status_code in (302, 403)


# -- Reminders ----------------------------------------------------------------


@pytest.fixture
def send_reminders(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", verbosity=0)

    return run


def consultation_mails():
    from django.core import mail

    return [
        m for m in mail.outbox if "consultation" in m.subject.lower() or "consultation" in m.body
    ]


def test_unanswered_organisations_are_reminded_once_before_and_once_overdue(
    cites_user, wco_user, send_reminders
):
    from gci.calendar.models import ConsultationReminderLog

    soon = make_consultation("CITES", "WCO")
    soon.deadline = dt.date.today() + dt.timedelta(days=5)
    soon.save()
    answer(soon.invitation_for(org("CITES")), cites_user)  # answered: no reminder
    late = make_consultation("WCO")
    late.deadline = dt.date.today() - dt.timedelta(days=1)
    late.save()
    make_consultation("WCO")  # deadline in 20 days: not yet
    send_reminders()
    sent = consultation_mails()
    assert sorted((m.to[0], "overdue" in m.subject.lower()) for m in sent) == [
        (wco_user.email, False),
        (wco_user.email, True),
    ]
    assert f"/en/planning/consultations/{soon.pk}/" in " ".join(m.body for m in sent)
    logs = ConsultationReminderLog.objects.filter(invitation__consultation__in=[soon, late])
    assert set(logs.values_list("kind", flat=True)) == {
        "upcoming",
        "overdue",
    }
    send_reminders()
    assert len(consultation_mails()) == 2  # sent once
    late.state = "closed"
    late.deadline = dt.date.today() - dt.timedelta(days=2)
    late.save()
    send_reminders()
    assert len(consultation_mails()) == 2  # closed: never reminded


def test_the_reminder_is_in_the_members_language(wco_user, send_reminders):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=wco_user, defaults={"preferred_language": "fr"})
    consultation = make_consultation("WCO")
    consultation.deadline = dt.date.today() + dt.timedelta(days=3)
    consultation.save()
    send_reminders()
    mine = [m for m in consultation_mails() if m.to == [wco_user.email]]
    assert len(mine) == 1
    assert f"/fr/planning/consultations/{consultation.pk}/" in mine[0].body
    assert "Atelier sous-régional Douanes vertes" in mine[0].subject


def test_the_demo_has_a_consultation_two_answered_one_declined(client, wco_user):
    consultation = Consultation.objects.get(event__slug="ods-tripartite-workshop-2009")
    summary = consultation.summary()
    assert (summary["taking_part"], summary["declined"], summary["experts"]) == (2, 1, 1)
    assert summary["comments"] == 1 and summary["invited"] == 4
    assert consultation.concept_note.collection == consultations_collection()
    client.force_login(wco_user)
    body = client.get(page(consultation)).content.decode()
    assert "risk-profiling exercise" in body  # its own comment
    assert "Central American workshop" not in body  # CITES's reason for declining


def test_the_partners_area_links_to_the_consultations(client, cites_user):
    client.force_login(cites_user)
    body = client.get("/en/partners-area/").content.decode()
    assert 'href="/en/planning/consultations/"' in body


def test_the_workshop_is_named_in_the_readers_language(client, cites_user):
    consultation = make_consultation("CITES")
    client.force_login(cites_user)
    french = "Atelier sous-régional Douanes vertes"
    assert french in client.get("/fr/planning/consultations/").content.decode()
    assert french in client.get(f"/fr/planning/consultations/{consultation.pk}/").content.decode()
