"""The site from the keyboard alone (issue #7, item 2): every stop shows a
focus outline, the skip link comes first and leads to the content, the
language switcher and the main menu open with Enter, on a phone too."""

from tests.browser.test_journeys import shot

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
        href: el.getAttribute('href'),
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0
            && box.top < window.innerHeight,
    };
}"""


def tab_to(page, matches, limit=40):
    """Press Tab until the focused element satisfies ``matches``; every stop on
    the way must show a visible outline at least 2px wide."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], focused
        assert focused["outline"] not in ("none", "hidden") and focused["width"] >= 2, focused
        if matches(focused):
            return focused
    raise AssertionError("not reached from the keyboard")


def test_skip_link_is_the_first_stop_and_leads_to_the_content(server, page):
    page.goto(server["base"] + "/en/green-customs-guide/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0
    focused = page.evaluate(FOCUSED)
    assert focused["outline"] != "none" and focused["width"] >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next stop is the content's first link (the Guide's contents), past
    # the header, its search and its menus.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main nav.guide-toc') !== null")


def test_language_switcher_and_main_menu_work_from_the_keyboard(server, page):
    page.goto(server["base"] + "/en/")
    tab_to(page, lambda f: f["href"] == "/fr/")
    shot(page, "keyboard-language-switcher")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/")
    assert page.get_attribute("html", "lang") == "fr"
    # The menu comes after the switcher: on to the Events, in French.
    tab_to(page, lambda f: f["href"] == "/fr/events/")
    shot(page, "keyboard-main-menu")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/events/")
    assert page.locator("h1").inner_text() == "Événements"


def test_on_a_phone_the_menu_opens_from_the_keyboard(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server["base"] + "/en/")
    assert not page.locator("#site-nav-list").is_visible()
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Menu")
    page.keyboard.press("Enter")
    assert page.get_attribute(".site-nav__toggle", "aria-expanded") == "true"
    assert page.locator("#site-nav-list").is_visible()
    focused = tab_to(page, lambda f: f["href"] == "/en/events/")
    assert focused["text"] == "Events"
    shot(page, "keyboard-phone-menu")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/events/")
    context.close()
