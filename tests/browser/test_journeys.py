"""What a visitor, a Partner and a Secretariat member do, in a real browser.

The three journeys of issue #7 are each one test that walks its list in
order, so each reads as the story; screenshots of every step are saved under
var/screenshots/ (numbered in the order of the story). Smaller checks of the
same people follow them."""

import datetime as dt
import time
from pathlib import Path

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "green-customs-2009"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page, email):
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")


def enter_totp(page, server):
    """Type the current code; allauth accepts a code once, so when another
    journey used this one, wait for the next."""
    for _attempt in range(2):
        window = int(time.time()) // 30
        page.fill("input[name=code]", format_hotp_value(hotp_value(server["totp_secret"], window)))
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        if "/2fa/" not in page.url:
            return
        time.sleep(31 - time.time() % 30)


def menu(page, text):
    """Follow an item of the main menu."""
    page.locator("#site-nav-list a", has_text=text).click()
    page.wait_for_load_state()


def lays_out_right_to_left(page):
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The brand sits on the right; the menu runs from right to left.
    assert page.locator(".site-header__brand").bounding_box()["x"] > 1280 / 2
    first, second = page.locator("#site-nav-list a").all()[:2]
    assert first.bounding_box()["x"] > second.bounding_box()["x"]


def test_public_visitor_journey(server, page):
    """Reads the home page in English and Arabic, changes language on a Guide
    chapter, finds an event by month and filter and downloads its .ics, and
    looks up a country's focal points."""
    base = server["base"]

    # The home page in English, left to right…
    page.goto(base + "/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("html", "dir") == "ltr"
    assert page.locator("h1").inner_text() == "Green Customs Initiative"
    shot(page, "visitor-1-home-en")
    # …and in Arabic, right to left.
    page.click(".language-switcher a[hreflang=ar]")
    page.wait_for_url("**/ar/")
    assert page.get_attribute("html", "lang") == "ar"
    lays_out_right_to_left(page)
    assert page.locator("h1").inner_text() == "مبادرة الجمارك الخضراء"
    shot(page, "visitor-2-home-ar")

    # A chapter of the Guide, then the same chapter in Spanish.
    page.click(".language-switcher a[hreflang=en]")
    page.wait_for_url("**/en/")
    menu(page, "Green Customs Guide")
    page.click("nav.guide-toc >> text=Hazardous waste and the Basel Convention")
    page.wait_for_url("**/en/green-customs-guide/hazardous-waste-basel/")
    assert page.locator("h2 .guide-number").first.inner_text() == "2.1"
    page.click(".language-switcher a[hreflang=es]")
    page.wait_for_url("**/es/green-customs-guide/hazardous-waste-basel/")
    assert "Basilea" in page.locator("h1").inner_text()
    assert page.locator("h2 .guide-number").first.inner_text() == "2.1"
    shot(page, "visitor-3-guide-chapter-es")

    # The calendar: the month view, then the month of the WCO's Enforcement
    # Committee, narrowed to the WCO's events with the filters.
    page.click(".language-switcher a[hreflang=en]")
    menu(page, "Events")
    page.click("nav.calendar-views >> text=Month")
    today = dt.date.today()
    page.wait_for_url(f"**/en/events/{today:%Y}/{today:%m}/")
    page.goto(base + "/en/events/2009/02/")  # the month the visitor looks for
    events = page.locator(".month-grid .month-bar")  # only the month's events are drawn

    def titles():
        return {text.split("\n")[0] for text in events.all_inner_texts()}

    assert "Side event at the 25th UNEP Governing Council" in titles()
    page.click("details.calendar-filters summary")
    page.select_option("select[name=organisation]", "WCO")
    page.click(".calendar-filters button[type=submit]")
    page.wait_for_url("**/en/events/2009/02/?*organisation=WCO*")
    assert titles() == {"WCO Enforcement Committee, 28th session"}
    shot(page, "visitor-4-calendar-month-filtered")
    events.first.click()
    page.wait_for_url("**/en/events/wco-enforcement-committee-2009/")
    with page.expect_download() as download_info:
        page.click("main a[type='text/calendar']")
    download = download_info.value
    assert download.suggested_filename == "wco-enforcement-committee-2009.ics"
    ics = Path(download.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics
    assert "SUMMARY:WCO Enforcement Committee\\, 28th session" in ics
    assert "DTSTART;VALUE=DATE:20090223" in ics
    shot(page, "visitor-5-event")

    # A country's focal points.
    menu(page, "Focal points")
    page.select_option("select[name=country]", "KE")
    page.click("form.country-picker button[type=submit]")
    page.wait_for_url("**/en/focal-points/country/KE/")
    assert page.locator("h1").inner_text() == "Focal points: Kenya"
    cites = page.locator('a[href="https://cites.org/eng/cms/index.php/component/cp/country/KE"]')
    assert cites.count() == 1
    assert page.locator("table.focal-points tbody tr").count() >= 7
    shot(page, "visitor-6-focal-points-kenya")
    assert page.console_errors == []


def test_partner_journey(server, page):
    """Signs in and reads the dashboard; reviews a chapter side by side,
    comments and approves; proposes a training; finds and downloads a
    suitcase material; updates an action point; signs out."""
    base = server["base"]

    # Signs in and lands on the dashboard.
    page.goto(base + "/en/partners-area/")
    page.wait_for_url("**/en/accounts/login/**")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_url("**/en/partners-area/")
    assert "Welcome, Wen Partner" in page.locator("h1").inner_text()
    assert "You are signed in for World Customs Organization." in page.locator("main").inner_text()
    # "Your tasks" comes first; the French review is one of them.
    review_task = page.locator(".task-list .task--review")
    assert "Review the French translation of the Guide" in review_task.inner_text()
    assert review_task.locator("a.button").count() == 1
    shot(page, "partner-1-dashboard")

    # Reviews a chapter of the French translation side by side, comments…
    review_task.locator(".task__title a").click()
    page.wait_for_url("**/guide-review/*/")
    page.click("table.review-matrix >> text=Why customs matter")
    page.wait_for_url("**/chapters/*/")
    translation = page.locator(".side-by-side__cell[lang=fr]").first
    assert translation.get_attribute("dir") == "ltr"
    assert (
        page.locator(".side-by-side__cell[lang=en]").count()
        == page.locator(".side-by-side__cell[lang=fr]").count()
    )
    # The column headers stay in view while the reviewer scrolls.
    head = page.locator(".side-by-side__head")
    assert head.evaluate("e => getComputedStyle(e).position") == "sticky"
    first_row = page.locator(".side-by-side__row[id^=block-]").nth(1)
    icon = first_row.locator(".side-by-side__comment-button")
    # review.js makes the icon a toggle once it has run (waited for: the
    # click may come before the deferred script, and would then follow the
    # no-JavaScript link instead).
    expect(icon).to_have_attribute("aria-expanded", "false")
    icon.click()  # the comment icon in the margin opens this block's form
    expect(icon).to_have_attribute("aria-expanded", "true")
    textarea = first_row.locator("textarea[name=text]")
    assert textarea.evaluate("e => e === document.activeElement")
    textarea.fill("Please use « douane » consistently here.")
    first_row.locator("form.side-by-side__comment-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Please use « douane » consistently here." in page.content()
    shot(page, "partner-2-review-chapter-fr")
    # …marks the chapter read…
    page.click("text=Mark this chapter as read")
    page.wait_for_load_state()
    assert "Chapter marked as read." in page.content()
    assert "Your organisation has marked this chapter as read." in page.content()
    # …and approves.
    page.click("text=Review of the French translation")
    page.check("input[value=approve]")
    page.check("input[name=confirm]")
    page.click("text=Send our answer")
    page.wait_for_load_state()
    assert "Your answer was recorded: Approved." in page.content()
    # WCO's comments wait for the Secretariat: the round is not complete yet.
    assert "Complete: the translation may be published." not in page.content()
    assert "open comment" in page.locator("table.review-matrix").inner_text()
    # The answer comes first now, with a way to change it; chapter 1 counts WCO.
    assert "Change the answer" in page.locator("#answer-title ~ details summary").inner_text()
    assert "1 of 6 chapters as read" in page.locator(".review-answer__progress").inner_text()
    shot(page, "partner-3-review-round-fr")

    # Proposes a training (a missing date is refused, the title kept).
    menu(page, "Partners area")
    page.click("text=Share a planned training or event")
    page.fill("input[name=title]", "Chemical weapons precursors course")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".errorlist").first.is_visible()
    assert page.input_value("input[name=title]") == "Chemical weapons precursors course"
    page.fill("input[name=start_date]", "2031-05-04")
    page.select_option("select[name=country]", "NL")
    page.click("main button[type=submit]")
    page.wait_for_url("**/planning/proposals/")
    assert "Submitted, awaiting review" in page.locator("main").inner_text()
    shot(page, "partner-4-proposals")

    # Finds the CITES modules in Spanish in the suitcase and downloads one.
    menu(page, "Partners area")
    page.click("#panel-suitcase a")
    page.wait_for_url("**/gci-suitcase/")
    page.click(".suitcase__facets >> text=CITES Secretariat")
    page.click(".suitcase__facets >> text=Spanish")
    page.wait_for_load_state()
    titles = page.locator(".material-item__title").all_inner_texts()
    assert len(titles) == 2 and all("módulo" in title for title in titles)
    shot(page, "partner-5-suitcase-cites-spanish")
    page.click(".material-item__title a >> nth=0")
    with page.expect_download() as download_info:
        page.click("main a.button:has-text('Download')")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    shot(page, "partner-6-suitcase-material")

    # Updates an action point from the dashboard.
    menu(page, "Partners area")
    row = page.locator(".ap-table .ap-row").first
    assert not row.locator("form.action-point").is_visible()  # folded under "Update"
    row.locator(".ap-update > summary").click()
    form = row.locator("form.action-point")
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("textarea[name=notes]").fill("Survey results sent to the Secretariat")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/en/partners-area/")
    assert "Action point updated." in page.locator(".messages").inner_text()
    assert page.locator("textarea", has_text="Survey results sent to the Secretariat").count() == 1
    shot(page, "partner-7-action-point-updated")

    # Signs out: the Partners area is closed again.
    menu(page, "Sign out")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#site-nav-list a", has_text="Partner sign in").count() == 1
    page.goto(base + "/en/partners-area/")
    assert "/accounts/login/" in page.url
    assert page.console_errors == []


def test_secretariat_journey(server, page):
    """Signs in with a TOTP code; publishes an event; opens a review round;
    approves a material a Partner submitted to the suitcase."""
    base = server["base"]

    # Signs in: password, then the code from the authenticator app.
    page.goto(base + "/admin/")
    sign_in(page, "secretariat@greencustoms.example")
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    enter_totp(page, server)
    page.wait_for_url("**/admin/")
    shot(page, "secretariat-1-admin")

    # Publishes an event under the public calendar.
    page.goto(base + "/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'Green Customs Initiative'").click()
    page.get_by_role("link", name="Explore child pages of 'Events'").click()
    page.get_by_role("link", name="Add child page").click()
    page.wait_for_url("**/admin/pages/add/gci_calendar/eventpage/*/")
    title = "Green Customs workshop for Portuguese-speaking Africa"
    start = dt.date.today() + dt.timedelta(days=40)
    page.fill("#id_title", title)
    page.select_option("select[name=kind]", "workshop")
    page.fill("input[name=start_date]", start.isoformat())
    page.fill("input[name=city]", "Maputo")
    page.select_option("select[name=country]", "MZ")
    page.get_by_label("United Nations Environment Programme (UNEP)").check()
    shot(page, "secretariat-2-new-event")
    page.click("footer .w-dropdown__toggle")
    page.click("button[name=action-publish]")
    page.wait_for_load_state()
    assert f"Page '{title}' created and published." in page.locator(".messages").inner_text()
    # The public calendar lists it among the upcoming events.
    page.goto(base + "/en/events/")
    page.click(f"main a:has-text('{title}')")
    page.wait_for_url("**/en/events/green-customs-workshop-for-portuguese-speaking-africa/")
    assert page.locator("h1").inner_text() == title
    assert "Maputo, Mozambique" in page.locator(".event__facts").inner_text()
    shot(page, "secretariat-3-event-published")

    # Opens the Russian review round.
    page.goto(base + "/admin/")
    page.click("#wagtail-sidebar >> button:has-text('Guide')")  # the menu group
    page.click("#wagtail-sidebar >> text=Review rounds")
    page.wait_for_url("**/admin/review_rounds/")
    page.click("text=Add review round")
    page.wait_for_url("**/admin/review_rounds/new/")
    page.select_option("select[name=guide]", label="Green Customs Guide")
    russian = page.evaluate(
        "[...document.querySelectorAll('select[name=locale] option')]"
        ".find(o => /Russian|Русский/.test(o.textContent)).value"
    )
    page.select_option("select[name=locale]", value=russian)
    deadline = dt.date.today() + dt.timedelta(days=30)
    page.fill("input[name=deadline]", deadline.isoformat())
    page.fill("textarea[name=message]", "Chapters 1 and 2 are ready in Russian.")
    page.locator("input[name=organisations]").nth(3).check()
    page.click("button[type=submit]:has-text('Create')")
    page.wait_for_url("**/admin/review_rounds/")
    assert "Russian review of Green Customs Guide" in page.locator("main").inner_text()
    shot(page, "secretariat-4-review-rounds")

    # Approves the notes the WCO sent to the suitcase.
    material = "Environmentally sensitive goods in the Harmonized System: notes for trainers"
    page.click("#wagtail-sidebar >> button:has-text('Suitcase')")  # the menu group
    page.click("#wagtail-sidebar >> text=Suitcase submissions")
    page.wait_for_url("**/admin/suitcase_submissions/")
    page.click(f"table >> text={material}")
    page.wait_for_url("**/admin/suitcase_submissions/edit/*/")
    page.check("input[name=status][value=approved]")
    shot(page, "secretariat-5-approve-submission")
    page.click("footer button:has-text('Save')")
    page.wait_for_url("**/admin/suitcase_submissions/")
    assert (
        f"“{material}” is approved and in the suitcase." in page.locator(".messages").inner_text()
    )
    # It is in the suitcase for the Partners now, and its file opens.
    page.goto(base + "/en/partners-area/gci-suitcase/")
    page.click(f".material-item__title a:has-text('{material}')")
    with page.expect_download() as download_info:
        page.click("main a.button:has-text('Download')")
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF")
    shot(page, "secretariat-6-material-in-suitcase")
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []


def test_a_secretariat_member_without_totp_is_told_why_and_where_to_set_it_up(server, page):
    """Signed in with a password alone, a Secretariat member has no
    Secretariat powers: the Partners area refuses them, saying why, in their
    language, with the way to set up the authenticator app."""
    base = server["base"]
    page.goto(base + "/en/accounts/login/")
    sign_in(page, "new.secretariat@greencustoms.example")
    page.wait_for_load_state()
    page.goto(base + "/en/partners-area/")
    notice = page.locator(".messages", has_text="Secretariat rights are paused")
    assert notice.is_visible()
    assert "two-factor" in page.locator("main").inner_text()
    shot(page, "secretariat-without-totp-en")
    page.goto(base + "/ar/partners-area/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "Secretariat rights" not in page.content()
    shot(page, "secretariat-without-totp-ar")
    page.goto(base + "/en/partners-area/")
    notice.get_by_role("link", name="Set up an authenticator app").click()
    page.wait_for_load_state()
    # Just signed in: no second password prompt, straight to setting up the app.
    assert "/accounts/2fa/totp/activate/" in page.url


def test_visitor_reads_every_language_without_errors(server, page):
    for code in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
        response = page.goto(f"{server['base']}/{code}/partners/")
        assert response.status == 200
        assert page.locator(".org-card").count() == 11
    assert page.console_errors == []


def test_partner_signs_in_in_french_and_stays_in_french(server, page):
    """Sent to the login page from a French address, a Partner signs in in
    French and reaches the French dashboard."""
    page.goto(server["base"] + "/fr/partners-area/")
    page.wait_for_url("**/fr/accounts/login/**")
    assert page.get_attribute("html", "lang") == "fr"
    sign_in(page, "cites.partner@greencustoms.example")
    page.wait_for_url("**/fr/partners-area/")
    body = page.locator("main").inner_text()
    assert "Camille Partner" in body
    assert "Secrétariat de la CITES" in body
    shot(page, "dashboard-fr")


def test_on_a_phone_the_menu_folds_behind_a_button(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server["base"] + "/en/")
    toggle = page.locator(".site-nav__toggle")
    assert toggle.is_visible()
    assert not page.locator("#site-nav-list").is_visible()
    toggle.click()
    assert page.locator("#site-nav-list").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "home-phone")
    context.close()


def test_the_dashboard_in_arabic_on_a_phone(server, browser):
    """Tasks first, action points as labelled cards, right to left; opening a
    row's form and an owners list never makes the page scroll sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server["base"] + "/ar/partners-area/")
    page.wait_for_url("**/ar/accounts/login/**")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_url("**/ar/partners-area/")
    assert page.get_attribute("html", "dir") == "rtl"
    first_task = page.locator(".task-list .task").first
    assert first_task.bounding_box()["y"] < page.locator(".ap-table").bounding_box()["y"]
    # The accent border is on the start side: the right, in Arabic.
    assert first_task.evaluate("el => getComputedStyle(el).borderRightWidth") == "5px"
    row = page.locator(".ap-table .ap-row").first
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    label = row.locator("td.ap-row__due").evaluate("el => getComputedStyle(el, '::before').content")
    assert label not in ("none", "normal", '""')
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    row.locator(".ap-update > summary").click()
    page.locator(".owners-disclosure > summary").first.click()
    assert row.locator("textarea[name=notes]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "dashboard-ar-phone")
    context.close()


def test_the_month_view_in_arabic_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    response = page.goto(server["base"] + "/ar/events/2009/01/")
    assert response.status == 200
    assert page.get_attribute("html", "dir") == "rtl"
    # An agenda instead of seven columns: the grid is not shown at all.
    assert not page.locator(".month-grid").is_visible()
    assert page.locator(".month-agenda__event").count() >= 1
    assert page.locator(".month-agenda__event").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "month-ar-phone")
    context.close()


def test_a_review_chapter_in_arabic_on_a_phone_switches_between_source_and_translation(
    server, browser
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server["base"] + "/ar/accounts/login/")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_load_state()
    page.goto(server["base"] + "/ar/partners-area/guide-review/")
    page.locator("main table a", has_text="الفرنسية").click()  # French
    page.wait_for_url("**/guide-review/*/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "review-round-ar-phone")
    page.locator("table.review-matrix tbody th a").nth(1).click()
    page.wait_for_url("**/chapters/*/")
    assert page.get_attribute("html", "dir") == "rtl"
    tabs = page.locator(".side-by-side__tabs button")
    # The switch appears once review.js has run; until then both sides show.
    expect(tabs.first).to_have_attribute("aria-pressed", "true")
    assert tabs.count() == 2
    source = page.locator(".side-by-side__row[id^=block-] .side-by-side__cell--source").first
    translation = page.locator(
        ".side-by-side__row[id^=block-] .side-by-side__cell--translation"
    ).first
    assert source.is_visible() and not translation.is_visible()
    tabs.nth(1).click()
    expect(tabs.nth(1)).to_have_attribute("aria-pressed", "true")
    assert translation.is_visible() and not source.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "review-chapter-ar-phone")
    context.close()


def test_without_javascript_a_review_chapter_on_a_phone_shows_both_sides_labelled(server, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(server["base"] + "/en/accounts/login/")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_load_state()
    page.goto(server["base"] + "/en/partners-area/guide-review/")
    page.locator("main table a", has_text="French").click()
    page.locator("table.review-matrix tbody th a").first.click()
    page.wait_for_load_state()
    assert not page.locator(".side-by-side__tabs").is_visible()
    row = page.locator(".side-by-side__row[id^=block-]").first
    assert row.locator(".side-by-side__cell--source").is_visible()
    assert row.locator(".side-by-side__cell--translation").is_visible()
    labels = row.locator(".side-by-side__label").all_inner_texts()
    assert [label.strip().lower() for label in labels] == ["source", "translation"]
    # The comment icon is a link to the same page with that block's form.
    row.locator(".side-by-side__comment-button").click()
    page.wait_for_load_state()
    assert "comment=" in page.url
    assert page.locator(".side-by-side__row[id^=block-]").first.locator("textarea").is_visible()
    context.close()


def test_the_month_grid_draws_each_event_as_one_bar_in_english_and_arabic(server, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    for language in ("en", "ar"):
        response = page.goto(server["base"] + f"/{language}/events/2009/02/")
        assert response.status == 200
        assert page.locator(".month-legend").is_visible()
        assert not page.locator(".month-agenda").is_visible()
        bars = page.locator(".month-grid .month-bar.span-5")
        assert bars.count() >= 1  # the WCO Enforcement Committee, Monday to Friday: one bar
        bar = bars.first.bounding_box()
        day = page.locator(".month-week__day").first.bounding_box()
        assert bar["width"] > 4.5 * day["width"]
        cells = page.locator(".month-week__day.col-1").first.bounding_box()
        if language == "ar":  # the week's first day on the right
            assert cells["x"] > 683
        else:
            assert cells["x"] < 683
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366
        shot(page, f"month-{language}-desktop")
    context.close()
