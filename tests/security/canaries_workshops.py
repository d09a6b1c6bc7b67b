"""Canaries of the workshop cycle: an organisation's workshop request, its
history and its letter (the Secretariat's restricted collection)."""

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from gci.calendar.collections import workshop_letters_collection
from gci.calendar.models import WorkshopRequest
from gci.home.demo.support import minimal_pdf

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary


@canary("workshop_request", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def workshop_request(token, people):
    """A request the owner's organisation sent, with its contact, notes, a
    withdrawal note in its history and a letter: theirs and the Secretariat's alone."""
    contents = minimal_pdf(f"Letter {token} file")
    letter = Document.objects.create(
        title=f"Letter {token}",
        collection=workshop_letters_collection(),
        file=ContentFile(contents, name=f"{token}.pdf"),
    )
    item = WorkshopRequest.objects.create(
        country="GH",
        body_name=f"Customs body {token}",
        contact_name=f"Contact {token}",
        contact_email=f"{token}@example.org",
        notes=f"Request notes {token}",
        topics=["basel"],
        organisation=people.owner_organisation,
        sent_by=people.owner,
        letter=letter,
    )
    item.record_change(None, "received", user=people.owner, note=f"History {token}")
    return Planted(
        urls=[
            f"/{language}/planning/workshop-requests/{item.pk}/" for language in ("en", "fr", "ar")
        ]
        + [letter.url, f"/media/{letter.file.name}"],
        strings=[
            item.body_name,
            item.contact_name,
            item.contact_email,
            item.notes,
            f"History {token}",
            letter.title,
        ],
        contents=[contents],
        api={"documents": [letter.pk]},
    )
