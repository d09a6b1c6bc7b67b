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


class UNRegion(models.TextChoices):
    """The United Nations regional groups, and events that belong to none."""

    AFRICA = "africa", _("Africa")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
    EASTERN_EUROPE = "eastern_europe", _("Eastern Europe")
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean", _("Latin America and the Caribbean")
    WESTERN_EUROPE_OTHERS = "western_europe_others", _("Western Europe and others")
    GLOBAL = "global", _("Global")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


CLOSED_ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.DROPPED)
