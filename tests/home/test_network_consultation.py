"""The workshop consultation's expert suggestion and the roster: an
organisation suggests one of its own resource persons (chosen, not typed
again) or a new one; another organisation's person cannot be chosen."""

import datetime as dt

import pytest

from gci.calendar.models import Consultation, EventPage, ExpertSuggestion
from gci.home.models import ResourcePerson

pytestmark = pytest.mark.django_db


def consultation_for(organisation):
    """A new consultation on a demo workshop, ``organisation`` invited."""
    event = EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")
    consultation = Consultation.objects.create(
        event=event, deadline=dt.date.today() + dt.timedelta(days=10)
    )
    consultation.organisations.set([organisation])
    return consultation


def url(consultation):
    return f"/en/planning/consultations/{consultation.pk}/"


def own_person(user, name="Mr Samuel Bekele"):
    person = ResourcePerson.objects.get(name=name)
    assert person.organisation == user.membership.organisation
    return person


def test_the_form_offers_only_the_organisations_own_people(client, cites_user):
    consultation = consultation_for(cites_user.membership.organisation)
    client.force_login(cites_user)
    text = client.get(url(consultation)).content.decode()
    assert 'name="expert-person"' in text
    assert "Mr Samuel Bekele" in text  # CITES's own
    assert "Ms Olga Petrova" not in text  # OPCW's


def test_an_existing_person_is_suggested_without_typing_them_again(client, cites_user):
    consultation = consultation_for(cites_user.membership.organisation)
    person = own_person(cites_user)
    client.force_login(cites_user)
    count = ResourcePerson.objects.count()
    response = client.post(url(consultation), {"form": "expert", "expert-person": str(person.pk)})
    assert response.status_code == 302
    assert ResourcePerson.objects.count() == count  # no second record of the same person
    suggestion = ExpertSuggestion.objects.get(answer__invitation__consultation=consultation)
    assert suggestion.person == person and suggestion.created_by == cites_user
    # Twice is once.
    response = client.post(
        url(consultation), {"form": "expert", "expert-person": str(person.pk)}, follow=True
    )
    assert "already among your suggestions" in response.content.decode()
    assert (
        ExpertSuggestion.objects.filter(answer__invitation__consultation=consultation).count() == 1
    )
    assert consultation.summary()["experts"] == 1


def test_another_organisations_person_or_a_junk_id_is_refused(client, cites_user):
    consultation = consultation_for(cites_user.membership.organisation)
    other = ResourcePerson.objects.get(name="Ms Olga Petrova")
    client.force_login(cites_user)
    for value in (str(other.pk), "99999999999999", "abc"):
        response = client.post(url(consultation), {"form": "expert", "expert-person": value})
        assert response.status_code == 400, value
        assert "Select a valid choice" in response.content.decode()
    assert not ExpertSuggestion.objects.filter(answer__invitation__consultation=consultation)


def test_a_new_expert_still_needs_name_expertise_languages_and_consent(client, cites_user):
    consultation = consultation_for(cites_user.membership.organisation)
    client.force_login(cites_user)
    response = client.post(
        url(consultation),
        {
            "form": "expert",
            "expert-person": "",
            "expert-name": "Dr Typed",
            "expert-languages": ["en"],
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Dr Typed" in text and "This field is required." in text
    assert not ResourcePerson.objects.filter(name="Dr Typed").exists()
    response = client.post(
        url(consultation),
        {
            "form": "expert",
            "expert-name": "Dr Typed",
            "expert-expertise": "Ozone-depleting substances",
            "expert-languages": ["en"],
            "expert-consent": "on",
        },
    )
    assert response.status_code == 302
    person = ResourcePerson.objects.get(name="Dr Typed")
    # Suggested to the Secretariat, not shared with every Partner until they agree.
    assert person.shared == []
    client.get("/en/planning/resource-persons/")
    assert "Dr Typed" not in client.get("/en/planning/resource-persons/").content.decode()
