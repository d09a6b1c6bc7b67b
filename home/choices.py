"""Vocabularies of the whole partnership: every app that names a treaty or a
UN region takes it from here (the values are stored in the apps' tables, so
they never change)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Treaty(models.TextChoices):
    """The treaties and mandates of the Partners (the focal-point directory
    lists them all; the Guide refers to the conventions among them)."""

    BASEL = "basel", _("Basel Convention")
    ROTTERDAM = "rotterdam", _("Rotterdam Convention")
    STOCKHOLM = "stockholm", _("Stockholm Convention")
    CITES = "cites", _("CITES")
    MONTREAL = "montreal", _("Montreal Protocol")
    CARTAGENA = "cartagena", _("Cartagena Protocol on Biosafety")
    CWC = "cwc", _("Chemical Weapons Convention")
    CUSTOMS = "customs", _("Customs cooperation (WCO)")
    CRIME = "crime", _("Organised crime (UNODC)")
    POLICE = "police", _("Police cooperation (INTERPOL)")
    ENVIRONMENT = "environment", _("Environment (UNEP)")


class UNRegion(models.TextChoices):
    """The United Nations regional groups, and events that belong to none."""

    AFRICA = "africa", _("Africa")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
    EASTERN_EUROPE = "eastern_europe", _("Eastern Europe")
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean", _("Latin America and the Caribbean")
    WESTERN_EUROPE_OTHERS = "western_europe_others", _("Western Europe and others")
    GLOBAL = "global", _("Global")


class MembershipStatus(models.TextChoices):
    """Where an organisation stands in the partnership."""

    PARTNER = "partner", _("Partner")
    INVITED = "invited", _("Invited to join")
    OBSERVER = "observer", _("Observer")


class Language(models.TextChoices):
    """The languages a material or a request is in: the six UN languages and a
    few more that Partners' materials come in ("local languages as appropriate")."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    RUSSIAN = "ru", _("Russian")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh-hans", _("Chinese")
    PORTUGUESE = "pt", _("Portuguese")
    OTHER = "other", _("Other language")


class NewsType(models.TextChoices):
    """What a news item is: news of the initiative, an announcement (a call, a
    deadline, a change) or a publication (a Guide edition, a report)."""

    NEWS = "news", _("News")
    ANNOUNCEMENT = "announcement", _("Announcement")
    PUBLICATION = "publication", _("Publication")
