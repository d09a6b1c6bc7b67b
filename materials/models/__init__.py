"""Models of the Guide and its review, the GCI suitcase, case studies and
the e-learning catalogue:
re-exports only (each area has its module)."""

from .case_studies import CaseStudyIndexPage, CaseStudyPage
from .courses import Course, CourseCatalogPage
from .enforcement import EnforcementNewsPage, EnforcementPhoto, EnforcementRecord
from .guide import GuideChapterPage, GuidePage, ReviewGatedMixin, TranslationNotReviewed
from .guide_pdf import GuidePdf
from .review import (
    ChapterReadMark,
    GuideReviewTask,
    ReviewAssignment,
    ReviewComment,
    ReviewEvent,
    ReviewIndexPage,
    ReviewReminderLog,
    ReviewRound,
)
from .suitcase import Material, MaterialVersion, SuitcasePage

__all__ = [
    "ChapterReadMark",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "Course",
    "CourseCatalogPage",
    "EnforcementNewsPage",
    "EnforcementPhoto",
    "EnforcementRecord",
    "GuideChapterPage",
    "GuidePage",
    "GuidePdf",
    "GuideReviewTask",
    "Material",
    "MaterialVersion",
    "ReviewAssignment",
    "ReviewComment",
    "ReviewEvent",
    "ReviewGatedMixin",
    "ReviewIndexPage",
    "ReviewReminderLog",
    "ReviewRound",
    "SuitcasePage",
    "TranslationNotReviewed",
]
