"""Every page type, in English and Arabic (and Chinese for the home page and a
Guide chapter), at desktop (1366 px) and phone (390 px) width: a full-page
screenshot of each is saved as var/screenshots/<lang>-<page>-<width>.png, and
on a phone no page scrolls sideways and the header leaves the content within
about 120 px of the top.

One browser context per language and width walks the public pages, signs in
once as a Partner and walks the Partners area. The leaf pages (an event, a
chapter, a case study, a material, a review round and chapter) are found by
following the links of the page above them, so the module follows the demo
rather than its slugs; a leaf the language has no translation of is asked for
at the English page's path in that language, and what that reader meets there
is what is checked."""

import os
import re

import pytest

from tests.browser.test_journeys import PASSWORD, SCREENSHOTS

PHONE = 390
DESKTOP = 1366
HEADER_LIMIT = 120  # px from the top of the page to the end of the header, on a phone
PARTNER = "cites.partner@greencustoms.example"
WALKS = [
    ("en", DESKTOP),
    ("en", PHONE),
    ("ar", DESKTOP),
    ("ar", PHONE),
    ("zh-hans", DESKTOP),
    ("zh-hans", PHONE),
]

# The widest elements that stick out of the viewport, skipping those clipped
# by a scrolling ancestor (a table in its own overflow box does not make the
# page scroll). Returns "tag#id.class (N px)" descriptions, worst first.
OVERFLOWING_JS = """(limit) => {
    // Measured against the body (the phone's width), not the viewport: a
    // mobile browser widens its layout viewport to the content.
    const box = document.body.getBoundingClientRect();
    const clipped = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== "visible") return true;
        }
        return false;
    };
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        [...el.classList].map((c) => "." + c).join("");
    const found = [];
    for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (!r.width) continue;
        const out = Math.max(r.right - box.right, box.left - r.left);
        if (out > 1 && !clipped(el)) {
            let depth = 0;
            for (let a = el; a; a = a.parentElement) depth++;
            found.push({out, depth, text: name(el) + " (" + Math.round(r.width) + " px wide, " +
                Math.round(out) + " px out)"});
        }
    }
    found.sort((a, b) => b.out - a.out || b.depth - a.depth);
    return found.slice(0, limit).map((f) => f.text);
}"""


def screenshot_name(lang, page_type, width):
    return f"{lang.split('-')[0]}-{page_type}-{width}.png"


class Walk:
    """One language at one width: visits page types and records what is wrong."""

    def __init__(self, page, base, lang, width):
        self.page, self.base, self.lang, self.width = page, base, lang, width
        self.problems = []
        self.seen = []

    def url(self, path):
        return self.base + f"/{self.lang}" + path

    def localise(self, href):
        """The same path in this walk's language (for a link found in English)."""
        return re.sub(r"^/[a-z]{2}(-[a-z]+)?/", f"/{self.lang}/", href)

    def visit(self, page_type, url):
        response = self.page.goto(url if url.startswith("http") else self.base + url)
        assert response.status < 500, f"{page_type} {url}: {response.status}"
        self.page.wait_for_load_state()
        self.seen.append(page_type)
        self.page.screenshot(
            path=str(SCREENSHOTS / screenshot_name(self.lang, page_type, self.width)),
            full_page=True,
        )
        if self.width != PHONE:
            return
        scroll_width = self.page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > PHONE:
            widest = self.page.evaluate(OVERFLOWING_JS, 3)
            self.problems.append(
                f"{page_type} ({url}) scrolls sideways: {scroll_width} px wide; "
                + "; ".join(widest)
            )
        header = self.page.evaluate(
            "document.querySelector('.site-header').getBoundingClientRect().bottom + scrollY"
        )
        if header > HEADER_LIMIT:
            self.problems.append(f"{page_type} ({url}): the header ends {header:.0f} px down")

    def link(self, path, selector):
        """The href of the first link matching selector ("{path}" in it
        standing for the page's path) on the page at path, in this walk's
        language; looked for on the English page when this language's has none."""
        english = re.sub(r"^/[a-z]{2}(-[a-z]+)?/", "/en/", path)
        for candidate in dict.fromkeys((path, english)):
            self.page.goto(self.base + candidate)
            links = self.page.locator(selector.replace("{path}", candidate))
            if links.count():
                return self.localise(links.first.get_attribute("href"))
        raise AssertionError(f"no link {selector} on {path}")

    def deeper_link(self, path):
        """The first link in the content that leads to a page below path."""
        return self.link(
            path, 'main a[href^="{path}"]:not([href="{path}"]):not([href*="#"]):not([href*="?"])'
        )


def sign_in(page, base, lang):
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("input[name=login]", PARTNER)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/partners-area/")


@pytest.fixture(scope="module")
def site(request):
    """The demo server's base URL; GCI_BROWSER_BASE points the module at a
    demo already running (loaded with load_demo --as-reported) instead."""
    return os.environ.get("GCI_BROWSER_BASE") or request.getfixturevalue("server")["base"]


@pytest.mark.parametrize(("lang", "width"), WALKS, ids=[f"{lang}-{width}" for lang, width in WALKS])
def test_every_page_type_fits_the_screen(site, browser, lang, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone = width == PHONE
    context = browser.new_context(
        viewport={"width": width, "height": 844 if phone else 900},
        is_mobile=phone,
        has_touch=phone,
    )
    walk = Walk(context.new_page(), site, lang, width)
    try:
        walk_the_site(walk)
    finally:
        context.close()
    expected = {"home", "guide-chapter"} if lang == "zh-hans" else set(PUBLIC + PARTNERS)
    assert set(walk.seen) == expected
    assert not walk.problems, "\n".join(walk.problems)


PUBLIC = [
    "home",
    "standard-page",
    "partners",
    "events",
    "month",
    "year",
    "event",
    "guide",
    "guide-chapter",
    "case-studies",
    "case-study",
    "focal-points",
    "focal-points-country",
    "search",
    "login",
    "not-found",
]
PARTNERS = [
    "dashboard",
    "review-round",
    "review-chapter",
    "proposals",
    "workshop-requests",
    "workshop-request",
    "workshop-request-form",
    "focal-point-editor",
    "suitcase",
    "material",
    "suitcase-submit",
]


def walk_the_site(walk):
    visit, url = walk.visit, walk.url
    visit("home", url("/"))
    if walk.lang == "zh-hans":
        visit("guide-chapter", walk.deeper_link(f"/{walk.lang}/green-customs-guide/"))
        return
    visit("standard-page", url("/about/"))
    visit("partners", url("/partners/"))
    visit("events", url("/events/"))
    event = walk.link(f"/{walk.lang}/events/past/", "main .event-item__title a")
    # The month and year of an event that took place, so they are not empty.
    walk.page.goto(walk.base + event)
    day = walk.page.locator("main time[datetime]").first.get_attribute("datetime")
    year, month = day[:4], day[5:7]
    visit("month", url(f"/events/{year}/{month}/"))
    visit("year", url(f"/events/{year}/"))
    visit("event", event)
    visit("guide", url("/green-customs-guide/"))
    visit("guide-chapter", walk.deeper_link(f"/{walk.lang}/green-customs-guide/"))
    visit("case-studies", url("/case-studies/"))
    visit("case-study", walk.deeper_link(f"/{walk.lang}/case-studies/"))
    visit("focal-points", url("/focal-points/"))
    visit("focal-points-country", url("/focal-points/country/KE/"))
    visit("search", url("/search/?q=customs"))
    visit("login", url("/accounts/login/"))
    visit("not-found", url("/no-such-page/"))

    sign_in(walk.page, walk.base, walk.lang)
    visit("dashboard", url("/partners-area/"))
    review_index = f"/{walk.lang}/partners-area/guide-review/"
    review_round = walk.deeper_link(review_index)
    visit("review-round", review_round)
    visit("review-chapter", walk.deeper_link(review_round))
    visit("proposals", url("/planning/proposals/"))
    requests = f"/{walk.lang}/planning/workshop-requests/"
    visit("workshop-requests", requests)
    visit(
        "workshop-request",
        walk.link(requests, 'main a[href^="{path}"]:not([href="{path}"]):not([href$="/new/"])'),
    )
    visit("workshop-request-form", url("/planning/workshop-requests/new/"))
    visit("focal-point-editor", url("/my-organisation/focal-points/"))
    submit = walk.link(f"/{walk.lang}/partners-area/", 'main a[href$="/submit/"]')
    suitcase = submit.removesuffix("submit/")
    visit("suitcase", suitcase)
    # Its filters: a closed drawer on a phone, an open column on a desktop.
    drawer = walk.page.locator("details.suitcase__filters")
    assert drawer.evaluate("d => d.open") is (walk.width != PHONE)
    assert drawer.locator(".suitcase__facets").is_visible() is (walk.width != PHONE)
    visit("material", walk.link(suitcase, "main .material-item__title a"))
    visit("suitcase-submit", submit)
