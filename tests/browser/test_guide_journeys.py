"""The Guide in a real browser: a visitor reads it and changes language on a
chapter; a Partner reviews a chapter side by side, comments and approves."""

from tests.browser.test_journeys import enter_totp, shot, sign_in


def test_visitor_switches_language_on_a_chapter_and_stays_on_it(server, page):
    page.goto(server["base"] + "/en/green-customs-guide/")
    page.click("nav.guide-toc >> text=Hazardous waste and the Basel Convention")
    page.wait_for_url("**/en/green-customs-guide/hazardous-waste-basel/")
    assert page.locator("h2 .guide-number").first.inner_text() == "2.1"
    page.click("a[hreflang=es]")
    page.wait_for_url("**/es/green-customs-guide/hazardous-waste-basel/")
    assert "Basilea" in page.locator("h1").inner_text()
    shot(page, "guide-chapter-es")
    assert page.console_errors == []


def test_partner_reviews_a_chapter_side_by_side_comments_and_approves(server, page):
    page.goto(server["base"] + "/en/accounts/login/")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_url("**/partners-area/")
    panel = page.locator("section[aria-labelledby=panel-review]")
    assert "French" in panel.inner_text()
    panel.locator("a", has_text="French").click()
    page.wait_for_url("**/guide-review/*/")
    page.click("table.review-matrix >> text=Why customs matter")
    translation = page.locator(".side-by-side__cell[lang=fr]").first
    assert translation.get_attribute("dir") == "ltr"
    first_row = page.locator(".side-by-side__row[id^=block-]").nth(1)
    first_row.locator("summary", has_text="Comment on this part").click()
    first_row.locator("textarea[name=text]").fill("Please use « douane » consistently here.")
    first_row.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Please use « douane » consistently here." in page.content()
    shot(page, "review-chapter-fr")

    page.click("text=Review of the French translation")
    page.check("input[value=approve]")
    page.check("input[name=confirm]")
    page.click("text=Send our answer")
    page.wait_for_load_state()
    assert "Your answer was recorded: Approved." in page.content()
    # WCO's comments wait for the Secretariat: the round is not complete yet.
    assert "Complete: the translation may be published." not in page.content()
    assert "open comment" in page.locator("table.review-matrix").inner_text()
    shot(page, "review-round-fr")
    assert page.console_errors == []


def test_secretariat_opens_a_review_round_in_the_admin(server, page):
    import datetime as dt

    page.goto(server["base"] + "/admin/review_rounds/new/")
    sign_in(page, "secretariat@greencustoms.example")
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    enter_totp(page, server)
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
    assert "Russian review of Green Customs Guide" in page.content()
    shot(page, "admin-review-rounds")
