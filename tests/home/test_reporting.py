"""Activity reporting: rounds, the organisations' reports (form, concurrency,
bad input, who may read them), the Secretariat's summary and exports,
reminders, the mid-year summary and the meeting report built as drafts."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from gci.home.models import PartnerOrganisation, PartnersAreaPage
from gci.home.reporting.compile import compile_meeting_report, compile_summary
from gci.home.reporting.models import (
    ActivityReport,
    MeetingReportPage,
    MidYearSummaryPage,
    ReportingReminderLog,
    ReportingRound,
    StaleReport,
)
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

START, END = dt.date(2009, 1, 1), dt.date(2009, 6, 30)


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def make_round(*acronyms, deadline=None, title="Test period 2009"):
    reporting_round = ReportingRound.objects.create(
        title=title,
        period_start=START,
        period_end=END,
        deadline=deadline or dt.date.today() + dt.timedelta(days=30),
    )
    reporting_round.organisations.set([org(a) for a in acronyms])
    return reporting_round


def form_data(version=0, activities=(), submit=True, **fields):
    data = {
        "version": str(version),
        "activities-TOTAL_FORMS": str(max(len(activities), 1)),
        "activities-INITIAL_FORMS": "0",
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "50",
        "materials_text": "",
        "planned": "",
        "contributions": "",
        "remarks": "",
    }
    for i, (title, date) in enumerate(activities):
        data[f"activities-{i}-title"] = title
        data[f"activities-{i}-date"] = date
    data.update(fields)
    data["submit" if submit else "save"] = "1"
    return data


def url(reporting_round, language="en"):
    return f"/{language}/planning/reports/{reporting_round.pk}/"


def test_a_member_sends_the_report_and_it_is_recorded(client, cites_user):
    reporting_round = make_round("CITES", "WCO")
    client.force_login(cites_user)
    listing = client.get("/en/planning/reports/")
    assert listing.status_code == 200
    assert reporting_round.title in listing.content.decode()
    response = client.post(
        url(reporting_round),
        form_data(activities=[("Seminar in Accra", "2009-03-02")], planned="A course in Lima"),
    )
    assert response.status_code == 302
    report = ActivityReport.objects.get(invitation__round=reporting_round)
    assert report.is_submitted and report.version == 1
    assert [a.title for a in report.activities.all()] == ["Seminar in Accra"]
    assert report.planned == "A course in Lima"
    assert reporting_round.changes.filter(action="submitted", organisation=org("CITES")).exists()
    page = client.get(url(reporting_round)).content.decode()
    assert "Seminar in Accra" in page and "A course in Lima" in page
    summary = reporting_round.summary()
    assert [i.organisation.acronym for i in summary["answered"]] == ["CITES"]
    assert [i.organisation.acronym for i in summary["waiting"]] == ["WCO"]


def test_a_draft_is_not_counted_as_an_answer(client, cites_user):
    reporting_round = make_round("CITES")
    client.force_login(cites_user)
    client.post(url(reporting_round), form_data(submit=False, remarks="Half written"))
    report = ActivityReport.objects.get(invitation__round=reporting_round)
    assert report.status == "draft" and report.remarks == "Half written"
    assert [i.organisation.acronym for i in reporting_round.summary()["waiting"]] == ["CITES"]


def test_nothing_to_report_empties_the_report(client, cites_user):
    reporting_round = make_round("CITES")
    client.force_login(cites_user)
    response = client.post(
        url(reporting_round), form_data(nothing_to_report="on", remarks="ignored")
    )
    assert response.status_code == 302
    report = ActivityReport.objects.get(invitation__round=reporting_round)
    assert report.nothing_to_report and report.remarks == ""
    assert [i.organisation.acronym for i in reporting_round.summary()["nothing"]] == ["CITES"]


def test_a_date_outside_the_period_is_refused_and_the_typed_values_kept(client, cites_user):
    reporting_round = make_round("CITES")
    client.force_login(cites_user)
    response = client.post(
        url(reporting_round),
        form_data(activities=[("Late seminar", "2009-09-15")], planned="Typed plan"),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "outside the period" in body
    assert "Late seminar" in body and "Typed plan" in body
    assert not ActivityReport.objects.filter(invitation__round=reporting_round).exists()


def test_an_empty_report_is_refused(client, cites_user):
    reporting_round = make_round("CITES")
    client.force_login(cites_user)
    response = client.post(url(reporting_round), form_data())
    assert response.status_code == 400
    assert "The report is empty" in response.content.decode()
    assert not ActivityReport.objects.filter(invitation__round=reporting_round).exists()


def test_a_stale_save_is_refused_naming_who_saved_first(client, cites_user):
    reporting_round = make_round("CITES")
    invitation = reporting_round.invitation_for(org("CITES"))
    ActivityReport.save_from(
        invitation,
        version=0,
        user=cites_user,
        data={"planned": "First plan"},
        activities=[],
        submit=False,
    )
    with pytest.raises(StaleReport):
        ActivityReport.save_from(
            invitation,
            version=0,
            user=cites_user,
            data={"planned": "x"},
            activities=[],
            submit=False,
        )
    client.force_login(cites_user)
    response = client.post(url(reporting_round), form_data(version=0, planned="Second plan"))
    assert response.status_code == 409
    body = response.content.decode()
    assert cites_user.get_full_name() in body
    assert "Second plan" in body and "First plan" in body
    report = ActivityReport.objects.get(invitation=invitation)
    assert report.planned == "First plan"
    # The form now carries the stored version: saving again works.
    assert 'name="version" value="1"' in body


def test_another_organisation_and_anonymous_never_reach_a_report(client, cites_user, wco_user):
    reporting_round = make_round("CITES")
    ActivityReport.save_from(
        reporting_round.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"remarks": "Secret remark"},
        activities=[],
        submit=True,
    )
    client.force_login(wco_user)
    assert client.get(url(reporting_round)).status_code == 404
    assert client.post(url(reporting_round), form_data(remarks="x")).status_code == 404
    assert "Secret remark" not in client.get("/en/planning/reports/").content.decode()
    client.logout()
    response = client.get(url(reporting_round))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/en/planning/reports/99999999999/").status_code in (302, 404)


def test_a_closed_round_refuses_saves(client, cites_user):
    reporting_round = make_round("CITES")
    reporting_round.state = "closed"
    reporting_round.save()
    client.force_login(cites_user)
    response = client.post(url(reporting_round), form_data(remarks="Too late"), follow=True)
    assert "closed" in response.content.decode()
    assert not ActivityReport.objects.filter(invitation__round=reporting_round).exists()


def test_the_secretariat_follows_the_round_and_exports_the_reports(
    client, cites_user, secretariat_user
):
    reporting_round = make_round("CITES", "WCO", "UNEP")
    ActivityReport.save_from(
        reporting_round.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"remarks": "Exported remark"},
        activities=[{"title": "Exported seminar", "date": dt.date(2009, 2, 2), "event": None}],
        submit=True,
    )
    force_login_with_totp(client, secretariat_user)
    inspect = client.get(f"/admin/reporting_rounds/inspect/{reporting_round.pk}/")
    assert inspect.status_code == 200
    body = inspect.content.decode()
    assert "Exported seminar" in body and org("WCO").name in body
    csv = client.get(f"/admin/activity_reports/?export=csv&invitation__round={reporting_round.pk}")
    assert csv.status_code == 200
    content = b"".join(csv.streaming_content).decode()
    assert "Exported seminar" in content and "Exported remark" in content
    xlsx = client.get("/admin/activity_reports/?export=xlsx")
    assert xlsx.status_code == 200
    from openpyxl import load_workbook

    data = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert any("Exported seminar" in c for c in cells)


def test_a_partner_cannot_reach_the_admin_screens(client, cites_user):
    client.force_login(cites_user)
    response = client.get("/admin/reporting_rounds/")
    assert response.status_code in (302, 403)
    assert client.get("/admin/activity_reports/?export=csv").status_code in (302, 403)


def test_opening_a_round_in_the_admin_records_it(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    response = client.post(
        "/admin/reporting_rounds/new/",
        {
            "title": "July–December 2009",
            "period_start": "2009-07-01",
            "period_end": "2009-12-31",
            "deadline": "2010-01-31",
            "state": "open",
            "message": "",
            "organisations": [org("CITES").pk],
        },
    )
    assert response.status_code == 302
    created = ReportingRound.objects.get(title="July–December 2009")
    assert created.opened_by == secretariat_user
    assert created.changes.filter(action="opened").exists()
    bad = client.post(
        "/admin/reporting_rounds/new/",
        {
            "title": "Backwards",
            "period_start": "2009-07-01",
            "period_end": "2009-01-31",
            "deadline": "2010-01-31",
            "state": "open",
        },
    )
    assert bad.status_code == 200
    assert "cannot end before it starts" in bad.content.decode()


def test_reminders_are_sent_once_before_and_once_overdue(
    cites_user, wco_user, django_capture_on_commit_callbacks
):
    soon = make_round("CITES", "WCO", deadline=dt.date.today() + dt.timedelta(days=5))
    ActivityReport.save_from(
        soon.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"nothing_to_report": True},
        activities=[],
        submit=True,
    )
    make_round("WCO", deadline=dt.date.today() - dt.timedelta(days=1), title="Late period")
    make_round("WCO", title="Far period")

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", verbosity=0)

    def mine():
        return [m for m in mail.outbox if "activity report" in m.subject.lower()]

    run()
    sent = mine()
    assert sorted((m.to[0], "overdue" in m.subject.lower()) for m in sent) == [
        (wco_user.email, False),
        (wco_user.email, True),
    ]
    assert f"/en/planning/reports/{soon.pk}/" in " ".join(m.body for m in sent)
    run()
    assert len(mine()) == 2
    assert ReportingReminderLog.objects.filter(invitation__round=soon).count() == 1


def test_the_mid_year_summary_is_built_from_the_sent_reports(
    cites_user, wco_user, secretariat_user
):
    reporting_round = make_round("CITES", "WCO", "UNEP")
    ActivityReport.save_from(
        reporting_round.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"planned": "Plan <b>bold</b>"},
        activities=[{"title": "Summary seminar", "date": dt.date(2009, 4, 1), "event": None}],
        submit=True,
    )
    ActivityReport.save_from(
        reporting_round.invitation_for(org("WCO")),
        version=0,
        user=wco_user,
        data={"nothing_to_report": True},
        activities=[],
        submit=True,
    )
    from decimal import Decimal

    from gci.home.models import InKindContribution

    common = {"kind": "trainer", "quantity": Decimal(3), "unit": "days"}
    InKindContribution.objects.create(
        organisation=org("CITES"), year=START.year, value=Decimal(1500), currency="USD", **common
    )
    InKindContribution.objects.create(
        organisation=org("CITES"), year=START.year, value=Decimal(700), currency="XOF", **common
    )
    InKindContribution.objects.create(  # another year: not in this period's summary
        organisation=org("WCO"), year=START.year + 1, value=Decimal(999), currency="USD", **common
    )
    page = compile_summary(reporting_round, "partners", secretariat_user)
    page = MidYearSummaryPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_parent().specific_class is PartnersAreaPage
    assert page.is_partners_only
    assert set(page.source_reports.all()) == set(
        ActivityReport.objects.filter(invitation__round=reporting_round)
    )
    html = str(page.body)
    assert "Summary seminar" in html and org("WCO").name in html
    assert "Plan &lt;b&gt;bold&lt;/b&gt;" in html
    assert "Workshops held" in html
    assert f"{org('CITES').name}: 1,500.00 USD + 700.00 XOF" in html  # no XOF rate: kept apart
    assert "999.00" not in html
    public = compile_summary(reporting_round, "public", secretariat_user)
    assert public.get_parent().specific.__class__.__name__ == "HomePage"
    assert not public.is_partners_only


def test_compile_action_in_the_admin_opens_the_editor(client, secretariat_user):
    reporting_round = make_round("CITES")
    force_login_with_totp(client, secretariat_user)
    assert client.get(f"/admin/reporting_rounds/compile/{reporting_round.pk}/").status_code == 200
    response = client.post(
        f"/admin/reporting_rounds/compile/{reporting_round.pk}/", {"audience": "partners"}
    )
    page = MidYearSummaryPage.objects.get(reporting_round=reporting_round)
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{page.pk}/edit/")
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/admin/reporting_rounds/compile/99999999999/").status_code == 404


def partners_meeting():
    from gci.calendar.models import EventPage

    return EventPage.objects.filter(kind="partners_meeting", locale__language_code="en").first()


def test_the_meeting_report_is_prefilled_from_the_meeting(client, secretariat_user, cites_user):
    meeting = partners_meeting()
    if meeting is None:
        pytest.skip("no Partners meeting in the demo")
    force_login_with_totp(client, secretariat_user)
    edit = client.get(f"/admin/pages/{meeting.pk}/edit/").content.decode()
    assert f"/admin/reporting/meeting-report/{meeting.pk}/" in edit
    assert client.get(f"/admin/reporting/meeting-report/{meeting.pk}/").status_code == 200
    response = client.post(f"/admin/reporting/meeting-report/{meeting.pk}/")
    assert response.status_code == 302
    page = MeetingReportPage.objects.filter(meeting=meeting).latest("pk")
    assert not page.live and page.get_parent().specific_class is PartnersAreaPage
    html = str(page.body)
    for point in meeting.action_points.all()[:3]:
        assert point.text[:40] in html or point.text[:40].replace("'", "&#x27;") in html
    client.force_login(cites_user)
    assert client.get(f"/admin/reporting/meeting-report/{meeting.pk}/").status_code in (302, 403)


def test_only_a_partners_meeting_gets_a_meeting_report(client, secretariat_user):
    from gci.calendar.models import EventPage

    workshop = EventPage.objects.filter(kind="workshop").first()
    force_login_with_totp(client, secretariat_user)
    assert client.get(f"/admin/reporting/meeting-report/{workshop.pk}/").status_code == 404


def test_a_published_partners_only_summary_stays_closed_to_anonymous(
    client, secretariat_user, cites_user
):
    reporting_round = make_round("CITES")
    meeting = partners_meeting()
    pages = [compile_summary(reporting_round, "partners", secretariat_user)]
    if meeting is not None:
        pages.append(compile_meeting_report(meeting, secretariat_user))
    for page in pages:
        page.title = f"Closed {page.pk} canary"
        page.save_revision().publish()
        page.refresh_from_db()
        response = client.get(page.url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert page.title not in client.get("/en/search/?q=canary").content.decode()
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    client.force_login(cites_user)
    assert client.get(pages[0].url).status_code == 200


def test_the_summary_figures_follow_the_public_training_indicators():
    """The period's workshops are counted as the public indicators count them."""
    from gci.calendar.indicators import held_workshops
    from gci.home.reporting.compile import workshop_figures

    everything = (dt.date(1990, 1, 1), dt.date(2100, 12, 31))
    for start, end in [everything, (START, END)]:
        expected = held_workshops().filter(start_date__gte=start, start_date__lte=end)
        assert workshop_figures(start, end)["workshops"] == expected.count()
    assert workshop_figures(*everything)["workshops"] > 0


def test_the_demo_has_a_round_in_progress_and_draft_pages():
    reporting_round = ReportingRound.objects.get()  # the demo's only round
    summary = reporting_round.summary()
    assert [i.organisation.acronym for i in summary["answered"]] == ["WCO"]
    assert [i.organisation.acronym for i in summary["nothing"]] == ["SCBD"]
    assert [i.organisation.acronym for i in summary["waiting"]] == ["OPCW"]
    assert reporting_round.is_open and reporting_round.deadline >= dt.date.today()
    page = MidYearSummaryPage.objects.get(reporting_round=reporting_round)
    assert not page.live and page.is_partners_only
    assert page.source_reports.count() == 2
    assert "Enforcement Committee" in str(page.body)
    meeting = partners_meeting()
    assert MeetingReportPage.objects.filter(meeting=meeting, live=False).count() == 1


def test_the_demo_loader_runs_twice_without_duplicates():
    from gci.home.demo.support import DemoClock
    from gci.home.reporting import demo

    before = (ReportingRound.objects.count(), MidYearSummaryPage.objects.count())
    demo.load(None, DemoClock())
    assert (ReportingRound.objects.count(), MidYearSummaryPage.objects.count()) == before
    assert MeetingReportPage.objects.count() == 1


def test_an_unsent_report_is_a_task_on_the_partners_dashboard(client, cites_user, wco_user):
    reporting_round = make_round("CITES", title="Dashboard period")
    client.force_login(cites_user)
    dashboard = client.get(PartnersAreaPage.objects.get(locale__language_code="en").url)
    assert "Report on Dashboard period" in dashboard.content.decode()
    client.force_login(wco_user)
    other = client.get(PartnersAreaPage.objects.get(locale__language_code="en").url)
    assert "Dashboard period" not in other.content.decode()
    ActivityReport.save_from(
        reporting_round.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"nothing_to_report": True},
        activities=[],
        submit=True,
    )
    client.force_login(cites_user)
    sent = client.get(PartnersAreaPage.objects.get(locale__language_code="en").url)
    assert "Report on Dashboard period" not in sent.content.decode()


def test_an_organisation_that_answered_cannot_be_removed_from_the_round(
    client, cites_user, secretariat_user
):
    reporting_round = make_round("CITES", "WCO")
    ActivityReport.save_from(
        reporting_round.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"remarks": "Kept"},
        activities=[],
        submit=True,
    )
    force_login_with_totp(client, secretariat_user)
    data = {
        "title": reporting_round.title,
        "period_start": "2009-01-01",
        "period_end": "2009-06-30",
        "deadline": reporting_round.deadline.isoformat(),
        "state": "open",
        "message": "",
        "organisations": [org("WCO").pk],
    }
    response = client.post(f"/admin/reporting_rounds/edit/{reporting_round.pk}/", data)
    assert response.status_code == 200
    assert "already answered" in response.content.decode()
    assert ActivityReport.objects.filter(invitation__round=reporting_round).count() == 1
    data["organisations"] = [org("CITES").pk]
    assert (
        client.post(f"/admin/reporting_rounds/edit/{reporting_round.pk}/", data).status_code == 302
    )
    assert [i.organisation for i in reporting_round.invitations.all()] == [org("CITES")]
    assert reporting_round.changes.filter(action="changed").exists()


def test_a_public_summary_once_published_is_read_by_anyone(client, secretariat_user, cites_user):
    reporting_round = make_round("CITES")
    ActivityReport.save_from(
        reporting_round.invitation_for(org("CITES")),
        version=0,
        user=cites_user,
        data={"remarks": "Not for the summary", "planned": "Public plan"},
        activities=[],
        submit=True,
    )
    page = compile_summary(reporting_round, "public", secretariat_user)
    assert client.get(f"/en/{page.slug}/").status_code == 404  # a draft until published
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Public plan" in body
    assert "Not for the summary" not in body  # remarks are the Secretariat's alone
