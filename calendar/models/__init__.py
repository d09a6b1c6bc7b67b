"""Models of the events calendar: event pages, action points, feed tokens,
workshop requests, consultations."""

from .actions import ActionPoint, ActionPointUpdate, ReminderLog
from .consultations import (
    Consultation,
    ConsultationAnswer,
    ConsultationChange,
    ConsultationComment,
    ConsultationInvitation,
    ConsultationReminderLog,
    ExpertSuggestion,
    MaterialOffer,
    StaleAnswer,
)
from .feeds import CalendarFeedToken
from .pages import EventIndexPage, EventLink, EventPage
from .workshops import PriorityCriterion, WorkshopRequest, WorkshopRequestChange

__all__ = [
    "ActionPoint",
    "ActionPointUpdate",
    "CalendarFeedToken",
    "Consultation",
    "ConsultationAnswer",
    "ConsultationChange",
    "ConsultationComment",
    "ConsultationInvitation",
    "ConsultationReminderLog",
    "ExpertSuggestion",
    "MaterialOffer",
    "StaleAnswer",
    "EventIndexPage",
    "EventLink",
    "EventPage",
    "PriorityCriterion",
    "ReminderLog",
    "WorkshopRequest",
    "WorkshopRequestChange",
]
