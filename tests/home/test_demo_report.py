"""The demo lives in the present and is true to the report of the fifth
Partners meeting: who attended and how, who owns which action point, the
action points agreed, dates the report does not give."""

import datetime as dt

import pytest
from django.utils import timezone

from gci.calendar.models import ActionPoint, EventPage
from gci.home.demo.support import REPORT_NOW, DemoClock
from gci.home.models import PartnerOrganisation
from gci.materials.models import GuideChapterPage, GuidePage

pytestmark = pytest.mark.django_db


def english_event(slug):
    return EventPage.objects.get(locale__language_code="en", slug=slug)


def test_as_reported_keeps_the_reports_dates():
    assert DemoClock(as_reported=True).date(dt.date(2009, 1, 26)) == dt.date(2009, 1, 26)


def test_by_default_the_reports_now_is_this_week():
    clock = DemoClock(today=dt.date(2026, 12, 5))
    assert 0 <= (dt.date(2026, 12, 5) - clock.today).days < 7


def test_the_dates_move_by_whole_weeks():
    clock = DemoClock(today=dt.date(2026, 12, 5))
    assert clock.date(REPORT_NOW).weekday() == REPORT_NOW.weekday()


def test_the_fifth_meeting_was_a_few_weeks_ago():
    meeting = english_event("fifth-partners-meeting-2009")
    days_ago = (timezone.localdate() - meeting.start_date).days
    assert 28 <= days_ago < 35


def test_the_fifth_meeting_keeps_its_two_days():
    meeting = english_event("fifth-partners-meeting-2009")
    assert (meeting.end_date - meeting.start_date).days == 1


def test_the_2009_plan_is_ahead():
    assert english_event("stockholm-cop4-2009").start_date > timezone.localdate()


def test_action_points_are_still_running():
    due = ActionPoint.objects.filter(status="open").values_list("due_date", flat=True)
    assert any(day >= timezone.localdate() for day in due)


def test_unodc_is_invited_not_a_partner():
    unodc = PartnerOrganisation.objects.get(locale__language_code="en", acronym="UNODC")
    assert unodc.membership_status == "invited"


def test_unodc_is_not_said_to_be_a_partner_since_2009():
    assert not PartnerOrganisation.objects.filter(acronym="UNODC", mandate__icontains="2009")


def test_the_partners_page_says_unodc_is_invited(client):
    assert "Invited to join" in client.get("/en/partners/").content.decode()


def test_interpol_sent_apologies():
    meeting = english_event("fifth-partners-meeting-2009")
    assert "INTERPOL sent its apologies" in meeting.summary


def test_the_secretariat_owns_its_own_action_points():
    point = ActionPoint.objects.get(text__startswith="Compile the focal-point links")
    assert point.secretariat_owner


def test_unep_does_not_stand_for_the_secretariat():
    point = ActionPoint.objects.get(text__startswith="Compile the focal-point links")
    assert not point.owners.filter(acronym="UNEP").exists()


@pytest.mark.parametrize(
    "start",
    [
        "Circulate the slides of WCO's presentation",
        "Keep in touch with UNODC",
        "Estimate each organisation's contributions",
        "Raise with UNEP's Executive Director",
        "Identify opportunities for joint workshops",
        "Consider further the idea of seconding",
        "Facilitate the workshops of the 2009 workplan",
        "Upload the planned workshops",
        "Send additional materials for the GCI suitcase",
        "Complete the interactive e-learning module",
        "Look further into making a GCI video",
        "Develop the idea of a Green Customs award",
    ],
)
def test_the_reports_action_points_are_loaded(start):
    assert ActionPoint.objects.filter(text__startswith=start).count() == 1


def test_a_month_the_report_gives_is_a_month():
    assert english_event("montreal-protocol-mop21-2009").date_precision == "month"


def test_a_date_the_report_does_not_give_is_to_be_confirmed():
    assert english_event("gci-workshop-venezuela-2008").date_precision == "tbc"


def test_the_month_only_event_shows_no_day(client):
    event = english_event("montreal-protocol-oewg-2009")
    body = client.get(event.url).content.decode()
    assert f'<time datetime="{event.start_date:%Y-%m}">' in body


def test_chinese_readers_have_the_guides_first_chapter(client):
    chapter = GuideChapterPage.objects.get(
        locale__language_code="zh-hans", slug="why-customs-matter", live=True
    )
    assert "绿色海关伙伴关系" in client.get(chapter.url).content.decode()


def test_the_chinese_guide_is_published():
    assert GuidePage.objects.filter(locale__language_code="zh-hans", live=True).exists()


def test_the_2008_guide_names_no_later_amendment(client):
    chapter = GuideChapterPage.objects.get(
        locale__language_code="en", slug="ozone-depleting-substances-montreal"
    )
    assert "Kigali" not in client.get(chapter.url).content.decode()
