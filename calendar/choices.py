"""Choices of the events calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("GCI workshop")
    TRAINING = "training", _("Training course")
    SIDE_EVENT = "side_event", _("Side event")
    COP_MOP = "cop_mop", _("COP/MOP")
    PARTNERS_MEETING = "partners_meeting", _("Partners meeting")
    OUTREACH = "outreach", _("Outreach")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONTINGENT = "contingent", _("Contingent on funding")
    CONFIRMED = "confirmed", _("Confirmed")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class DatePrecision(models.TextChoices):
    """How precisely an event's date is known (the values of gci.site.dates)."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month only")
    UNKNOWN = "tbc", _("Date to be confirmed")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


CLOSED_ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.DROPPED)
