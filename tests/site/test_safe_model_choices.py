"""Every model choice a Partner can post refuses a crafted id with a form
error, never a server error: an id past every database's integers (2**70:
SQLite raised ``OverflowError`` on it), a negative one, a word, and one with
a NUL. Each form is posted as its view receives it, by the user who may post
it, with everything else valid; the page comes back with the field in error.

Run it on PostgreSQL too (``DATABASE_URL=postgres://…``): the ranges of the
ids differ there (an ``AutoField`` is 32 bits)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.forms import BaseForm, BaseFormSet
from django.utils.html import escape

from gci.calendar.models import EventPage
from gci.home.models import ResourcePerson
from gci.home.reporting.models import ActivityReport
from gci.site.forms import SafeModelChoiceField, SafeModelMultipleChoiceField
from tests.factories.calendar import proposal_data
from tests.security.doors_consult import consultation_for
from tests.security.doors_reporting import round_for

pytestmark = pytest.mark.django_db

BAD_IDS = [str(2**70), "-5", "abc", "1\x00"]


def _propose(client, user):
    client.post("/en/planning/propose/", proposal_data())
    return EventPage.objects.get(title="Ozone smuggling course, Bangkok")


def propose(client, user):
    return "/en/planning/propose/", proposal_data()


def edit_proposal(client, user):
    event = _propose(client, user)
    url = f"/en/planning/proposals/{event.pk}/edit/"
    return url, {**proposal_data(city="Chiang Mai"), "version": event.latest_revision_id}


def consultation(form):
    def build(client, user):
        organisation = user.membership.organisation
        ResourcePerson.objects.create(
            organisation=organisation, name="Dr Expert", expertise="Timber", languages=["en"]
        )
        url = f"/en/planning/consultations/{consultation_for(organisation).pk}/"
        data = {
            "expert": {"form": "expert", "expert-name": "A new expert"},
            "material": {"form": "material", "material-title": "A leaflet"},
        }[form]
        return url, data

    return build


def report(client, user):
    reporting_round = round_for(user.membership.organisation)
    invitation = reporting_round.invitation_for(user.membership.organisation)
    report = ActivityReport.objects.filter(invitation=invitation).first()
    return f"/en/planning/reports/{reporting_round.pk}/", {
        "version": report.version if report else 0,
        "materials_text": "A leaflet on ozone-depleting substances",
        "activities-TOTAL_FORMS": "1",
        "activities-INITIAL_FORMS": "0",
        "activities-MAX_NUM_FORMS": "1000",
        "activities-0-title": "Training of customs officers",
        "activities-0-date": reporting_round.period_start.isoformat(),
    }


def contribution(client, user):
    return "/en/planning/contributions/new/", {
        "version": "0",
        "year": str(dt.date.today().year),
        "kind": "trainer",
        "description": "Two trainers in Bangkok",
        "quantity": "4",
        "unit": "days",
        "value": "100",
        "currency": "USD",
        "basis": "",
    }


# (the form, the name its field is posted under, how to reach it)
FORMS = [
    ("propose", "organisers", propose),
    ("edit_proposal", "organisers", edit_proposal),
    ("consultation expert", "expert-person", consultation("expert")),
    ("consultation material", "material-material", consultation("material")),
    ("report", "materials", report),
    ("report activity", "activities-0-event", report),
    ("contribution", "event", contribution),
    ("contribution", "material", contribution),
    ("contribution", "review_round", contribution),
]


def _forms_in(response):
    """Every form the page was rendered with (formsets' and dicts' too)."""
    for context in response.context:
        for value in context.flatten().values():
            values = value.values() if isinstance(value, dict) else [value]
            for item in values:
                if isinstance(item, BaseForm):
                    yield item
                elif isinstance(item, BaseFormSet):
                    yield from item.forms


def _errors_of(response, posted_name):
    for form in _forms_in(response):
        for name, field in form.fields.items():
            if form.add_prefix(name) == posted_name:
                assert isinstance(field, SafeModelChoiceField | SafeModelMultipleChoiceField), (
                    f"{posted_name} is a {type(field).__name__}"
                )
                return form.errors.get(name)
    raise AssertionError(f"no field posted as {posted_name}")


@pytest.mark.parametrize("bad_id", BAD_IDS, ids=["2**70", "negative", "word", "nul"])
@pytest.mark.parametrize(("form", "field", "build"), FORMS, ids=[f"{f[0]}:{f[1]}" for f in FORMS])
def test_a_crafted_id_is_a_form_error_not_a_server_error(
    client, wco_user, form, field, build, bad_id
):
    client.force_login(wco_user)
    url, data = build(client, wco_user)
    response = client.post(url, {**data, field: bad_id})
    assert response.status_code in (200, 400), (url, field, response.status_code)
    errors = _errors_of(response, field)
    assert errors, (url, field, "no error on the field")
    body = response.content.decode()
    assert any(escape(message) in body for message in errors), "the error is not shown"


def test_the_fields_refuse_what_the_database_cannot_hold_before_asking_it(
    django_assert_num_queries,
):
    """No query is made for an id that cannot be one (a negative one could be)."""
    from gci.home.models import PartnerOrganisation

    single = SafeModelChoiceField(queryset=PartnerOrganisation.objects.all())
    multiple = SafeModelMultipleChoiceField(queryset=PartnerOrganisation.objects.all())
    with django_assert_num_queries(0):
        for bad_id in (str(2**70), str(-(2**70)), "abc", "1\x00", "1.5"):
            for field, value in ((single, bad_id), (multiple, ["1", bad_id])):
                with pytest.raises(ValidationError):
                    field.clean(value)
