"""Choices of the focal-point directory."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    FOCAL_POINT = "focal_point", _("National focal point")
    COMPETENT_AUTHORITY = "competent_authority", _("Competent authority")
    DESIGNATED_NATIONAL_AUTHORITY = "dna", _("Designated national authority")
    OZONE_UNIT = "ozone_unit", _("National ozone unit")
    MANAGEMENT_AUTHORITY = "management_authority", _("CITES management authority")
    NATIONAL_AUTHORITY = "national_authority", _("National authority")
    CUSTOMS_CONTACT = "customs_contact", _("Customs contact point")
    NATIONAL_CENTRAL_BUREAU = "ncb", _("National central bureau")
    OFFICE = "office", _("Field or regional office")
    OTHER = "other", _("Other contact list")
