"""Canaries of the network: a training institution's contact (the public
page shows it to Partners and the Secretariat only) and a resource person
listed in the Partners' roster (never shown to anyone not signed in)."""

import datetime as dt

from gci.home.models import ResourcePerson
from gci.home.network.models import TrainingInstitution

from .leaks import ANONYMOUS, Planted, canary

LANGUAGES = ("en", "fr", "ar", "zh-hans")


@canary("institution_contact", hidden_from=(ANONYMOUS,))
def institution_contact(token, people):
    """A RILO in Africa whose contact is the Partners' only."""
    institution = TrainingInstitution.objects.create(
        kind="rilo",
        name=f"Public office {token[-6:]}",
        region="africa",
        curriculum="no",
        contact_name=f"Analyst {token}",
        contact_email=f"analyst-{token}@example.org",
        contact_phone="+254 000 000",
    )
    return Planted(
        urls=[f"/{language}/training-institutions/" for language in LANGUAGES]
        + ["/en/training-institutions/?region=africa&kind=rilo"],
        strings=[institution.contact_name, institution.contact_email],
    )


@canary("resource_person", hidden_from=(ANONYMOUS,))
def resource_person(token, people):
    """A resource person who agreed to share everything with the Partners."""
    person = ResourcePerson.objects.create(
        organisation=people.owner_organisation,
        name=f"Roster {token}",
        expertise=f"Trains on {token}",
        languages=["en"],
        region="africa",
        treaties=["cites"],
        email=f"roster-{token}@example.org",
        shared=["name", "expertise", "languages", "region", "treaties", "workshops", "email"],
        consented_on=dt.date.today(),
    )
    return Planted(
        urls=[f"/{language}/planning/resource-persons/" for language in LANGUAGES]
        + [f"/{language}/planning/resource-persons/{person.pk}/" for language in LANGUAGES]
        + ["/en/planning/resource-persons/?region=africa&treaty=cites"],
        strings=[person.name, person.expertise, person.email],
    )
