"""Choices of the Guide and its review."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Treaty(models.TextChoices):
    """The agreements the Guide refers to."""

    BASEL = "basel", _("Basel Convention")
    ROTTERDAM = "rotterdam", _("Rotterdam Convention")
    STOCKHOLM = "stockholm", _("Stockholm Convention")
    CITES = "cites", _("CITES")
    MONTREAL = "montreal", _("Montreal Protocol")
    CARTAGENA = "cartagena", _("Cartagena Protocol on Biosafety")
    CWC = "cwc", _("Chemical Weapons Convention")


class NoteKind(models.TextChoices):
    TIP = "tip", _("Tip")
    WARNING = "warning", _("Warning")
    EXAMPLE = "example", _("Example")


class AssignmentState(models.TextChoices):
    """Where one organisation stands in one review round."""

    INVITED = "invited", _("Invited")
    REVIEWING = "reviewing", _("Reviewing")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    DECLINED = "declined", _("Declined to review")


class ReviewAction(models.TextChoices):
    """What happened in a round: the history's vocabulary."""

    OPENED = "opened", _("Round opened")
    INVITED = "invited", _("Organisation invited")
    STARTED = "started", _("Review started")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    DECLINED = "declined", _("Declined to review")
    COMMENTED = "commented", _("Commented")
    ANSWERED = "answered", _("Answered")
    RESOLVED = "resolved", _("Resolved")
    REOPENED = "reopened", _("Comment reopened")
    DEADLINE_CHANGED = "deadline_changed", _("Deadline changed")
    COMPLETED = "completed", _("Round complete")
    INCOMPLETE = "incomplete", _("Round no longer complete")
