"""Consultations before a workshop: the models' rules (answers under
optimistic concurrency, history, the shared summary's counts, documents in
the restricted collection)."""

import datetime as dt

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
