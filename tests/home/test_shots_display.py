"""What the screenshots of the circulation, contributions, reporting and
enforcement screens showed wrong, asserted so it stays fixed: the
Secretariat's screens show dates in the UN form, yes/no and names rather
than True/False, "None" and raw ids; checkboxes sit beside their labels;
a table's note does not run off a narrow screen; typed units keep their
own direction in Arabic."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from gci.home.circulation.models import Circulation
from gci.home.contributions.models import ContributionYear, ExchangeRate, FundingCommitment
from gci.home.reporting.models import ActivityReport, ReportingRound
from gci.site import dates
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(secretariat_user):
    client = Client()
    force_login_with_totp(client, secretariat_user)
    return client


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def cells(page):
    return [td.get_text(" ", strip=True) for td in page.select("tbody td")]


# -- The Secretariat's screens ------------------------------------------------


def test_circulation_listing_and_detail_show_un_dates_and_no_none(admin_client):
    circulation = Circulation.objects.filter(document__isnull=True).first()
    listing = soup(admin_client.get("/admin/circulations/"))
    assert dates.format_datetime(circulation.sent_at) in cells(listing)
    headings = [th.get_text(strip=True) for th in listing.select("thead th")]
    assert "Sent to" in headings
    assert len(headings) == len(set(headings)), "two columns were both called Recipients"

    detail = soup(admin_client.get(f"/admin/circulations/inspect/{circulation.pk}/"))
    text = detail.select_one("main").get_text(" ", strip=True)
    assert "None" not in text
    assert "Document" not in [dt_.get_text(strip=True) for dt_ in detail.select("dt")]
    assert dates.format_datetime(circulation.sent_at) in text
    assert circulation.sent_by.get_full_name() in text


def test_activity_reports_show_yes_no_un_dates_and_the_activities(admin_client):
    report = ActivityReport.objects.filter(activities__isnull=False).first()
    listing = soup(admin_client.get("/admin/activity_reports/"))
    values = cells(listing)
    assert "True" not in values and "False" not in values
    assert dates.format_datetime(report.updated_at) in values

    detail = soup(admin_client.get(f"/admin/activity_reports/inspect/{report.pk}/"))
    labels = [d.get_text(strip=True) for d in detail.select("dt")]
    assert "Version" not in labels and "ID" not in labels
    text = detail.select_one("main").get_text(" ", strip=True)
    activity = report.activities.first()
    assert activity.title in text and dates.format_date(activity.date) in text
    assert "False" not in text and "True" not in text


def test_the_compile_screen_names_its_round_in_the_breadcrumbs(admin_client):
    reporting_round = ReportingRound.objects.first()
    page = soup(admin_client.get(f"/admin/reporting_rounds/compile/{reporting_round.pk}/"))
    crumbs = page.select_one("[data-controller~='w-breadcrumbs']") or page
    links = {a.get_text(strip=True): a["href"] for a in crumbs.select("a[href]")}
    assert (
        links.get(reporting_round.title) == f"/admin/reporting_rounds/inspect/{reporting_round.pk}/"
    )
    assert "/admin/reporting_rounds/" in links.values()
    assert page.select_one("h1").get_text(strip=True) != "Home"


def test_round_inspect_dates_are_un_dates(admin_client):
    reporting_round = ReportingRound.objects.first()
    page = soup(admin_client.get(f"/admin/reporting_rounds/inspect/{reporting_round.pk}/"))
    text = page.select_one("main").get_text(" ", strip=True)
    assert dates.format_date(reporting_round.deadline) in text
    assert "ID" not in [d.get_text(strip=True) for d in page.select("dt")]


def test_funding_amounts_are_grouped_and_years_say_yes_or_no(admin_client):
    commitment = FundingCommitment.objects.filter(amount__gte=1000).first()
    listing = soup(admin_client.get("/admin/funding_commitments/"))
    grouped = f"{commitment.amount:,.2f}"
    assert grouped in cells(listing)
    assert f"{commitment.amount:.2f}" not in cells(listing)

    ContributionYear.objects.update_or_create(year=2031, defaults={"published": False})
    years = soup(admin_client.get("/admin/contribution_years/"))
    assert "False" not in cells(years) and "True" not in cells(years)


def test_exchange_rates_show_their_digits_and_commitments_are_grouped(admin_client):
    ExchangeRate.objects.create(
        currency="CHF", year=2031, rate=Decimal("1.0825"), rate_date=dt.date(2031, 1, 5)
    )
    ExchangeRate.objects.create(
        currency="EUR", year=2031, rate=Decimal("0.94"), rate_date=dt.date(2031, 1, 5)
    )
    listing = cells(soup(admin_client.get("/admin/exchange_rates/", {"year": 2031})))
    assert "1.0825" in listing and "0.94" in listing
    assert not any("00000" in cell for cell in listing)  # the stored 0.94000000

    commitment = FundingCommitment.objects.filter(amount__gte=1000).first()
    assert f"{commitment.amount:,.2f} {commitment.currency}" in str(commitment)


def test_spending_dates_are_un_dates(admin_client):
    from gci.home.contributions.models import Spending

    spending = Spending.objects.first()
    listing = soup(admin_client.get("/admin/spending/"))
    assert dates.format_date(spending.spent_on) in cells(listing)


# -- The Partners' forms ------------------------------------------------------


def test_report_form_checkboxes_sit_beside_their_labels(client, wco_user):
    reporting_round = ReportingRound.objects.first()
    client.force_login(wco_user)
    page = soup(client.get(f"/en/planning/reports/{reporting_round.pk}/"))
    nothing = page.select_one("input[name=nothing_to_report]")
    assert "field--checkbox" in nothing.parent["class"]
    delete = page.select_one("input[name$='-DELETE']")
    assert "field--checkbox" in delete.parent["class"]
    # The suitcase's materials are a group with a legend, their labels not bold headings.
    materials = page.select_one("input[name=materials]")
    assert materials.find_parent("fieldset").legend.get_text(strip=True).startswith("Materials")


def test_enforcement_form_publish_checkbox_sits_beside_its_label(client, cites_user):
    client.force_login(cites_user)
    page = soup(client.get("/en/planning/enforcement/new/"))
    box = page.select_one("input[name=may_publish]")
    assert "field--checkbox" in box.parent["class"]


def test_enforcement_figures_note_is_outside_the_scrolling_table(client):
    page = soup(client.get("/en/enforcement/"))
    table = page.select_one(".enforcement-figures table")
    assert table.caption is None
    note = page.select_one("#figures-note")
    assert note is not None and note.find_parent(class_="table-wrap") is None
    assert table["aria-describedby"] == "figures-note"


def test_a_record_shows_its_facts_as_a_styled_list(client, cites_user):
    from gci.materials.models import EnforcementRecord

    record = EnforcementRecord.objects.filter(organisation__acronym="CITES").first()
    client.force_login(cites_user)
    page = soup(client.get(f"/en/planning/enforcement/{record.pk}/"))
    assert "request-facts" in page.select_one("dl.enforcement-facts")["class"]


def test_typed_units_keep_their_direction_in_arabic(client, wco_user):
    client.force_login(wco_user)
    page = soup(client.get("/ar/planning/contributions/"))
    quantities = page.select("td[data-label] bdi")
    assert quantities, "the quantity and its typed unit are isolated with <bdi>"
    assert any(re.search(r"\d", q.get_text()) for q in quantities)
    form = soup(client.get("/ar/planning/contributions/new/"))
    assert form.select("#rates-title ~ ul li bdi")


def test_un_date_helpers_are_what_the_columns_use():
    from gci.site.admin_display import EMPTY, un_value

    assert un_value(dt.date(2009, 9, 14)) == dates.format_date(dt.date(2009, 9, 14))
    assert un_value("x") == "x"
    assert EMPTY == "—"


def test_compiled_summary_and_meeting_report_write_dates_the_un_way(secretariat_user):
    from gci.calendar.models import EventPage
    from gci.home.reporting.choices import SummaryAudience
    from gci.home.reporting.compile import compile_meeting_report, compile_summary

    report = ActivityReport.objects.filter(activities__isnull=False).first()
    activity = report.activities.first()
    page = compile_summary(report.invitation.round, SummaryAudience.PARTNERS, secretariat_user)
    html = str(page.body)
    assert dates.format_date(activity.date) in html
    assert activity.date.isoformat() not in html

    meeting = EventPage.objects.filter(
        kind="partners_meeting", locale__language_code="en", action_points__isnull=False
    ).first()
    point = meeting.action_points.order_by("due_date").first()
    html = str(compile_meeting_report(meeting, secretariat_user).body)
    assert dates.format_date(point.due_date) in html
    assert point.due_date.isoformat() not in html


def test_the_circulation_form_names_organisations_in_the_admins_language(
    admin_client, secretariat_user
):
    from wagtail.users.models import UserProfile

    from gci.home.models import PartnerOrganisation

    UserProfile.objects.update_or_create(
        user=secretariat_user, defaults={"preferred_language": "ar"}
    )
    arabic = PartnerOrganisation.objects.get(acronym="CITES", locale__language_code="ar")
    english = PartnerOrganisation.objects.get(acronym="CITES", locale__language_code="en")
    assert arabic.name != english.name
    page = soup(admin_client.get("/admin/circulations/new/"))
    box = page.select_one(f"input[name=organisations][value='{english.pk}']")
    label = page.select_one(f"label[for='{box['id']}']").get_text(strip=True)
    assert label == str(arabic)


def test_a_sent_report_is_said_sent_not_date_sent_in_arabic(client, wco_user):
    # "Sent" is translated as a column heading ("date sent"): as a state the
    # page said "Your report: date sent" with no date.
    report = ActivityReport.objects.get(
        invitation__organisation__acronym="WCO", status="submitted", nothing_to_report=False
    )
    client.force_login(wco_user)
    listing = soup(client.get("/ar/planning/reports/"))
    states = [td.get_text(strip=True) for td in listing.select("tbody td")]
    assert "تم إرسال التقرير" in states and "تاريخ الإرسال" not in states
    detail = soup(client.get(f"/ar/planning/reports/{report.invitation.round_id}/"))
    assert "تم إرسال التقرير" in detail.select_one("main").get_text()


def test_partners_pages_name_the_organisation_in_the_pages_language(client, wco_user):
    from gci.home.models import PartnerOrganisation

    chinese = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="zh-hans").name
    english = PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en").name
    assert chinese != english
    client.force_login(wco_user)
    for path in ("contributions/", "contributions/new/", "reports/"):
        text = soup(client.get(f"/zh-hans/planning/{path}")).select_one("main").get_text()
        assert chinese in text and english not in text, path


def test_a_commitments_year_is_not_squeezed_beside_a_long_donor(admin_client):
    commitment = FundingCommitment.objects.first()
    page = soup(admin_client.get(f"/admin/funding_commitments/edit/{commitment.pk}/"))
    year = page.select_one("input[name=year]")
    assert year["value"] == str(commitment.year)
    row = year.find_parent(class_="w-field-row")
    assert row is None or row.select_one("[name=donor]") is None


def test_a_round_invites_organisations_with_ticks_not_a_list_box(admin_client):
    page = soup(admin_client.get("/admin/reporting_rounds/new/"))
    assert page.select("input[type=checkbox][name=organisations]")
    assert page.select_one("select[name=organisations]") is None


def test_a_round_is_named_in_the_pages_language(client, wco_user):
    reporting_round = ReportingRound.objects.first()
    client.force_login(wco_user)
    english = soup(client.get(f"/en/planning/reports/{reporting_round.pk}/"))
    assert reporting_round.title in english.select_one("h1").get_text()
    arabic_period = dates.format_month_range(
        reporting_round.period_start, reporting_round.period_end, "ar"
    )
    assert arabic_period != reporting_round.title
    arabic = soup(client.get(f"/ar/planning/reports/{reporting_round.pk}/"))
    assert arabic_period in arabic.select_one("h1").get_text()
    assert reporting_round.title not in arabic.select_one("main").get_text()
    listing = soup(client.get("/ar/planning/reports/"))
    assert arabic_period in listing.select_one("tbody").get_text()


def test_enforcement_news_loads_the_stylesheet_of_its_filters(client):
    page = soup(client.get("/ar/enforcement/"))
    assert page.select_one("form.course-filters")
    sheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert any("materials/suitcase" in href for href in sheets)


def test_an_entry_without_history_shows_no_empty_history_heading(client, wco_user):
    from gci.home.contributions.models import InKindContribution

    item = InKindContribution.objects.filter(organisation__acronym="WCO").first()
    client.force_login(wco_user)
    page = soup(client.get(f"/en/planning/contributions/{item.pk}/"))
    history = page.select_one("#history-title")
    if history is not None:
        assert history.find_parent("section").select("ol li"), "a History heading over nothing"


def test_secondary_buttons_are_not_painted_as_primary():
    from pathlib import Path

    css = (Path(__file__).parents[2] / "site/static/css/site.css").read_text()
    # button[type="submit"] (0,1,1) painted every <button class="button--secondary">
    # (0,1,0) green: the secondary rule names the element too.
    assert "button.button--secondary" in css
