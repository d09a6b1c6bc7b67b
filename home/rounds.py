"""What a round that invites organisations shares, whatever it asks: a
workshop consultation (gci.calendar) and a reporting round (gci.home.reporting).

A round is open or closed, invites organisations (one invitation each) by a
deadline, and each invited organisation answers once, in one versioned
record: two members editing it at once never overwrite each other silently,
because the form sends back the ``version`` it was opened with and a save
from an older one is refused (``VersionedAnswer.claim`` raises the answer's
``Stale``). The reminders of unanswered invitations: ``round_reminders``.

Only abstract models and plain mixins: the tables stay each app's own.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

OPEN = "open"  # the open state of every round (ConsultationState, RoundState)


class Stale(Exception):
    """The answer was saved by someone else since the form was opened;
    ``current`` is the answer as it now stands."""

    def __init__(self, current, message="stale answer"):
        super().__init__(message)
        self.current = current


class RoundQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=OPEN)

    def for_organisation(self, organisation):
        """The rounds an organisation is invited to (none without one)."""
        if organisation is None:
            return self.none()
        return self.filter(invitations__organisation=organisation)


class InvitingRound(models.Model):
    """A round: its deadline, the Secretariat's message, who opened it and
    when (its ``state``, its invitations and its order are the app's own)."""

    deadline = models.DateField(_("deadline"))
    message = models.TextField(
        _("message to the Partners"),
        blank=True,
        help_text=_("What the Secretariat asks; the invited organisations read it."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.state == OPEN

    def invitation_for(self, organisation):
        if organisation is None:
            return None
        return self.invitations.filter(organisation=organisation).first()


class RoundInvitation(models.Model):
    """One organisation invited to one round (``round_field`` names the round)."""

    round_field = "round"

    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{getattr(self, self.round_field)} – {self.organisation}"


class RoundChange(models.Model):
    """One step of a round: who, for which organisation, what (the round's
    own ``action`` and ``organisation``, and the round), when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return self.get_action_display()


class VersionedAnswer(models.Model):
    """An invited organisation's one answer (its ``invitation``), saved
    only from the version it was read at."""

    Stale = Stale

    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def claim(cls, invitation, version):
        """Inside a transaction: lock the invitation and return its answer
        (created empty, version 0, if missing) if nobody saved it since
        ``version``; otherwise raise ``cls.Stale`` with the answer as it stands."""
        type(invitation).objects.select_for_update().get(pk=invitation.pk)
        answer, _created = cls.objects.get_or_create(invitation=invitation)
        if answer.version != version:
            raise cls.Stale(answer)
        return answer

    def stamp(self, user):
        """One more version, by ``user``, now (the caller saves)."""
        self.version += 1
        self.updated_by = user
        self.updated_at = timezone.now()
