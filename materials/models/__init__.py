"""Models of the Guide, its review and the GCI suitcase."""

from .guide import GuideChapterPage, GuidePage, ReviewGatedMixin, TranslationNotReviewed
from .review import (
    GuideReviewTask,
    ReviewAssignment,
    ReviewComment,
    ReviewEvent,
    ReviewIndexPage,
    ReviewReminderLog,
    ReviewRound,
)

__all__ = [
    "GuideChapterPage",
    "GuidePage",
    "GuideReviewTask",
    "ReviewAssignment",
    "ReviewComment",
    "ReviewEvent",
    "ReviewGatedMixin",
    "ReviewIndexPage",
    "ReviewReminderLog",
    "ReviewRound",
    "TranslationNotReviewed",
]
