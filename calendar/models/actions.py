"""Action points agreed at a meeting, their history and their reminders.

Action points are working records, not page content: Partners update their
status and notes from the Partners area while the Secretariat edits the
meeting page, so they live in their own table (not in the page's revisions),
with a version number that stops two people from overwriting each other.

Closing a point (done or dropped) closes it for every owner organisation, so
not every owner may do it: the Secretariat always may; among the Partners,
only the members of the point's *lead organisation* (one of its owners; the
first owner when none is chosen). The other owners update its notes and mark
it in progress; reopening a closed point takes the same right as closing it.
Who closed a point, for which organisation and when is kept in its history
(``ActionPointUpdate``) and shown to every owner.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from gci.home.sent_once import DueReminderLog
from gci.site.versioning import EditVersionMixin

from ..choices import CLOSED_ACTION_STATUSES, ActionStatus


class ActionPointQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_ACTION_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def for_organisation(self, organisation):
        return self.filter(owners=organisation)

    def overdue_first(self, today=None):
        today = today or timezone.localdate()
        return self.annotate(
            overdue_rank=models.Case(
                models.When(
                    ~models.Q(status__in=CLOSED_ACTION_STATUSES) & models.Q(due_date__lt=today),
                    then=models.Value(0),
                ),
                default=models.Value(1),
            )
        ).order_by("overdue_rank", "due_date", "pk")

    def due_soon_first(self, today=None, soon_days=14):
        """Open points due within ``soon_days`` first, then overdue ones,
        then later ones; by due date within each (the dashboard's order)."""
        today = today or timezone.localdate()
        return self.annotate(
            dashboard_rank=models.Case(
                models.When(due_date__lt=today, then=models.Value(1)),
                models.When(
                    due_date__lte=today + dt.timedelta(days=soon_days), then=models.Value(0)
                ),
                default=models.Value(2),
            )
        ).order_by("dashboard_rank", "due_date", "pk")


class ActionPoint(EditVersionMixin, index.Indexed, models.Model):
    meeting = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="action_points",
        limit_choices_to={"kind": "partners_meeting", "locale__language_code": "en"},
    )
    text = models.TextField(_("what"))
    secretariat_owner = models.BooleanField(
        _("the Secretariat is an owner"),
        default=False,
        help_text=_("The Secretariat does this itself (alone, or with the organisations below)."),
    )
    owners = models.ManyToManyField(
        "home.PartnerOrganisation",
        verbose_name=_("owner organisations"),
        related_name="action_points",
        blank=True,
        limit_choices_to={"locale__language_code": "en"},
    )
    lead = models.ForeignKey(
        "home.PartnerOrganisation",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": "en"},
        help_text=_(
            "The owner organisation whose members may close this action point for "
            "all owners (the Secretariat always may). Empty: the first owner."
        ),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.OPEN
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ActionPointQuerySet.as_manager()
    status_choices = ActionStatus.choices

    panels = [
        FieldPanel("meeting"),
        FieldPanel("text"),
        FieldPanel("secretariat_owner"),
        FieldPanel("owners"),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("notes"),
    ]
    search_fields = [index.SearchField("text"), index.SearchField("notes")]

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self):
        return self.status not in CLOSED_ACTION_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def lead_organisation(self):
        """The lead organisation: the chosen one if it owns the point, else the first owner."""
        owners = sorted(self.owners.all(), key=lambda org: (org.sort_order, org.name, org.pk))
        if self.lead_id and any(org.pk == self.lead_id for org in owners):
            return next(org for org in owners if org.pk == self.lead_id)
        return owners[0] if owners else None

    def may_close(self, user):
        """May ``user`` close (or reopen) this point for all its owners?"""
        from gci.home.roles import is_secretariat

        if is_secretariat(user):
            return True
        membership = getattr(user, "membership", None)
        lead = self.lead_organisation
        return membership is not None and lead is not None and membership.organisation_id == lead.pk

    @property
    def closing(self):
        """The update that closed the point (who, for which organisation, when), or None."""
        if self.is_open:
            return None
        return next(
            (
                update
                for update in self.updates.all()
                if update.new_status in CLOSED_ACTION_STATUSES
                and update.old_status not in CLOSED_ACTION_STATUSES
            ),
            None,
        )

    def owner_names(self):
        names = [str(_("Secretariat"))] if self.secretariat_owner else []
        return ", ".join(names + [org.acronym for org in self.owners.all()])


class ActionPointUpdate(models.Model):
    """Who changed an action point's status or notes, when, and to what."""

    action_point = models.ForeignKey(ActionPoint, on_delete=models.CASCADE, related_name="updates")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation the person acted for, at the time."),
    )
    old_status = models.CharField(max_length=20, choices=ActionStatus)
    new_status = models.CharField(max_length=20, choices=ActionStatus)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]


class ReminderLog(DueReminderLog):
    """One reminder of an action point sent: never send the same one twice."""

    action_point = models.ForeignKey(ActionPoint, models.CASCADE, related_name="reminders")

    class Meta:
        constraints = [DueReminderLog.once_per("action_point", name="one_reminder_per_due_date")]
