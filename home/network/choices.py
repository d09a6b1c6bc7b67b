"""Vocabularies of the network (institutions and resource persons)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstitutionKind(models.TextChoices):
    TRAINING = "training", _("National customs training institution")
    RILO = "rilo", _("Regional intelligence liaison office (RILO)")
    OTHER = "other", _("Other institution")


class Curriculum(models.TextChoices):
    """Whether green customs is taught in the institution's curriculum."""

    YES = "yes", _("In the curriculum")
    PLANNED = "planned", _("Planned")
    NO = "no", _("Not in the curriculum")
    UNKNOWN = "unknown", _("Not known")


class SharedDetail(models.TextChoices):
    """What a resource person agreed to share with the Partners. Their name
    and organisation come first: without them the person is not on the
    Partners' roster at all."""

    NAME = "name", _("Name and organisation (listed in the Partners' roster)")
    EXPERTISE = "expertise", _("Expertise")
    LANGUAGES = "languages", _("Languages")
    REGION = "region", _("Region")
    TREATIES = "treaties", _("Topics (treaties)")
    WORKSHOPS = "workshops", _("Workshops given")
    EMAIL = "email", _("Email address")
