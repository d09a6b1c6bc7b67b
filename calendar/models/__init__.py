"""Models of the events calendar: event pages, action points, feed tokens,
workshop requests, the workplan, workshop outcomes and evaluations, the
training indicators page."""

from .actions import ActionPoint, ActionPointUpdate, ReminderLog
from .feeds import CalendarFeedToken
from .outcomes import (
    EvaluationAnswer,
    EvaluationForm,
    ParticipantCount,
    WorkshopOutcome,
    WorkshopPhoto,
)
from .pages import EventIndexPage, EventLink, EventPage
from .training import TrainingIndicatorsPage
from .workplan import Workplan, WorkplanComment, WorkshopPlan
from .workshops import PriorityCriterion, WorkshopRequest, WorkshopRequestChange

__all__ = [
    "ActionPoint",
    "ActionPointUpdate",
    "CalendarFeedToken",
    "EventIndexPage",
    "EventLink",
    "EvaluationAnswer",
    "EvaluationForm",
    "EventPage",
    "ParticipantCount",
    "PriorityCriterion",
    "ReminderLog",
    "TrainingIndicatorsPage",
    "Workplan",
    "WorkplanComment",
    "WorkshopPlan",
    "WorkshopRequest",
    "WorkshopOutcome",
    "WorkshopPhoto",
    "WorkshopRequestChange",
]
