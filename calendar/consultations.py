"""Rules of the consultations that reach beyond their models: who may open
a consultation's documents, and who is shown the way to a consultation from
its workshop's page."""

from django.db.models import Q
from django.urls import reverse

from gci.home.http import refusal
from gci.home.roles import can_enter_partners_area, is_secretariat

from .models import Consultation, MaterialOffer


def invited(user, consultation_ids):
    """Whether the person's organisation is invited to one of the consultations."""
    membership = getattr(user, "membership", None)
    if membership is None:
        return False
    return Consultation.objects.filter(
        pk__in=consultation_ids, invitations__organisation_id=membership.organisation_id
    ).exists()


def refuse_uninvited_documents(document, request):
    """A consultation's concept note or agenda: its collection lets every
    Partner through; only the invited organisations and the Secretariat may
    open it; a file an organisation uploaded with its offer of materials, only
    that organisation and the Secretariat. (An anonymous visitor is left to
    the collection's restriction, which sends them to the login.)"""
    if not request.user.is_authenticated or is_secretariat(request.user):
        return None
    offered_by = set(
        MaterialOffer.objects.filter(document=document).values_list(
            "answer__invitation__organisation_id", flat=True
        )
    )
    if offered_by:
        # A file an organisation offered: that organisation's and the Secretariat's.
        membership = getattr(request.user, "membership", None)
        if membership is None or membership.organisation_id not in offered_by:
            return refusal(request)
        return None
    ids = list(
        Consultation.objects.filter(Q(concept_note=document) | Q(agenda=document)).values_list(
            "pk", flat=True
        )
    )
    if ids and not invited(request.user, ids):
        return refusal(request)
    return None


def consultation_links(user, event):
    """The consultations on ``event`` (the English page, which holds them) a
    person is shown from the workshop's page: for the Secretariat, each one's
    summary in the admin; for a member of an invited organisation, its
    consultation page in the Partners area; for anyone else (an anonymous
    visitor, a Partner not invited), none, without a query. The page is then
    answered for a signed-in person, never from nor into the page cache
    (gci.site.page_cache)."""
    if not user.is_authenticated or not can_enter_partners_area(user):
        return []
    if is_secretariat(user):
        consultations = Consultation.objects.filter(event=event)
        name = "consultations:inspect"
    else:
        membership = getattr(user, "membership", None)
        if membership is None:
            return []
        consultations = Consultation.objects.filter(
            event=event, invitations__organisation_id=membership.organisation_id
        )
        name = "gci_calendar:consultation"
    return [
        {
            "consultation": consultation,
            "url": reverse(name, args=[consultation.pk]),
            "admin": name == "consultations:inspect",
        }
        for consultation in consultations.order_by("-opened_at", "-pk")
    ]
