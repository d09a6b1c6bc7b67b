"""Consultations before a workshop: the Secretariat asks the Partners, before
a planned workshop (an ``EventPage``), whether they take part, whom they
suggest as an expert, what they think of the concept note and the draft
agenda, and which materials they offer.

A consultation is a working record, not page content: never a page, never
in the site's search or the API. Each invited organisation answers for
itself (``ConsultationAnswer``, one per invitation) and reads its own
answer only; what the others said reaches it as counts (``summary``). Two
members of one organisation editing the answer at once never overwrite
each other silently: the answer carries a ``version`` that the form sends
back, and a save from an older version is refused (``ConsultationAnswer.
save_from``). Suggestions, comments and offers are added, never replaced.
Every step is recorded in ``ConsultationChange`` (who, for which
organisation, what, when).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from gci.home import rounds
from gci.home.models import PartnerOrganisation
from gci.home.roles import is_secretariat
from gci.home.sent_once import DueReminderLog

from ..choices import CommentTarget, ConsultationAction, ConsultationResponse, ConsultationState


class StaleAnswer(rounds.Stale):
    """The answer was saved by someone else since the form was opened."""

    def __init__(self, current):
        super().__init__(current, "stale answer")


class ConsultationQuerySet(rounds.RoundQuerySet):
    """``open()``, ``for_organisation()``: as every round's."""


class Consultation(rounds.InvitingRound):
    """The Partners consulted on one planned workshop, until a deadline."""

    event = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="consultations",
        limit_choices_to={"kind": "workshop", "locale__language_code": "en"},
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ConsultationState, default=ConsultationState.OPEN
    )
    concept_note = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("concept note"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A document of the “Workshop consultations” collection."),
    )
    agenda = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("draft agenda"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A document of the “Workshop consultations” collection."),
    )
    organisations = models.ManyToManyField(
        PartnerOrganisation,
        through="ConsultationInvitation",
        verbose_name=_("invited organisations"),
        related_name="consultations",
        limit_choices_to={"locale__language_code": "en"},
    )

    objects = ConsultationQuerySet.as_manager()

    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("state")]),
        FieldPanel("message"),
        MultiFieldPanel([FieldPanel("concept_note"), FieldPanel("agenda")], heading=_("Documents")),
        FieldPanel("organisations"),
    ]

    class Meta:
        verbose_name = _("workshop consultation")
        verbose_name_plural = _("workshop consultations")
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return str(self.event.title) if self.event_id else str(_("workshop consultation"))

    def clean(self):
        super().clean()
        from ..collections import CONSULTATIONS

        errors = {}
        for name in ("concept_note", "agenda"):
            document = getattr(self, name)
            if document is not None and document.collection.name != CONSULTATIONS:
                errors[name] = _(
                    "Choose a document of the “%(collection)s” collection: only the invited "
                    "organisations and the Secretariat can open it."
                ) % {"collection": CONSULTATIONS}
        if errors:
            raise ValidationError(errors)

    def documents(self):
        return [d for d in (self.concept_note, self.agenda) if d is not None]

    def summary(self):
        """What every invited organisation may read: counts, never texts."""
        answers = ConsultationAnswer.objects.filter(invitation__consultation=self)
        counts = answers.aggregate(
            taking_part=Count("pk", filter=Q(response=ConsultationResponse.TAKES_PART)),
            declined=Count("pk", filter=Q(response=ConsultationResponse.DECLINES)),
        )
        return {
            "invited": self.invitations.count(),
            "answered": counts["taking_part"] + counts["declined"],
            "taking_part": counts["taking_part"],
            "declined": counts["declined"],
            "experts": ExpertSuggestion.objects.filter(answer__in=answers).count(),
            "comments": ConsultationComment.objects.filter(answer__in=answers).count(),
            "materials": MaterialOffer.objects.filter(answer__in=answers).count(),
        }

    def record(self, action, *, user=None, organisation=None, note=""):
        """Record a step. The organisation is the one the person acted for:
        given, else their own, none for the Secretariat."""
        if organisation is None and user is not None and not is_secretariat(user):
            membership = getattr(user, "membership", None)
            organisation = membership.organisation if membership else None
        return ConsultationChange.objects.create(
            consultation=self, user=user, organisation=organisation, action=action, note=note
        )


class ConsultationInvitation(rounds.RoundInvitation):
    round_field = "consultation"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="invitations"
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="consultation_invitations",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["organisation__sort_order", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="one_invitation_per_organisation"
            )
        ]

    def get_answer(self):
        try:
            return self.answer
        except ConsultationAnswer.DoesNotExist:
            return None


class ConsultationAnswer(rounds.VersionedAnswer):
    """An organisation's answer: whether it takes part (and who) or declines
    (and why); its suggestions, comments and offers hang off it."""

    invitation = models.OneToOneField(
        ConsultationInvitation, on_delete=models.CASCADE, related_name="answer"
    )
    response = models.CharField(
        _("answer"), max_length=20, choices=ConsultationResponse, blank=True
    )
    participants = models.TextField(
        _("who takes part"), blank=True, help_text=_("Names and roles, one a line.")
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    Stale = StaleAnswer

    class Meta:
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")

    def __str__(self):
        return f"{self.invitation}: {self.get_response_display() or '—'}"

    @property
    def answered(self):
        return bool(self.response)

    @classmethod
    def for_invitation(cls, invitation):
        """The invitation's answer, created empty (version 0) if missing.
        Call inside a transaction that locked the invitation."""
        answer, _created = cls.objects.get_or_create(invitation=invitation)
        return answer

    @classmethod
    def save_from(cls, invitation, *, version, user, response, participants, decline_reason):
        """Save the organisation's answer if nobody saved it since ``version``
        (the one the form was opened with); otherwise raise ``StaleAnswer``
        with the answer as it now stands. Records the step."""
        with transaction.atomic():
            answer = cls.claim(invitation, version)
            answer.response = response
            answer.participants = (
                participants if response == ConsultationResponse.TAKES_PART else ""
            )
            answer.decline_reason = (
                decline_reason if response == ConsultationResponse.DECLINES else ""
            )
            answer.stamp(user)
            answer.save()
            invitation.consultation.record(
                response,
                user=user,
                organisation=invitation.organisation,
                note=answer.decline_reason,
            )
        return answer


class AnswerItem(models.Model):
    """What every addition to an answer carries: who added it, when."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


class ExpertSuggestion(AnswerItem):
    """An expert the organisation suggests: a resource person of that organisation."""

    answer = models.ForeignKey(ConsultationAnswer, on_delete=models.CASCADE, related_name="experts")
    person = models.ForeignKey(
        "home.ResourcePerson",
        verbose_name=_("resource person"),
        on_delete=models.CASCADE,
        related_name="suggestions",
    )

    class Meta(AnswerItem.Meta):
        verbose_name = _("expert suggested")
        verbose_name_plural = _("experts suggested")

    def __str__(self):
        return self.person.name


class ConsultationComment(AnswerItem):
    answer = models.ForeignKey(
        ConsultationAnswer, on_delete=models.CASCADE, related_name="comments"
    )
    target = models.CharField(
        _("about"), max_length=20, choices=CommentTarget, default=CommentTarget.GENERAL
    )
    text = models.TextField(_("comment"))

    class Meta(AnswerItem.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.text[:60]


class MaterialOffer(AnswerItem):
    """A material the organisation offers: one of the suitcase, or a file it
    uploads (kept with the suitcase's submissions, for the Secretariat)."""

    answer = models.ForeignKey(
        ConsultationAnswer, on_delete=models.CASCADE, related_name="materials"
    )
    material = models.ForeignKey(
        "materials.Material",
        verbose_name=_("suitcase material"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)

    class Meta(AnswerItem.Meta):
        verbose_name = _("material offered")
        verbose_name_plural = _("materials offered")

    def __str__(self):
        return self.title


class ConsultationChange(rounds.RoundChange):
    """One step of a consultation: who, for which organisation, what, when."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="changes")
    organisation = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation the person acted for, at the time."),
    )
    action = models.CharField(max_length=20, choices=ConsultationAction)


class ConsultationReminderLog(DueReminderLog):
    """One reminder of an unanswered invitation sent: never the same one twice."""

    invitation = models.ForeignKey(ConsultationInvitation, models.CASCADE, related_name="reminders")

    class Meta:
        constraints = [
            DueReminderLog.once_per("invitation", name="one_consultation_reminder_per_deadline")
        ]
