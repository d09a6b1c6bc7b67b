from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class ReportingAction(models.TextChoices):
    OPENED = "opened", _("Round opened")
    CHANGED = "changed", _("Round changed")
    CLOSED = "closed", _("Round closed")
    SAVED = "saved", _("Draft saved")
    SUBMITTED = "submitted", _("Report sent")
    NOTHING = "nothing", _("Nothing to report")
    COMPILED = "compiled", _("Mid-year summary compiled")


class SummaryAudience(models.TextChoices):
    PARTNERS = "partners", _("Partners only (in the Partners area)")
    PUBLIC = "public", _("Public")
