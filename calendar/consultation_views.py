"""The Partners' side of a consultation before a workshop (under
/<lang>/planning/consultations/): the consultations the person's organisation
is invited to, and one consultation with the organisation's own answer, its
forms and the shared summary (counts only, never another organisation's
answers).

Only an invited organisation's members open a consultation (any other id is
a 404, the answer for one that does not exist); the Secretariat reads the
page and the summary, and works in the admin. The answer carries the version
the form was opened with: a save from an older one is refused, the other
person's answer shown, what was typed kept in the form.
"""

from django.contrib import messages
from django.core.files import File
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gci.home.breadcrumbs import trail
from gci.home.http import partners_only
from gci.home.models import ResourcePerson
from gci.home.roles import is_secretariat

from .choices import CommentTarget, ConsultationAction, ConsultationState
from .collections import consultations_collection
from .forms import (
    ConsultationAnswerForm,
    ConsultationCommentForm,
    ExpertSuggestionForm,
    MaterialOfferForm,
)
from .models import (
    Consultation,
    ConsultationAnswer,
    ConsultationComment,
    ConsultationInvitation,
    ExpertSuggestion,
    MaterialOffer,
    StaleAnswer,
)
from .workplan import _local_titles

FORMS = {
    "answer": ConsultationAnswerForm,
    "expert": ExpertSuggestionForm,
    "comment": ConsultationCommentForm,
    "material": MaterialOfferForm,
}


def _organisation_of(user):
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


def _visible(user):
    """The consultations a person may open: their organisation's invitations
    (every one for the Secretariat)."""
    if is_secretariat(user):
        return Consultation.objects.all()
    return Consultation.objects.for_organisation(_organisation_of(user))


@partners_only
def consultations(request):
    """The organisation's consultations: open ones first (nearest deadline
    first), each with the state of the organisation's answer."""
    organisation = _organisation_of(request.user)
    rows = (
        _visible(request.user)
        .select_related("event")
        .annotate(
            closed=Case(
                When(state=ConsultationState.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("closed", "deadline", "pk")[:200]
    )
    answers = {}
    if organisation is not None:
        answers = {
            invitation.consultation_id: invitation.get_answer()
            for invitation in ConsultationInvitation.objects.filter(
                organisation=organisation, consultation__in=[c.pk for c in rows]
            ).select_related("answer")
        }
    today = timezone.localdate()
    titles = _local_titles([c.event for c in rows])
    items = [
        {
            "consultation": c,
            "title": titles[c.event_id],
            "answer": answers.get(c.pk),
            "overdue": c.is_open and c.deadline < today,
        }
        for c in rows
    ]
    return render(
        request,
        "gci_calendar/consultations.html",
        {
            "items": items,
            "organisation": organisation,
            "secretariat": is_secretariat(request.user),
            "breadcrumbs": trail(request, (_("Consultations"), None)),
        },
    )


def _consultation(request, pk):
    if pk > 2**31 - 1:
        raise Http404
    return get_object_or_404(
        _visible(request.user).select_related("event", "concept_note", "agenda"),
        pk=pk,
    )


def _answer_initial(answer):
    if answer is None:
        return {"version": 0}
    return {
        "response": answer.response or None,
        "participants": answer.participants,
        "decline_reason": answer.decline_reason,
        "version": answer.version,
    }


@partners_only
def consultation(request, pk):
    consultation = _consultation(request, pk)
    organisation = _organisation_of(request.user)
    invitation = None
    if not is_secretariat(request.user):
        invitation = get_object_or_404(
            ConsultationInvitation, consultation=consultation, organisation=organisation
        )
    answer = invitation.get_answer() if invitation else None
    here = reverse("gci_calendar:consultation", kwargs={"pk": consultation.pk})
    bound = {}
    conflict = None
    status = 200
    if request.method == "POST":
        if invitation is None:
            raise Http404
        name = request.POST.get("form")
        if name not in FORMS:
            messages.error(request, _("This form was not recognised: nothing was saved."))
            return redirect(here)
        if not consultation.is_open:
            messages.error(request, _("This consultation is closed: your answer was not recorded."))
            return redirect(here)
        form = FORMS[name](
            request.POST, request.FILES, prefix=name, **_form_kwargs(name, invitation)
        )
        if form.is_valid():
            try:
                message = SAVE[name](request, invitation, form.cleaned_data)
            except StaleAnswer as stale:
                answer = stale.current
                conflict = answer
                messages.error(
                    request,
                    _(
                        "%(name)s saved your organisation's answer while you were editing it. "
                        "Their answer is shown below; your text is kept in the form: "
                        "check it and save again."
                    )
                    % {"name": _person(answer.updated_by)},
                )
                # The next save starts from the answer now stored.
                data = request.POST.copy()
                data["answer-version"] = str(answer.version)
                form = ConsultationAnswerForm(data, prefix="answer")
                form.is_valid()
                bound[name] = form
                status = 409
            else:
                messages.success(request, message)
                return redirect(f"{here}#{name}")
        else:
            messages.error(request, _("Please correct the errors below."))
            bound[name] = form
            status = 400
    forms = {
        "answer": bound.get("answer")
        or ConsultationAnswerForm(initial=_answer_initial(answer), prefix="answer"),
        "expert": bound.get("expert")
        or ExpertSuggestionForm(
            prefix="expert", organisation=invitation and invitation.organisation
        ),
        "comment": bound.get("comment") or ConsultationCommentForm(prefix="comment"),
        "material": bound.get("material") or MaterialOfferForm(prefix="material"),
    }
    comments = []
    experts = []
    offers = []
    if answer is not None and answer.pk:
        experts = list(answer.experts.select_related("person"))
        comments = list(answer.comments.all())
        offers = list(answer.materials.select_related("material", "document"))
    changes = []
    if invitation is not None:
        # What the organisation's members and the Secretariat did: never another's steps.
        changes = consultation.changes.filter(
            Q(organisation=organisation) | Q(organisation__isnull=True)
        ).select_related("user", "organisation")[:200]
    targets = dict(CommentTarget.choices)
    title = _local_titles([consultation.event])[consultation.event_id]
    return render(
        request,
        "gci_calendar/consultation.html",
        {
            "consultation": consultation,
            "event": consultation.event,
            "title": title,
            "organisation": organisation,
            "invitation": invitation,
            "answer": answer,
            "conflict": conflict,
            "experts": experts,
            "comments": [{"comment": c, "about": targets.get(c.target)} for c in comments],
            "offers": offers,
            "changes": changes,
            "forms": forms,
            "summary": consultation.summary(),
            "overdue": consultation.is_open and consultation.deadline < timezone.localdate(),
            "breadcrumbs": trail(
                request,
                (_("Consultations"), reverse("gci_calendar:consultations")),
                (title, None),
            ),
        },
        status=status,
    )


def _person(user):
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


def _save_answer(request, invitation, data):
    ConsultationAnswer.save_from(
        invitation,
        version=data["version"],
        user=request.user,
        response=data["response"],
        participants=data.get("participants", "").strip(),
        decline_reason=data.get("decline_reason", "").strip(),
    )
    return _("Thank you. Your organisation's answer has been saved.")


def _answer_for_items(invitation):
    """The answer the additions hang off, created if missing (the invitation
    row locked, so two first additions make one answer)."""
    ConsultationInvitation.objects.select_for_update().get(pk=invitation.pk)
    return ConsultationAnswer.for_invitation(invitation)


def _form_kwargs(name, invitation):
    """The expert form offers the organisation's own resource persons."""
    return {"organisation": invitation.organisation} if name == "expert" else {}


def _save_expert(request, invitation, data):
    with transaction.atomic():
        answer = _answer_for_items(invitation)
        person = data.get("person")
        if person is None:
            person = ResourcePerson.objects.create(
                organisation=invitation.organisation,
                name=data["name"],
                expertise=data["expertise"],
                languages=data["languages"],
                email=data.get("email", ""),
                consent_note=data.get("consent_note", ""),
                consented_on=timezone.localdate(),
                created_by=request.user,
            )
        elif answer.experts.filter(person=person).exists():
            return _("%(name)s is already among your suggestions.") % {"name": person.name}
        ExpertSuggestion.objects.create(answer=answer, person=person, created_by=request.user)
        invitation.consultation.record(
            ConsultationAction.EXPERT,
            user=request.user,
            organisation=invitation.organisation,
            note=person.name,
        )
    return _("Thank you. Your suggestion of %(name)s has been recorded.") % {"name": person.name}


def _save_comment(request, invitation, data):
    with transaction.atomic():
        answer = _answer_for_items(invitation)
        ConsultationComment.objects.create(
            answer=answer, target=data["target"], text=data["text"], created_by=request.user
        )
        invitation.consultation.record(
            ConsultationAction.COMMENT,
            user=request.user,
            organisation=invitation.organisation,
            note=CommentTarget(data["target"]).label,
        )
    return _("Thank you. Your comment has been added.")


def _save_material(request, invitation, data):
    from wagtail.documents import get_document_model

    with transaction.atomic():
        answer = _answer_for_items(invitation)
        material = data.get("material")
        document = None
        upload = data.get("file")
        if upload:
            Document = get_document_model()
            document = Document(
                title=data["title"],
                collection=consultations_collection(),
                uploaded_by_user=request.user,
            )
            document.file.save(upload.name, File(upload), save=False)
            if hasattr(document, "_set_document_file_metadata"):
                document._set_document_file_metadata()
            document.save()
        title = data["title"] if document else material.title
        MaterialOffer.objects.create(
            answer=answer,
            material=material,
            document=document,
            title=title,
            created_by=request.user,
        )
        invitation.consultation.record(
            ConsultationAction.MATERIAL,
            user=request.user,
            organisation=invitation.organisation,
            note=title,
        )
    return _("Thank you. Your offer of “%(title)s” has been recorded.") % {"title": title}


SAVE = {
    "answer": _save_answer,
    "expert": _save_expert,
    "comment": _save_comment,
    "material": _save_material,
}
