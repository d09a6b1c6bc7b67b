"""Canaries of the consultations before a workshop: one organisation's answer
(its reason for declining, a comment on the agenda, the expert it suggested,
the file it offered) to a consultation another organisation is invited to
as well, which reads the shared counts only."""

import datetime as dt

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from gci.calendar.collections import consultations_collection
from gci.calendar.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationComment,
    EventPage,
    ExpertSuggestion,
    MaterialOffer,
)
from gci.home.demo.support import minimal_pdf
from gci.home.models import ResourcePerson

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary


@canary("consultation_answer", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def consultation_answer(token, people):
    event = EventPage.objects.filter(kind="workshop", locale__language_code="en").first()
    consultation = Consultation.objects.create(
        event=event, deadline=dt.date.today() + dt.timedelta(days=10)
    )
    consultation.organisations.set([people.owner_organisation, people.other_organisation])
    invitation = consultation.invitation_for(people.owner_organisation)
    answer = ConsultationAnswer.save_from(
        invitation,
        version=0,
        user=people.owner,
        response="declines",
        participants="",
        decline_reason=f"Declined because {token}",
    )
    ConsultationComment.objects.create(
        answer=answer, target="agenda", text=f"Agenda comment {token}", created_by=people.owner
    )
    person = ResourcePerson.objects.create(
        organisation=people.owner_organisation,
        name=f"Expert {token}",
        expertise=f"Expertise {token}",
        languages=["en"],
        email=f"expert-{token}@example.org",
    )
    ExpertSuggestion.objects.create(answer=answer, person=person)
    contents = minimal_pdf(f"Offer {token} file")
    document = Document.objects.create(
        title=f"Offered file {token}",
        collection=consultations_collection(),
        file=ContentFile(contents, name=f"{token}.pdf"),
    )
    MaterialOffer.objects.create(answer=answer, document=document, title=document.title)
    consultation.record("declines", user=people.owner, note=f"History {token}")
    return Planted(
        urls=[
            f"/{language}/planning/consultations/{consultation.pk}/"
            for language in ("en", "fr", "ar")
        ]
        + [document.url, f"/media/{document.file.name}"],
        strings=[
            answer.decline_reason,
            f"Agenda comment {token}",
            person.name,
            person.expertise,
            person.email,
            document.title,
            f"History {token}",
        ],
        contents=[contents],
        api={"documents": [document.pk]},
    )
