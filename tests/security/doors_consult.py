"""Doors of the consultations before a workshop: the Partners' list and
consultation pages (an invited organisation reads its own answer and the
shared counts)."""

from gci.calendar.models import Consultation

from .leaks import door


@door("consultations of the Partners area", follow=True)
def consultations(crawl):
    for language in crawl.languages:
        yield f"/{language}/planning/consultations/"
    for pk in Consultation.objects.values_list("pk", flat=True)[:50]:
        yield f"/en/planning/consultations/{pk}/"


def consultation_for(organisation):
    """A consultation ``organisation`` is invited to (for the bad-input tests)."""
    import datetime as dt

    from gci.calendar.models import EventPage

    consultation = Consultation.objects.for_organisation(organisation).first()
    if consultation is None:
        event = EventPage.objects.filter(kind="workshop", locale__language_code="en").first()
        consultation = Consultation.objects.create(
            event=event, deadline=dt.date.today() + dt.timedelta(days=10)
        )
        consultation.organisations.set([organisation])
    return consultation


CONSULTATION_FIELDS = [
    "form",
    "answer-response",
    "answer-participants",
    "answer-decline_reason",
    "answer-version",
    "expert-person",
    "expert-name",
    "expert-expertise",
    "expert-languages",
    "expert-email",
    "expert-consent",
    "comment-target",
    "comment-text",
    "material-material",
    "material-title",
]
