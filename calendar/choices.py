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


# -- The workshop cycle: requests, priorities, funding ---------------------


class RequestingBody(models.TextChoices):
    CUSTOMS = "customs", _("National customs administration")
    UNEP_OFFICE = "unep_office", _("UNEP regional office")
    OTHER = "other", _("Other")


class RequestState(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    PRIORITISED = "prioritised", _("Prioritised")
    PLANNED = "planned", _("Planned")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Where a request may go from each state: the one rule every path (the
# admin, the Partners area, the demo) goes through (WorkshopRequest.check_move).
REQUEST_TRANSITIONS = {
    RequestState.RECEIVED: {
        RequestState.UNDER_CONSIDERATION,
        RequestState.PRIORITISED,
        RequestState.DECLINED,
        RequestState.WITHDRAWN,
    },
    RequestState.UNDER_CONSIDERATION: {
        RequestState.PRIORITISED,
        RequestState.DECLINED,
        RequestState.WITHDRAWN,
    },
    RequestState.PRIORITISED: {
        RequestState.UNDER_CONSIDERATION,
        RequestState.PLANNED,
        RequestState.DECLINED,
        RequestState.WITHDRAWN,
    },
    # A planned workshop that cannot take place goes back to the priorities.
    RequestState.PLANNED: {RequestState.PRIORITISED},
    # A declined request may be reconsidered; a withdrawn one is closed.
    RequestState.DECLINED: {RequestState.UNDER_CONSIDERATION},
    RequestState.WITHDRAWN: set(),
}
# The requester's organisation may withdraw its request until it is prioritised.
WITHDRAWABLE_STATES = (RequestState.RECEIVED, RequestState.UNDER_CONSIDERATION)


class FundingState(models.TextChoices):
    COMMITTED = "committed", _("Committed")
    EXPECTED = "expected", _("Expected")
    NONE = "none", _("None yet")


class Currency(models.TextChoices):
    USD = "USD", "USD"
    EUR = "EUR", "EUR"
    CHF = "CHF", "CHF"


class WorkplanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")


# The states in which the Partners read a workplan (a draft is the Secretariat's).
VISIBLE_WORKPLAN_STATES = (WorkplanState.CONSULTATION, WorkplanState.ADOPTED)


# -- The workshop cycle: outcomes and evaluation ------------------------------


class Agency(models.TextChoices):
    """Where a workshop's participants work (the report's "customs and
    enforcement officers", and the ministries beside them)."""

    CUSTOMS = "customs", _("Customs")
    ENVIRONMENT = "environment", _("Environment ministry or agency")
    POLICE = "police", _("Police or border guard")
    PROSECUTION = "prosecution", _("Prosecution or judiciary")
    OTHER = "other", _("Other agency")


class EvaluationKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    PARTNERS_MEETING = "partners_meeting", _("Partners' meeting")


class ConsultationState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ConsultationResponse(models.TextChoices):
    TAKES_PART = "takes_part", _("Takes part")
    DECLINES = "declines", _("Declines")


class CommentTarget(models.TextChoices):
    CONCEPT_NOTE = "concept_note", _("Concept note")
    AGENDA = "agenda", _("Draft agenda")
    GENERAL = "general", _("General")


class ConsultationAction(models.TextChoices):
    OPENED = "opened", _("Consultation opened")
    CHANGED = "changed", _("Consultation changed")
    CLOSED = "closed", _("Consultation closed")
    TAKES_PART = "takes_part", _("Will take part")
    DECLINES = "declines", _("Declined")
    EXPERT = "expert", _("Suggested an expert")
    COMMENT = "comment", _("Commented")
    MATERIAL = "material", _("Offered a material")
