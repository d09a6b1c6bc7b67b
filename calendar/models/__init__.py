"""Models of the events calendar: event pages, action points, feed tokens,
workshop requests, the workplan."""

from .actions import ActionPoint, ActionPointUpdate, ReminderLog
from .feeds import CalendarFeedToken
from .pages import EventIndexPage, EventLink, EventPage
from .workplan import Workplan, WorkplanComment, WorkshopPlan
from .workshops import PriorityCriterion, WorkshopRequest, WorkshopRequestChange

__all__ = [
    "ActionPoint",
    "ActionPointUpdate",
    "CalendarFeedToken",
    "EventIndexPage",
    "EventLink",
    "EventPage",
    "PriorityCriterion",
    "ReminderLog",
    "Workplan",
    "WorkplanComment",
    "WorkshopPlan",
    "WorkshopRequest",
    "WorkshopRequestChange",
]
