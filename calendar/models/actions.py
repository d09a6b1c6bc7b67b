"""Action points agreed at a meeting, their history and their reminders.

Action points are working records, not page content: Partners update their
status and notes from the Partners area while the Secretariat edits the
meeting page, so they live in their own table (not in the page's revisions),
with a version number that stops two people from overwriting each other.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

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


class ActionPoint(index.Indexed, models.Model):
    meeting = models.ForeignKey(
        "gci_calendar.EventPage",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="action_points",
        limit_choices_to={"kind": "partners_meeting", "locale__language_code": "en"},
    )
    text = models.TextField(_("what"))
    owners = models.ManyToManyField(
        "home.PartnerOrganisation",
        verbose_name=_("owner organisations"),
        related_name="action_points",
        limit_choices_to={"locale__language_code": "en"},
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.OPEN
    )
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ActionPointQuerySet.as_manager()
    status_choices = ActionStatus.choices

    panels = [
        FieldPanel("meeting"),
        FieldPanel("text"),
        FieldPanel("owners"),
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

    def save(self, *args, **kwargs):
        # Every saved change moves the version on, from the admin as from the
        # Partners area, so a form opened before it is refused (not applied).
        if self.pk is not None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status not in CLOSED_ACTION_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()

    def owner_names(self):
        return ", ".join(org.acronym for org in self.owners.all())


class ActionPointUpdate(models.Model):
    """Who changed an action point's status or notes, when, and to what."""

    action_point = models.ForeignKey(ActionPoint, on_delete=models.CASCADE, related_name="updates")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    old_status = models.CharField(max_length=20, choices=ActionStatus)
    new_status = models.CharField(max_length=20, choices=ActionStatus)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]


class ReminderLog(models.Model):
    """One reminder sent: never send the same one twice."""

    class Kind(models.TextChoices):
        UPCOMING = "upcoming", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    action_point = models.ForeignKey(
        ActionPoint, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action_point", "kind", "due_date"], name="one_reminder_per_due_date"
            )
        ]
