"""The Partner's dashboard ranks the work (issue #13, item 4): one "Your
tasks" column by deadline, action points grouped in a compact table whose
rows fold their update form under "Update"."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gci.calendar.models import ActionPoint
from gci.home.models import PartnerOrganisation
from gci.materials.models import (
    ChapterReadMark,
    GuideChapterPage,
    ReviewAssignment,
    ReviewComment,
)
from tests.factories.calendar import days_from_today

pytestmark = pytest.mark.django_db
DASHBOARD = "/en/partners-area/"


@pytest.fixture(autouse=True)
def _without_demo_action_points():
    ActionPoint.objects.all().delete()


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def point(meeting, text, due, *owners, **fields):
    action = ActionPoint.objects.create(meeting=meeting, text=text, due_date=due, **fields)
    action.owners.set([org(a) for a in owners])
    return action


def wco_review():
    """The review waiting for WCO in the demo (the French translation)."""
    return ReviewAssignment.objects.select_related("round").get(
        organisation__acronym="WCO",
        organisation__locale__language_code="en",
        state__in=["invited", "reviewing"],
    )


def group_texts(body, key):
    """The action points' texts in one group of the table."""
    match = re.search(rf'<tbody class="ap-group ap-group--{key}">(.*?)</tbody>', body, re.S)
    if match is None:
        return []
    return re.findall(r'<p class="action-point__text" dir="auto">(.*?)</p>', match.group(1))


def test_tasks_are_ranked_by_deadline_due_soon_before_overdue(client, meeting, wco_user):
    assignment = wco_review()
    assignment.round.deadline = days_from_today(10)
    assignment.round.save()
    point(meeting, "Overdue survey", days_from_today(-3), "WCO")
    point(meeting, "Soon slides", days_from_today(5), "WCO")
    point(meeting, "Later award", days_from_today(60), "WCO")
    client.force_login(wco_user)
    for _attempt in ("rendered", "from the cache"):  # the tasks are stored with the panel
        response = client.get(DASHBOARD)
        tasks = response.context["tasks"]
        assert [(t["kind"], t["deadline"]) for t in tasks] == [
            ("action_points", days_from_today(5)),  # due soon: still in time, first
            ("review", days_from_today(10)),
            ("action_points", days_from_today(-3)),  # overdue after the ones in time
        ]
        assert [t["days_label"] for t in tasks] == [
            "5 days left",
            "10 days left",
            "3 days overdue",
        ]
    body = response.content.decode()
    tasks_html = body[body.index('id="tasks-title"') : body.index('id="panel-actions"')]
    assert (
        tasks_html.index("Update 1 action point due soon")
        < tasks_html.index("Review the French translation of the Guide")
        < tasks_html.index("Update 1 overdue action point")
    )
    # Later points are no task: they wait in the table.
    assert "Later award" not in tasks_html


def test_the_review_task_counts_chapters_and_continues_where_the_reviewer_is(client, wco_user):
    assignment = wco_review()
    assignment.comments.all().delete()
    chapters = list(
        GuideChapterPage.objects.child_of(assignment.round.guide).order_by("number", "path")
    )
    client.force_login(wco_user)
    task = next(t for t in client.get(DASHBOARD).context["tasks"] if t["kind"] == "review")
    assert task["progress"] == {"done": 0, "total": len(chapters)}
    assert task["button"] == "Start the review"
    assert task["url"].endswith(f"/{assignment.round.pk}/chapters/{chapters[0].pk}/")

    ReviewComment.objects.create(
        assignment=assignment, chapter=chapters[0], author=wco_user, text="Use « douane »"
    )
    body = client.get(DASHBOARD).content.decode()
    task = next(t for t in client.get(DASHBOARD).context["tasks"] if t["kind"] == "review")
    assert task["progress"] == {"done": 1, "total": len(chapters)}
    assert task["button"] == "Continue the review"
    assert task["url"].endswith(f"/{assignment.round.pk}/chapters/{chapters[1].pk}/")
    assert f"1 of {len(chapters)} chapters read" in body
    assert "Continue the review</a>" in body

    # A chapter marked read counts as done too, without a comment on it.
    ChapterReadMark.objects.create(assignment=assignment, chapter=chapters[1], user=wco_user)
    task = next(t for t in client.get(DASHBOARD).context["tasks"] if t["kind"] == "review")
    assert task["progress"] == {"done": 2, "total": len(chapters)}
    assert task["url"].endswith(f"/{assignment.round.pk}/chapters/{chapters[2].pk}/")


def test_a_partner_with_nothing_waiting_is_told_so(client, cites_user):
    client.force_login(cites_user)  # CITES answered its review; no action point
    response = client.get(DASHBOARD)
    assert response.context["tasks"] == []
    assert "Nothing waits for you" in response.content.decode()


def test_action_points_are_grouped_due_soon_overdue_later_closed(client, meeting, wco_user):
    point(meeting, "Due today", days_from_today(0), "WCO")
    point(meeting, "Due in 14 days", days_from_today(14), "WCO")
    point(meeting, "Due in 15 days", days_from_today(15), "WCO")
    point(meeting, "Due yesterday", days_from_today(-1), "WCO")
    point(meeting, "Long overdue", days_from_today(-90), "WCO")
    point(meeting, "Done already", days_from_today(-5), "WCO", status="done")
    point(meeting, "Someone else's", days_from_today(3), "CITES")
    client.force_login(wco_user)
    body = client.get(DASHBOARD).content.decode()
    assert group_texts(body, "soon") == ["Due today", "Due in 14 days"]
    assert group_texts(body, "overdue") == ["Long overdue", "Due yesterday"]
    assert group_texts(body, "later") == ["Due in 15 days"]
    assert group_texts(body, "closed") == ["Done already"]
    # The groups come in that order, the headings say which.
    order = [body.index(f"ap-group--{key}") for key in ("soon", "overdue", "later", "closed")]
    assert order == sorted(order)
    assert '<th colspan="4" scope="colgroup" id="ap-soon">Due soon' in body
    # A closed point has no form; every open one has its own, folded.
    assert body.count('<details class="ap-update">') == 5
    assert "Someone else&#x27;s" not in body


def test_more_than_three_owners_fold_into_a_disclosure(client, meeting, wco_user):
    many = ["SBC", "RC", "SC", "CITES", "WCO"]
    point(meeting, "Shared by five", days_from_today(5), *many, secretariat_owner=True)
    point(meeting, "Shared by three", days_from_today(6), "SBC", "CITES", "WCO")
    client.force_login(wco_user)
    body = client.get(DASHBOARD).content.decode()
    disclosures = re.findall(r'<details class="owners-disclosure">(.*?)</details>', body, re.S)
    assert len(disclosures) == 1
    summary = re.search(r"<summary>(.*?)</summary>", disclosures[0]).group(1)
    assert summary == "Secretariat + 5 organisations"
    listed = re.findall(r"<abbr title=\"[^\"]*\">(.*?)</abbr>", disclosures[0])
    assert sorted(listed) == sorted(many)
    three = body[body.index("Shared by three") :]
    three = three[: three.index("</tr>")]
    assert "owners-disclosure" not in three
    assert ">SBC</abbr>, " in three and ">WCO</abbr>" in three


def test_the_disclosure_counts_in_the_readers_language(client, meeting, wco_user):
    point(meeting, "Shared by four", days_from_today(5), "SBC", "RC", "SC", "WCO")
    client.force_login(wco_user)
    body = client.get("/fr/partners-area/").content.decode()
    assert re.search(r'<details class="owners-disclosure"><summary>4 [^<]+</summary>', body)


def test_a_refused_update_shows_the_form_open_with_what_was_typed(client, meeting, wco_user):
    action = point(meeting, "WCO sends survey results", days_from_today(5), "WCO")
    client.force_login(wco_user)
    dashboard = client.get(DASHBOARD).content.decode()
    assert '<details class="ap-update">' in dashboard  # folded until asked for
    assert '<details class="ap-update" open>' not in dashboard

    url = f"/en/planning/action-points/{action.pk}/"
    typed = "Draft sent to the Secretariat on Monday"
    response = client.post(
        url, {"status": "bogus", "notes": typed, "version": action.version, "next": DASHBOARD}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert '<details class="ap-update" open>' in body
    assert f">{typed}</textarea>" in body
    assert 'aria-invalid="true"' in body
    assert f'name="next" value="{DASHBOARD}"' in body  # saved, it goes back there

    # Someone else saved first: the conflict keeps the text and the form open.
    stale = action.version
    client.post(url, {"status": "in_progress", "notes": "First", "version": stale})
    response = client.post(url, {"status": "open", "notes": typed, "version": stale})
    assert response.status_code == 409
    body = response.content.decode()
    assert '<details class="ap-update" open>' in body
    assert f">{typed}</textarea>" in body
    assert '<option value="open" selected>' in body


def test_the_tasks_come_from_the_stored_panel_without_reading_action_points(
    client, meeting, wco_user
):
    point(meeting, "Soon slides", days_from_today(5), "WCO")
    client.force_login(wco_user)
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DASHBOARD)
    assert [t["kind"] for t in response.context["tasks"]][:1] == ["action_points"]
    assert not [q for q in captured if "gci_calendar_actionpoint" in q["sql"]]
