"""The demo's activity reporting (``home/demo/reporting.yaml``): one round in
progress (two organisations answered, one with nothing to report, one not
yet), a draft mid-year summary built from it, and a draft report of the
fifth Partners meeting when the demo has that event. Left alone once there."""

from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from ..datafiles import read_yaml
from ..demo.support import organisations_by_acronym
from .compile import compile_meeting_report, compile_summary
from .models import ActivityReport, MeetingReportPage, ReportActivity, ReportingRound

DATA = Path(__file__).resolve().parent.parent / "demo" / "reporting.yaml"


def _title(facts, clock, start, end):
    """The round's name as given, or, when the demo's dates are moved, the
    months it now covers."""
    if clock.offset.days == 0:
        return facts["title"]
    return f"{start:%B}–{end:%B %Y}" if start.year == end.year else f"{start:%B %Y}–{end:%B %Y}"


def load(builder, clock):
    data = read_yaml(DATA)
    facts = data["round"]
    start, end = clock.date(facts["period_start"]), clock.date(facts["period_end"])
    secretariat = get_user_model().objects.filter(groups__name="Secretariat").order_by("pk").first()
    # Found by its message, which the demo clock does not move.
    reporting_round = ReportingRound.objects.filter(message=facts["message"]).first()
    if reporting_round is None:
        reporting_round = _load_round(builder, clock, data, start, end, secretariat)
        compile_summary(reporting_round, data["summary_audience"], secretariat)
    event_model = apps.get_model("gci_calendar", "EventPage")
    meeting = event_model.objects.filter(
        slug=data["meeting"], locale__language_code="en", kind="partners_meeting"
    ).first()
    if meeting is not None and not MeetingReportPage.objects.filter(meeting=meeting).exists():
        compile_meeting_report(meeting, secretariat)


def _load_round(builder, clock, data, start, end, secretariat):
    facts = data["round"]
    organisations = organisations_by_acronym(builder)
    opened_at = timezone.make_aware(clock.datetime(facts["opened"]))
    reporting_round = ReportingRound.objects.create(
        title=_title(facts, clock, start, end),
        period_start=start,
        period_end=end,
        deadline=clock.date(facts["deadline"]),
        message=facts["message"],
        opened_by=secretariat,
        opened_at=opened_at,
    )
    reporting_round.organisations.set([organisations[a] for a in facts["invited"]])
    reporting_round.changes.create(action="opened", user=secretariat, at=opened_at)
    users = get_user_model().objects
    for item in data["reports"]:
        organisation = organisations[item["organisation"]]
        author = users.filter(email=item.get("author", "")).first()
        at = timezone.make_aware(clock.datetime(item["at"]))
        nothing = bool(item.get("nothing_to_report"))
        report = ActivityReport.objects.create(
            invitation=reporting_round.invitation_for(organisation),
            status="submitted",
            nothing_to_report=nothing,
            materials_text=item.get("materials_text", ""),
            planned=item.get("planned", ""),
            contributions=item.get("contributions", ""),
            remarks=item.get("remarks", ""),
            version=1,
            updated_by=author,
            updated_at=at,
            submitted_at=at,
        )
        for i, activity in enumerate(item.get("activities", [])):
            ReportActivity.objects.create(
                report=report,
                title=activity["title"],
                date=clock.date(activity["date"]),
                sort_order=i,
            )
        reporting_round.changes.create(
            user=author,
            organisation=organisation,
            action="nothing" if nothing else "submitted",
            at=at,
        )
    return reporting_round
