"""Demo network (`network.yaml`): the training institutions page with its
institutions, and resource persons with what each agreed to share.
Idempotent: each institution and person is found again by name."""

import datetime as dt
from pathlib import Path

from django.apps import apps

from ..datafiles import read_yaml
from ..models import InstitutionIndexPage, ResourcePerson, TrainingInstitution
from .support import organisations_by_acronym

DATA = Path(__file__).parent / "network.yaml"


def load(builder, home, clock=None):
    data = read_yaml(DATA)
    page = builder.child(home, InstitutionIndexPage, "training-institutions", data["page"])
    for item in data["institutions"]:
        if not TrainingInstitution.objects.filter(name=item["name"]).exists():
            institution = TrainingInstitution(**item)
            institution.full_clean()
            institution.save()
    organisations = organisations_by_acronym(builder)
    EventPage = apps.get_model("gci_calendar", "EventPage")
    for item in data["persons"]:
        if ResourcePerson.objects.filter(name=item["name"]).exists():
            continue
        item = dict(item)
        slugs = item.pop("workshops", [])
        consented = item.pop("consented_on", None)
        person = ResourcePerson(
            organisation=organisations[item.pop("organisation")],
            consented_on=_moved(clock, consented),
            **item,
        )
        person.full_clean()
        person.save()
        person.workshops.set(EventPage.objects.filter(slug__in=slugs, locale=builder.locales["en"]))
    return page


def _moved(clock, value):
    """A date of the report, moved as the demo's clock moves the calendar."""
    if not isinstance(value, dt.date):
        return None
    return clock.date(value) if clock is not None else value
