"""What a visitor, a Partner and a Secretariat member do, in a real browser."""

import time
from pathlib import Path

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

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


def test_visitor_switches_to_arabic_and_the_page_lays_out_right_to_left(server, page):
    page.goto(server["base"] + "/en/about/")
    page.click("a[hreflang=ar]")
    page.wait_for_url("**/ar/about/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] > 1280 / 2  # the brand sits on the right
    assert page.locator("h1").inner_text() == "عن المبادرة"
    shot(page, "about-ar")
    assert page.console_errors == []


def test_visitor_reads_every_language_without_errors(server, page):
    for code in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
        response = page.goto(f"{server['base']}/{code}/partners/")
        assert response.status == 200
        assert page.locator(".org-card").count() == 11
    assert page.console_errors == []


def test_skip_link_is_the_first_stop_and_visible_on_focus(server, page):
    page.goto(server["base"] + "/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0


def test_partner_signs_in_reads_the_dashboard_and_signs_out(server, page):
    page.goto(server["base"] + "/fr/partners-area/")
    page.wait_for_url("**/fr/accounts/login/**")
    assert page.get_attribute("html", "lang") == "fr"
    sign_in(page, "cites.partner@greencustoms.example")
    page.wait_for_url("**/fr/partners-area/")
    body = page.locator("main").inner_text()
    assert "Camille Partner" in body
    assert "Secrétariat de la CITES" in body
    shot(page, "dashboard-fr")
    page.click("a[href='/fr/accounts/logout/']")
    page.click("main button[type=submit]")
    page.goto(server["base"] + "/fr/partners-area/")
    assert "/accounts/login/" in page.url


def test_secretariat_signs_in_with_totp_and_reaches_the_admin(server, page):
    page.goto(server["base"] + "/admin/")
    sign_in(page, "secretariat@greencustoms.example")
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    enter_totp(page, server)
    page.wait_for_url("**/admin/")
    page.goto(server["base"] + "/admin/users/new/")
    assert page.locator("select[name=organisation]").count() == 1
    shot(page, "admin-new-user")
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []


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


def test_partner_proposes_a_training_and_follows_it(server, page):
    page.goto(server["base"] + "/en/accounts/login/")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_url("**/en/partners-area/")
    page.click("text=Share a planned training or event")
    page.fill("input[name=title]", "Chemical weapons precursors course")
    page.click("main button[type=submit]")  # start date missing
    assert page.locator(".errorlist").first.is_visible()
    assert page.input_value("input[name=title]") == "Chemical weapons precursors course"
    page.fill("input[name=start_date]", "2031-05-04")
    page.select_option("select[name=country]", "NL")
    page.click("main button[type=submit]")
    page.wait_for_url("**/planning/proposals/")
    assert "Submitted, awaiting review" in page.locator("main").inner_text()
    shot(page, "proposals-en")


def test_partner_updates_an_action_point_from_the_dashboard(server, page):
    page.goto(server["base"] + "/en/accounts/login/")
    sign_in(page, "wco.partner@greencustoms.example")
    page.wait_for_url("**/en/partners-area/")
    form = page.locator("form.action-point").first
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("textarea[name=notes]").fill("Survey results sent to the Secretariat")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/en/partners-area/")
    assert "Action point updated." in page.locator(".messages").inner_text()
    assert page.locator("textarea", has_text="Survey results sent to the Secretariat").count() == 1


def test_the_month_view_in_arabic_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    response = page.goto(server["base"] + "/ar/events/2009/01/")
    assert response.status == 200
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.locator(".month-grid__event").count() >= 1
    # The grid scrolls inside its own box; the page itself does not overflow.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "month-ar-phone")
    context.close()


def test_visitor_picks_kenya_in_the_focal_point_directory(server, page):
    page.goto(server["base"] + "/fr/focal-points/")
    page.select_option("select[name=country]", "KE")
    page.click("form.country-picker button[type=submit]")
    page.wait_for_url("**/fr/focal-points/country/KE/")
    assert "Kenya" in page.locator("h1").inner_text()
    assert (
        page.locator(
            'a[href="https://cites.org/eng/cms/index.php/component/cp/country/KE"]'
        ).count()
        == 1
    )
    shot(page, "focal-points-kenya-fr")
