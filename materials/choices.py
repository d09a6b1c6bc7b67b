"""Choices of the Guide and its review, and of the GCI suitcase."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gci.home.choices import Treaty as AnyTreaty

# The agreements the Guide refers to: the conventions among the partnership's
# treaties and mandates (gci.home.choices), whose values and labels are kept there.
GUIDE_TREATIES = ["BASEL", "ROTTERDAM", "STOCKHOLM", "CITES", "MONTREAL", "CARTAGENA", "CWC"]
Treaty = models.TextChoices(
    "Treaty",
    [(name, (AnyTreaty[name].value, AnyTreaty[name].label)) for name in GUIDE_TREATIES],
)


class NoteKind(models.TextChoices):
    TIP = "tip", _("Tip")
    WARNING = "warning", _("Warning")
    EXAMPLE = "example", _("Example")


class AssignmentState(models.TextChoices):
    """Where one organisation stands in one review round."""

    INVITED = "invited", _("Invited")
    REVIEWING = "reviewing", _("Reviewing")
    APPROVED = "approved", pgettext_lazy("translation review", "Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    DECLINED = "declined", _("Declined to review")


class ReviewAction(models.TextChoices):
    """What happened in a round: the history's vocabulary."""

    OPENED = "opened", _("Round opened")
    INVITED = "invited", _("Organisation invited")
    STARTED = "started", _("Review started")
    APPROVED = "approved", pgettext_lazy("translation review", "Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    DECLINED = "declined", _("Declined to review")
    COMMENTED = "commented", _("Commented")
    ANSWERED = "answered", _("Answered")
    RESOLVED = "resolved", _("Resolved")
    DEADLINE_CHANGED = "deadline_changed", _("Deadline changed")
    APPROVAL_OUTDATED = "approval_outdated", _("Approval outdated: the text changed since")
    COMPLETED = "completed", _("Round complete")
    INCOMPLETE = "incomplete", _("Round no longer complete")


class MaterialType(models.TextChoices):
    PRESENTATION = "presentation", _("Presentation")
    TRAINING_MODULE = "training_module", _("Training module")
    MANUAL = "manual", _("Manual")
    CASE_STUDY = "case_study", _("Case study")
    SURVEY = "survey", _("Survey")
    VIDEO = "video", _("Video")
    MEETING_DOCUMENT = "meeting_document", _("Meeting document")
    OTHER = "other", _("Other")


class TreatyTopic(models.TextChoices):
    HAZARDOUS_WASTE = "hazardous_waste", _("Hazardous waste")
    CHEMICALS = "chemicals", _("Chemicals and pesticides")
    POPS = "pops", _("Persistent organic pollutants")
    ENDANGERED_SPECIES = "endangered_species", _("Endangered species")
    ODS = "ods", _("Ozone-depleting substances")
    LMOS = "lmos", _("Living modified organisms")
    CHEMICAL_WEAPONS = "chemical_weapons", _("Chemical weapons")
    CUSTOMS_PROCEDURES = "customs_procedures", _("Customs procedures")
    CRIME = "crime", _("Crime")


class MaterialStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, waiting for the Secretariat")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class SuitcaseSort(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    TITLE = "title", _("Title")


class CourseStatus(models.TextChoices):
    """Where a course of the e-learning catalogue stands."""

    PLANNED = "planned", _("Planned")
    AVAILABLE = "available", _("Available")
    RETIRED = "retired", _("Retired")


class LengthUnit(models.TextChoices):
    """What a course's length counts; each label names the count it heads
    (“Length in hours: 12”), so no plural is needed in any language."""

    HOURS = "hours", _("Length in hours")
    DAYS = "days", _("Length in days")
    WEEKS = "weeks", _("Length in weeks")
    MODULES = "modules", _("Number of modules")


class EnforcementKind(models.TextChoices):
    """What an enforcement record tells: a seizure, a prosecution, or a
    positive story (a facilitation of legal trade, a success of cooperation)."""

    SEIZURE = "seizure", _("Seizure")
    PROSECUTION = "prosecution", _("Prosecution")
    POSITIVE = "positive", _("Positive story")


class EnforcementState(models.TextChoices):
    """Where a record stands in the Secretariat's review."""

    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    NOT_PUBLISHED = "not_published", _("Not published")


class QuantityUnit(models.TextChoices):
    """The unit of a seized quantity."""

    KG = "kg", _("kilograms")
    TONNES = "t", _("tonnes")
    LITRES = "l", _("litres")
    CUBIC_METRES = "m3", _("cubic metres")
    PIECES = "pieces", _("pieces")
    SPECIMENS = "specimens", _("specimens")
    CYLINDERS = "cylinders", _("cylinders")
    CONTAINERS = "containers", _("containers")
