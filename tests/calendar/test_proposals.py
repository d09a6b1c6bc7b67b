"""Partners share planned trainings; the Secretariat moderates them."""

import re

import pytest
from wagtail.models import Locale, WorkflowState

from gci.calendar.models import EventPage
from tests.factories.calendar import proposal_data
from tests.helpers import dangling_descriptions, force_login_with_totp

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


# -- Opening, editing and withdrawing a proposal --------------------------


def _propose(client, user, **overrides):
    client.force_login(user)
    client.post("/en/planning/propose/", proposal_data(**overrides))
    return EventPage.objects.get(title=overrides.get("title", "Ozone smuggling course, Bangkok"))


@pytest.fixture
def wco_colleague(db):
    """A second member of WCO."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from gci.home.models import Membership, PartnerOrganisation

    user = get_user_model().objects.create_user(
        username="colleague", email="colleague@wco.example", first_name="Ana", last_name="Silva"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name="Partners"))
    Membership.objects.create(
        user=user,
        organisation=PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en"),
    )
    return user


def test_each_proposal_opens_from_the_list(client, wco_user):
    event = _propose(client, wco_user)
    listing = client.get("/en/planning/proposals/").content.decode()
    assert f'href="/en/planning/proposals/{event.pk}/"' in listing
    response = client.get(f"/en/planning/proposals/{event.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Three days on refrigerant gases." in body
    assert "Submitted, awaiting review" in body
    assert f'href="/en/planning/proposals/{event.pk}/edit/"' in body
    assert f'href="/en/planning/proposals/{event.pk}/withdraw/"' in body
    assert "no-store" in response["Cache-Control"]


def test_a_colleague_and_the_secretariat_open_it_another_organisation_gets_404(
    client, wco_user, wco_colleague, cites_user, secretariat_user
):
    event = _propose(client, wco_user)
    urls = [f"/en/planning/proposals/{event.pk}/{view}" for view in ("", "edit/", "withdraw/")]
    client.force_login(wco_colleague)
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    force_login_with_totp(client, secretariat_user)
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    client.force_login(cites_user)
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    assert client.post(urls[2]).status_code == 404
    edit = client.post(urls[1], {**proposal_data(title="Hijacked"), "version": 1})
    assert edit.status_code == 404
    event.refresh_from_db()
    assert event.title == "Ozone smuggling course, Bangkok"
    assert WorkflowState.objects.get(object_id=str(event.pk)).status == "in_progress"


def test_an_edit_while_submitted_saves_a_new_revision_that_approval_publishes(
    client, wco_user, secretariat_user
):
    event = _propose(client, wco_user)
    form = client.get(f"/en/planning/proposals/{event.pk}/edit/").content.decode()
    assert f'name="version" value="{event.latest_revision_id}"' in form
    assert 'value="Ozone smuggling course, Bangkok"' in form
    response = client.post(
        f"/en/planning/proposals/{event.pk}/edit/",
        {**proposal_data(city="Chiang Mai"), "version": event.latest_revision_id},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/planning/proposals/{event.pk}/"
    event.refresh_from_db()
    assert event.city == "Chiang Mai"
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, secretariat_user, "approve")
    event.refresh_from_db()
    assert event.live and event.city == "Chiang Mai"


def test_a_stale_edit_is_refused_and_what_was_typed_is_kept(client, wco_user, wco_colleague):
    event = _propose(client, wco_user)
    started_from = event.latest_revision_id
    client.force_login(wco_colleague)
    client.post(
        f"/en/planning/proposals/{event.pk}/edit/",
        {**proposal_data(city="Chiang Mai"), "version": started_from},
    )
    client.force_login(wco_user)
    response = client.post(
        f"/en/planning/proposals/{event.pk}/edit/",
        {**proposal_data(summary="My description, typed at length."), "version": started_from},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Ana Silva changed this proposal while you were editing it." in body
    assert "My description, typed at length." in body  # kept in the form
    assert "Chiang Mai" in body  # their version, shown
    event.refresh_from_db()
    assert event.city == "Chiang Mai"
    assert event.summary == "Three days on refrigerant gases."
    # The form now carries the newer revision: saving again is deliberate.
    assert f'name="version" value="{event.latest_revision_id}"' in body


def test_withdrawing_asks_first_then_takes_it_out_of_review(client, wco_user):
    event = _propose(client, wco_user)
    confirm = client.get(f"/en/planning/proposals/{event.pk}/withdraw/")
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    assert WorkflowState.objects.get(object_id=str(event.pk)).status == "in_progress"
    response = client.post(f"/en/planning/proposals/{event.pk}/withdraw/")
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_CANCELLED
    body = client.get(f"/en/planning/proposals/{event.pk}/").content.decode()
    assert "Withdrawn" in body
    assert "/edit/" not in body and "/withdraw/" not in body
    # A withdrawn proposal can no longer be edited.
    edit = client.post(
        f"/en/planning/proposals/{event.pk}/edit/",
        {**proposal_data(city="Elsewhere"), "version": event.latest_revision_id},
    )
    assert edit.status_code == 302
    event.refresh_from_db()
    assert event.city == "Bangkok"


def test_a_decided_proposal_cannot_be_edited(client, wco_user, secretariat_user):
    event = moderate(client, wco_user, secretariat_user, "approve")
    response = client.get(f"/en/planning/proposals/{event.pk}/edit/")
    assert response.status_code == 302
    assert client.post(f"/en/planning/proposals/{event.pk}/withdraw/").status_code == 302
    assert WorkflowState.objects.get(object_id=str(event.pk)).status == "approved"
    body = client.get(f"/en/planning/proposals/{event.pk}/").content.decode()
    assert event.url in body  # a link to the published event
