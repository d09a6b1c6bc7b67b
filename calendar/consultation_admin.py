"""What the Secretariat reads of a consultation in the admin: each invited
organisation's answer in full, per workshop and per organisation, in a fixed
number of queries however many organisations answered."""

from django.db.models import Prefetch

from .models import (
    ConsultationComment,
    ConsultationInvitation,
    ExpertSuggestion,
    MaterialOffer,
)

MAX_ID = 2**31 - 1


def _invitations():
    return ConsultationInvitation.objects.select_related(
        "organisation", "answer", "answer__updated_by", "consultation__event"
    ).prefetch_related(
        Prefetch("answer__experts", queryset=ExpertSuggestion.objects.select_related("person")),
        Prefetch("answer__comments", queryset=ConsultationComment.objects.all()),
        Prefetch(
            "answer__materials",
            queryset=MaterialOffer.objects.select_related("material", "document"),
        ),
    )


def _row(invitation):
    answer = invitation.get_answer()
    return {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "consultation": invitation.consultation,
        "answer": answer,
        "experts": list(answer.experts.all()) if answer else [],
        "comments": list(answer.comments.all()) if answer else [],
        "materials": list(answer.materials.all()) if answer else [],
    }


def consultation_rows(consultation):
    """Every invited organisation of the consultation, with its answer."""
    return [_row(i) for i in _invitations().filter(consultation=consultation)]


def organisation_rows(organisation, consultations):
    """The organisation's answers to ``consultations``."""
    return [
        _row(i)
        for i in _invitations()
        .filter(organisation=organisation, consultation__in=list(consultations))
        .order_by("-consultation__opened_at", "-consultation__pk")
    ]
