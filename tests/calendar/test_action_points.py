"""Action points: on the right dashboards, updated by their owners, reminded once."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from gci.calendar.models import ActionPoint, ActionPointUpdate, ReminderLog
from gci.home.models import PartnerOrganisation
from tests.factories.calendar import days_from_today, make_event, planning_index
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_demo_action_points():
    """The demo's 2009 action points are all overdue by now: start clean."""
    ActionPoint.objects.all().delete()


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


@pytest.fixture
def send_reminders(django_capture_on_commit_callbacks):
    """Run the reminders command and commit: the outbox's task delivers."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", verbosity=0)

    return run


def point(meeting, text, due, *owners, **fields):
    action = ActionPoint.objects.create(meeting=meeting, text=text, due_date=due, **fields)
    action.owners.set([org(a) for a in owners])
    return action


def post_update(client, action, status, notes="", version=None):
    """An owner's update from the planning page, made on ``version`` (by
    default the point's version as it is now)."""
    return client.post(
        f"/en/planning/action-points/{action.pk}/",
        {
            "status": status,
            "notes": notes,
            "version": action.version if version is None else version,
        },
    )


def test_partners_see_their_organisations_points_on_the_dashboard(client, meeting, wco_user):
    point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    point(meeting, "CITES uploads modules", days_from_today(5), "CITES")
    client.force_login(wco_user)
    body = client.get("/en/partners-area/").content.decode()
    assert "WCO sends survey results" in body
    assert "CITES uploads modules" not in body


def test_the_secretariat_sees_all_overdue_first(client, meeting, secretariat_user):
    point(meeting, "Later point", days_from_today(20), "WCO")
    point(meeting, "Overdue point", days_from_today(-2), "CITES")
    force_login_with_totp(client, secretariat_user)
    response = client.get("/en/partners-area/")
    panel = [p for p in response.context["dashboard_panels"] if "points" in p][0]
    assert [p.text for p in panel["points"]][:2] == ["Overdue point", "Later point"]
    assert panel["overdue"] == 1


def test_an_owner_updates_status_and_notes_and_history_is_kept(client, meeting, wco_user):
    action = point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    client.force_login(wco_user)
    response = post_update(client, action, "in_progress", "Draft ready")
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.notes, action.updated_by) == (
        "in_progress",
        "Draft ready",
        wco_user,
    )
    update = ActionPointUpdate.objects.get(action_point=action)
    assert (update.old_status, update.new_status, update.user) == ("open", "in_progress", wco_user)


def test_another_organisation_cannot_update_it(client, meeting, cites_user):
    action = point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    client.force_login(cites_user)
    response = post_update(client, action, "done", "")
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == "open"


def test_two_people_at_once_do_not_overwrite_each_other(client, meeting, wco_user):
    action = point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    seen = action.version
    client.force_login(wco_user)
    post_update(client, action, "in_progress", "First", version=seen)
    response = post_update(client, action, "done", "Second, typed meanwhile", version=seen)
    assert response.status_code == 409
    body = response.content.decode()
    assert "changed this action point while you were editing it" in body
    assert "Second, typed meanwhile" in body  # nothing typed is lost
    action.refresh_from_db()
    assert action.notes == "First"


def test_reminders_go_out_once_before_the_due_date_and_once_when_overdue(
    meeting, wco_user, send_reminders
):
    soon = point(meeting, "Send the slides", days_from_today(3), "WCO")
    late = point(meeting, "Send the survey", days_from_today(-1), "WCO")
    point(meeting, "Already done", days_from_today(-1), "WCO", status="done")
    send_reminders()
    assert sorted((m.to[0], "overdue" in m.subject.lower()) for m in mail.outbox) == [
        (wco_user.email, False),
        (wco_user.email, True),
    ]
    assert ReminderLog.objects.filter(action_point=soon, kind="upcoming").exists()
    assert ReminderLog.objects.filter(action_point=late, kind="overdue").exists()
    send_reminders()
    assert len(mail.outbox) == 2  # idempotent


def test_a_new_due_date_gets_a_new_reminder(meeting, wco_user, send_reminders):
    action = point(meeting, "Send the slides", days_from_today(3), "WCO")
    send_reminders()
    action.due_date = days_from_today(5)
    action.save()
    send_reminders()
    assert len(mail.outbox) == 2


def test_a_point_the_secretariat_owns_reminds_the_secretariat(
    meeting, wco_user, secretariat_user, send_reminders
):
    point(meeting, "Circulate the report", days_from_today(2), secretariat_owner=True)
    point(meeting, "Joint note", days_from_today(-2), "WCO", secretariat_owner=True)
    send_reminders()
    assert sorted((m.to[0], "overdue" in m.subject.lower()) for m in mail.outbox) == sorted(
        [
            (secretariat_user.email, False),
            (secretariat_user.email, True),
            (wco_user.email, True),
        ]
    )


def test_reminders_wait_until_the_window_opens(meeting, send_reminders):
    point(meeting, "Far away", days_from_today(60), "WCO")
    send_reminders()
    assert mail.outbox == []


def test_done_or_dropped_points_are_never_overdue(meeting):
    point(meeting, "Done", days_from_today(-5), "WCO", status="done")
    point(meeting, "Dropped", days_from_today(-5), "WCO", status="dropped")
    late = point(meeting, "Late", days_from_today(-5), "WCO")
    assert list(ActionPoint.objects.overdue()) == [late]
    assert list(ActionPoint.objects.overdue(today=dt.date(2000, 1, 1))) == []


def test_the_secretariat_records_action_points_in_the_admin(client, meeting, secretariat_user):
    # The closed point is due earliest: by due date alone (the model's own
    # ordering) it would come first; overdue open points come before it.
    point(meeting, "Closed point", days_from_today(-10), "WCO", status="done")
    point(meeting, "Later point", days_from_today(20), "WCO")
    point(meeting, "Overdue point", days_from_today(-2), "CITES")
    force_login_with_totp(client, secretariat_user)
    response = client.get("/admin/action_points/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Overdue point") < body.index("Closed point")
    assert body.index("Closed point") < body.index("Later point")
    assert client.get("/admin/action_points/new/").status_code == 200


# -- Security issue #12 (8): a shared point is closed by its lead, for all --


def test_an_owner_that_is_not_the_lead_cannot_close_a_shared_point(client, meeting, cites_user):
    action = point(meeting, "Shared survey", days_from_today(5), "WCO", "CITES")
    action.lead = org("WCO")
    action.save()
    client.force_login(cites_user)
    response = post_update(client, action, "done", "CITES part sent")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Only the lead organisation (WCO) or the Secretariat" in body
    assert "CITES part sent" in body  # the typed text is kept
    action.refresh_from_db()
    assert action.status == "open"
    # Notes and "in progress" stay open to every owner.
    assert post_update(client, action, "in_progress", "CITES part sent").status_code == 302
    # The dashboard says who may close it, and offers CITES no "Done".
    panel = client.get("/en/partners-area/").content.decode()
    assert "Only WCO, the lead organisation, or the Secretariat can close" in panel
    assert f'id="ap-status-{action.pk}"' in panel
    select = panel.split(f'id="ap-status-{action.pk}"', 1)[1].split("</select>", 1)[0]
    assert 'value="done"' not in select and 'value="in_progress"' in select


def test_the_lead_closes_it_and_the_others_see_who_and_when(client, meeting, wco_user, cites_user):
    action = point(meeting, "Shared survey", days_from_today(5), "CITES", "WCO")
    action.lead = org("WCO")
    action.save()
    client.force_login(wco_user)
    assert post_update(client, action, "done", "Sent").status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    update = action.updates.get()
    assert (update.user, update.organisation, update.new_status) == (wco_user, org("WCO"), "done")
    client.force_login(cites_user)
    name = wco_user.get_full_name()
    for url in ["/en/partners-area/", meeting.url]:
        body = client.get(url).content.decode()
        assert f"closed for all owners by {name} (WCO) on" in body, url
    # Reopening is the lead's (or the Secretariat's) too, and so is turning
    # "done" into "dropped".
    action.refresh_from_db()
    assert post_update(client, action, "open").status_code == 403
    assert post_update(client, action, "dropped").status_code == 403
    action.refresh_from_db()
    assert action.status == "done"


def test_without_a_chosen_lead_the_first_owner_leads(client, meeting, wco_user):
    action = point(meeting, "Shared survey", days_from_today(5), "CITES", "WCO")
    first = sorted([org("CITES"), org("WCO")], key=lambda o: (o.sort_order, o.name))[0]
    assert action.lead_organisation == first
    client.force_login(wco_user)
    expected = 302 if first.acronym == "WCO" else 403
    assert post_update(client, action, "done").status_code == expected


def test_the_secretariat_closes_any_point(client, meeting, secretariat_user):
    action = point(meeting, "Shared survey", days_from_today(5), "CITES", "WCO")
    force_login_with_totp(client, secretariat_user)
    assert post_update(client, action, "dropped").status_code == 302
    action.refresh_from_db()
    assert action.status == "dropped"


def test_admin_edits_move_the_version_on_and_are_recorded(client, secretariat_user, wco_user):
    ActionPoint.objects.all().delete()
    meeting = make_event(planning_index(), "M", days_from_today(-3), kind="partners_meeting")
    point = ActionPoint.objects.create(meeting=meeting, text="Do it", due_date=days_from_today(4))
    point.owners.set(PartnerOrganisation.objects.filter(acronym="WCO", locale__language_code="en"))
    stale_version = point.version
    force_login_with_totp(client, secretariat_user)
    response = client.post(
        f"/admin/action_points/edit/{point.pk}/",
        {
            "meeting": meeting.pk,
            "text": "Do it",
            "owners": [point.owners.get().pk],
            "due_date": point.due_date.isoformat(),
            "status": "in_progress",
            "notes": "Secretariat note",
        },
    )
    assert response.status_code == 302
    assert ActionPointUpdate.objects.get(action_point=point).user == secretariat_user
    client.force_login(wco_user)
    response = post_update(client, point, "done", "stale", version=stale_version)
    assert response.status_code == 409
    point.refresh_from_db()
    assert point.notes == "Secretariat note"


def test_action_points_of_an_unpublished_meeting_stay_off_dashboards(client, wco_user):
    ActionPoint.objects.all().delete()
    meeting = make_event(
        planning_index(),
        "Draft meeting",
        days_from_today(-3),
        kind="partners_meeting",
        publish=False,
    )
    point = ActionPoint.objects.create(
        meeting=meeting, text="Hidden point", due_date=days_from_today(4)
    )
    point.owners.set(PartnerOrganisation.objects.filter(acronym="WCO", locale__language_code="en"))
    client.force_login(wco_user)
    assert "Hidden point" not in client.get("/en/partners-area/").content.decode()


# The panel is rendered once per organisation and change (gci.calendar.dashboard)


def test_a_partner_never_sees_another_organisations_stored_panel(
    client, meeting, wco_user, cites_user
):
    point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    point(meeting, "CITES uploads modules", days_from_today(5), "CITES")
    client.force_login(wco_user)
    client.get("/en/partners-area/")  # WCO's panel is stored
    client.force_login(cites_user)
    for _ in range(2):  # rendered, then read from the cache
        body = client.get("/en/partners-area/").content.decode()
        assert "CITES uploads modules" in body
        assert "WCO sends survey results" not in body


def test_a_stored_panel_carries_each_visitors_own_csrf_token(client, meeting, wco_user):
    action = point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    client.force_login(wco_user)
    client.get("/en/partners-area/")
    other = client.__class__(enforce_csrf_checks=True)
    other.force_login(wco_user)
    body = other.get("/en/partners-area/").content.decode()
    assert "gci-csrf-token-placeholder" not in body
    token = body.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = other.post(
        f"/en/planning/action-points/{action.pk}/",
        {
            "status": "in_progress",
            "notes": "",
            "version": action.version,
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code == 302


def test_an_update_shows_at_once_on_every_members_dashboard(client, meeting, wco_user):
    action = point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    client.force_login(wco_user)
    client.get("/en/partners-area/")
    post_update(client, action, "in_progress", notes="Half the answers are in")
    assert "Half the answers are in" in client.get("/en/partners-area/").content.decode()


def test_a_new_point_for_the_organisation_shows_at_once(client, meeting, wco_user):
    client.force_login(wco_user)
    client.get("/en/partners-area/")
    point(meeting, "A point added later", days_from_today(5), "WCO")
    assert "A point added later" in client.get("/en/partners-area/").content.decode()
