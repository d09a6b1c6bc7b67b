"""Models of the events calendar: event pages, action points, feed tokens."""

from .actions import ActionPoint, ActionPointUpdate, ReminderLog
from .feeds import CalendarFeedToken
from .pages import EventIndexPage, EventLink, EventPage

__all__ = [
    "ActionPoint",
    "ActionPointUpdate",
    "CalendarFeedToken",
    "EventIndexPage",
    "EventLink",
    "EventPage",
    "ReminderLog",
]
