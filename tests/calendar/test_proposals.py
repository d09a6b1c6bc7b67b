"""Partners share planned trainings; the Secretariat moderates them."""

import re

import pytest
from wagtail.models import Locale, WorkflowState

from gci.calendar.models import EventPage
from tests.factories.calendar import proposal_data
from tests.helpers import dangling_descriptions

pytestmark = pytest.mark.django_db


def moderate(client, partner, secretariat_user, action, **kwargs):
    """``partner`` proposes the usual event; the Secretariat takes ``action``
    on it in the moderation workflow. Returns the event as it is then."""
    client.force_login(partner)
    client.post("/en/planning/propose/", proposal_data())
    event = EventPage.objects.get(title="Ozone smuggling course, Bangkok")
    task_state = WorkflowState.objects.get(object_id=str(event.pk)).current_task_state
    task_state.task.specific.on_action(task_state.specific, secretariat_user, action, **kwargs)
    event.refresh_from_db()
    return event


def test_a_partner_proposes_and_it_arrives_as_a_draft_in_moderation(client, wco_user):
    client.force_login(wco_user)
    response = client.post("/en/planning/propose/", proposal_data())
    assert response.status_code == 302
    event = EventPage.objects.get(title="Ozone smuggling course, Bangkok")
    assert not event.live
    assert event.owner == wco_user
    assert event.get_parent().slug == "planning-calendar"
    assert event.status == "contingent"
    assert [o.acronym for o in event.organisers.all()] == ["WCO"]
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page = client.get("/en/planning/proposals/").content.decode()
    assert "Submitted, awaiting review" in page


def test_invalid_input_re_renders_with_messages_and_keeps_what_was_typed(client, wco_user):
    client.force_login(wco_user)
    response = client.post(
        "/en/planning/propose/",
        proposal_data(start_date="2031-03-04", end_date="2031-03-02", organisers=[]),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The end date cannot be before the start date." in body
    assert 'value="Ozone smuggling course, Bangkok"' in body
    assert "Three days on refrigerant gases." in body
    assert not EventPage.objects.filter(title="Ozone smuggling course, Bangkok").exists()


def test_the_secretariat_declines_with_a_reason_and_the_partner_sees_it(
    client, wco_user, secretariat_user
):
    moderate(client, wco_user, secretariat_user, "reject", comment="Dates clash with the COP.")
    body = client.get("/en/planning/proposals/").content.decode()
    assert "Declined" in body and "Dates clash with the COP." in body


def test_published_proposals_show_as_published_in_the_planning_calendar(
    client, wco_user, secretariat_user
):
    event = moderate(client, wco_user, secretariat_user, "approve")
    assert event.live
    assert "Published" in client.get("/en/planning/proposals/").content.decode()
    body = client.get("/en/partners-area/planning-calendar/2031/03/").content.decode()
    assert "Ozone smuggling course, Bangkok" in body


def test_outsiders_and_anonymous_visitors_cannot_propose(client, outsider):
    response = client.get("/en/planning/propose/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(outsider)
    assert client.post("/en/planning/propose/", proposal_data()).status_code == 403
    assert not EventPage.objects.filter(title="Ozone smuggling course, Bangkok").exists()


def test_an_end_date_far_away_is_refused(client, wco_user):
    client.force_login(wco_user)
    response = client.post("/en/planning/propose/", proposal_data(end_date="9999-12-31"))
    assert response.status_code == 200
    assert "between 1990 and 2100" in response.content.decode()
    assert not EventPage.objects.filter(title="Ozone smuggling course, Bangkok").exists()


def test_an_out_of_range_organiser_is_a_form_error(client, wco_user):
    client.force_login(wco_user)
    response = client.post(
        "/en/planning/propose/",
        proposal_data(organisers=["999999999999999999999999999999"]),
    )
    assert response.status_code == 200
    body = response.content.decode()
    # The organisers field is marked and says why (the wording of Django's
    # message differs between SQLite and PostgreSQL for a value out of range).
    error = re.search(r'<p class="errorlist"[^>]*>([^<]+)</p>', body)
    assert error is not None
    assert "valid" in error.group(1)
    assert 'value="Ozone smuggling course, Bangkok"' in body
    assert not EventPage.objects.filter(title="Ozone smuggling course, Bangkok").exists()


def test_each_field_in_error_is_described_by_its_message(client, wco_user):
    client.force_login(wco_user)
    body = client.post(
        "/en/planning/propose/", proposal_data(title="", organisers=["999999999999999999"])
    ).content.decode()
    assert 'aria-describedby="id_organisers_error"' in body  # the organisers' fieldset
    assert 'aria-describedby="id_title_error"' in body
    assert dangling_descriptions(body) == set()


def test_a_proposal_made_in_french_lives_in_the_default_language_calendar(client, wco_user):
    client.force_login(wco_user)
    client.post("/fr/planning/propose/", proposal_data(title="Atelier à Dakar"))
    event = EventPage.objects.get(title="Atelier à Dakar")
    assert event.locale == Locale.get_default()


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Past", "event-past"), ("Feed", "event-feed"), ("2031", "event-2031"), ("ICS", "event-ics")],
)
def test_proposal_slugs_never_hide_behind_calendar_views(client, wco_user, title, slug):
    client.force_login(wco_user)
    client.post("/en/planning/propose/", proposal_data(title=title))
    assert EventPage.objects.get(title=title).slug == slug
