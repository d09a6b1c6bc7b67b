"""Contributions and activity reports in a real browser (issue #16, "Done
when"): the Secretariat opens a reporting round for CITES; a CITES Partner
records two in-kind contributions and sends its activity report; the
Secretariat compiles the mid-year summary from the round and finds the
report's content in the draft's editor, then publishes the year's
contribution totals; a visitor reads the totals per organisation, CITES's
among them.

Done in the browser: everything a person does, the admin's forms included.
Read from the server's database (``server["env"]``), because a browser has
no other way to know them: the ids of the new round and of the CITES
organisation (to choose it in the round's form and to open the round's
pages), and CITES's contributions of the year already in the demo (to know
the total the visitor must read). Nothing is written in the database."""

from decimal import Decimal

from tests.browser.test_journeys import shot
from tests.browser.test_workshop_cycle_journey import db, signed_in

YEAR = 2009
ROUND = "CITES activities, first half of 2009"
ACTIVITY = "Green Customs briefing for CITES Management Authorities"
PLANNED = "A CITES module for the Asia-Pacific workshop in the autumn."
REMARKS = "Our trainers are free for two workshops in the second half of the year."


def cites_total(server):
    """What CITES had already recorded for the year (all in USD in the demo)."""
    return Decimal(
        db(
            server,
            "from django.db.models import Sum;"
            "from gci.home.contributions.models import InKindContribution as C;"
            f"q = C.objects.filter(organisation__acronym='CITES', year={YEAR});"
            "assert set(q.values_list('currency', flat=True)) <= {'USD'};"
            "print(q.aggregate(s=Sum('value'))['s'] or 0)",
        )
    )


def test_contributions_report_summary_and_public_totals(server, browser):
    base = server["base"]
    before = cites_total(server)

    # 1. The Secretariat opens a reporting round for CITES in the admin.
    admin = signed_in(browser, server, "secretariat@greencustoms.example", admin=True)
    admin.goto(base + "/admin/reporting_rounds/new/")
    admin.fill("input[name=title]", ROUND)
    admin.fill("input[name=period_start]", f"{YEAR}-01-01")
    admin.fill("input[name=period_end]", f"{YEAR}-06-30")
    admin.fill("input[name=deadline]", f"{YEAR + 20}-07-15")
    admin.fill("textarea[name=message]", "Please tell us what CITES did for Green Customs.")
    cites_pk = db(
        server,
        "from gci.home.models import PartnerOrganisation as O;"
        "print(O.objects.get(acronym='CITES', locale__language_code='en').pk)",
    )
    admin.check(f"input[name=organisations][value='{cites_pk}']")  # one tick per organisation
    shot(admin, "contributions-1-round")
    admin.click("footer button:has-text('Create')")
    admin.wait_for_url("**/admin/reporting_rounds/")
    round_pk = db(
        server,
        "from gci.home.reporting.models import ReportingRound as R;"
        f"print(R.objects.get(title={ROUND!r}).pk)",
    )

    # 2. A CITES Partner records two in-kind contributions: a trainer's days
    # valued at the standard rate (the value left empty), materials valued as typed.
    cites = signed_in(browser, server, "cites.partner@greencustoms.example")
    for kind, description, quantity, unit, value in (
        ("trainer", "A CITES trainer at the West African ports workshop", "2", "days", ""),
        ("materials", "CITES identification sheets for timber species", "300", "copies", "1250"),
    ):
        cites.goto(base + "/en/planning/contributions/new/")
        cites.fill("input[name=year]", str(YEAR))
        cites.select_option("select[name=kind]", kind)
        cites.fill("[name=description]", description)
        cites.fill("input[name=quantity]", quantity)
        cites.fill("input[name=unit]", unit)
        cites.fill("input[name=value]", value)
        cites.select_option("select[name=currency]", "USD")
        cites.fill("[name=basis]", "" if not value else "Printing cost of the sheets")
        cites.click("form.contribution-form button[type=submit]")
        cites.wait_for_load_state()
        assert "/new/" not in cites.url, cites.locator("main").inner_text()
    cites.goto(base + "/en/planning/contributions/")
    listed = cites.locator("main").inner_text()
    assert "CITES trainer at the West African ports workshop" in listed
    assert "identification sheets for timber species" in listed
    shot(cites, "contributions-2-recorded")

    # 3. …and sends its activity report, one activity dated within the period.
    cites.goto(f"{base}/en/planning/reports/{round_pk}/")
    cites.fill("input[name=activities-0-title]", ACTIVITY)
    cites.fill("input[name=activities-0-date]", f"{YEAR}-03-12")
    cites.fill("textarea[name=planned]", PLANNED)
    cites.fill("textarea[name=remarks]", REMARKS)
    cites.click("button[name=submit]")
    cites.wait_for_load_state()
    assert "Your organisation's report has been sent." in cites.locator(".messages").inner_text()
    shot(cites, "contributions-3-report-sent")

    # 4. The Secretariat reads the round and compiles the mid-year summary:
    # the draft opens in the editor with the report's content.
    admin.goto(f"{base}/admin/reporting_rounds/inspect/{round_pk}/")
    assert ACTIVITY in admin.locator("main").inner_text()
    admin.click("a:has-text('Compile mid-year summary')")
    admin.wait_for_url(f"**/admin/reporting_rounds/compile/{round_pk}/")
    admin.click("main form button[type=submit]")
    admin.wait_for_url("**/admin/pages/*/edit/")
    assert "has been built" in admin.locator(".messages").inner_text()
    editor = admin.locator("main").inner_text() + admin.content()
    assert ACTIVITY in editor and PLANNED in editor
    shot(admin, "contributions-4-summary-draft")

    # 5. The Secretariat publishes the year's contribution totals.
    year_pk = db(
        server,
        "from gci.home.contributions.models import ContributionYear as Y;"
        f"print(Y.objects.get(year={YEAR}).pk)",
    )
    admin.goto(f"{base}/admin/contribution_years/edit/{year_pk}/")
    admin.check("input[name=published]")
    admin.click("footer button:has-text('Save')")
    admin.wait_for_url("**/admin/contribution_years/")
    shot(admin, "contributions-5-year-published")

    # 6. A visitor reads the totals per organisation, CITES's with its two new entries.
    visitor = browser.new_context().new_page()
    visitor.goto(base + "/en/contributions/")
    section = visitor.locator(f"section:has(h2#year-{YEAR})")
    row = section.locator("tr", has=visitor.locator("th", has_text="(CITES)"))
    expected = before + 2 * 450 + 1250
    assert row.locator("td").inner_text().strip() == f"{expected:,.2f}"
    # The entries themselves stay private.
    assert "identification sheets" not in visitor.locator("main").inner_text()
    shot(visitor, "contributions-6-public-totals")

    for page in (cites, admin):
        assert [e for e in page.console_errors if "Content Security Policy" in e] == []
