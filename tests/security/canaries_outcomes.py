"""Canaries of workshop outcomes and evaluations: the participants' names
(the Secretariat's alone) and an evaluation's comments (the Partners' and
the Secretariat's: never public, not even on the event page's figures)."""

import datetime as dt

from django.utils import timezone

from gci.calendar.models import EvaluationAnswer, EvaluationForm, EventPage, WorkshopOutcome

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary


def _workshop():
    return EventPage.objects.get(slug="gci-workshop-ethiopia-2008", locale__language_code="en")


@canary("workshop_participants_list", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def participants_list(token, people):
    event = _workshop()
    outcome, _created = WorkshopOutcome.objects.get_or_create(event=event)
    outcome.participants_list = f"Participant {token}, customs officer"
    outcome.save()
    return Planted(
        urls=[event.url, f"/en/planning/evaluations/{event.pk}/"],
        strings=[outcome.participants_list],
    )


@canary("evaluation_comment", hidden_from=(ANONYMOUS,))
def evaluation_comment(token, people):
    event = _workshop()
    today = timezone.localdate()
    form, _created = EvaluationForm.objects.get_or_create(
        event=event, defaults={"closes": today + dt.timedelta(days=30)}
    )
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            form=form,
            usefulness=4,
            content=4,
            trainers=4,
            organisation=4,
            comments=f"Comment {token} {n}",
            nonce=f"{token}-{n}",
        )
        for n in range(5)  # enough for the public figures to show
    )
    return Planted(
        urls=[event.url, f"/en/planning/evaluations/{event.pk}/"],
        strings=[f"Comment {token}"],
    )
