"""Knowledge sharing in a real browser (issue #15, "Done when"): a Partner
(CITES) submits a seizure; the Secretariat publishes it and circulates a news
item to two organisations (CITES and the WCO); a WCO member sees it on the
Partners dashboard and opens it through its link after signing in; a visitor
reads the enforcement news filtered by treaty and finds the record, downloads
the Spanish Guide as PDF (its text extracted and checked) and finds a CITES
course in the catalogue filtered by treaty.

Done in the browser: everything a person does, the admin's forms included.
Set up in the server's database (``server["env"]``), because a browser cannot
do it: the choice of the news page in the circulation's page chooser (the
hidden field the chooser fills is given the page's id, looked up there), the
ids of the record, news page and organisations, and the build of the Spanish
Guide's PDF (the schedule's task, ``manage.py build_guide_pdfs``)."""

import datetime as dt
import io
import re
import subprocess
import sys

from pypdf import PdfReader

from tests.browser.conftest import ROOT
from tests.browser.test_journeys import shot, sign_in
from tests.browser.test_workshop_cycle_journey import choose_page, db, signed_in

TITLE = "Pangolin scales seized at the port of Mombasa"


def test_knowledge_from_a_seizure_to_the_guide_and_a_course(server, browser):
    base = server["base"]

    # 1. A Partner (CITES) submits a seizure from the Partners area.
    cites = signed_in(browser, server, "cites.partner@greencustoms.example")
    cites.goto(base + "/en/planning/enforcement/new/")
    cites.select_option("select[name=kind]", "seizure")
    cites.fill("input[name=title]", TITLE)
    cites.fill("input[name=date]", (dt.date.today() - dt.timedelta(days=7)).isoformat())
    cites.select_option("select[name=country]", "KE")
    cites.check("input[name=treaties][value=cites]")
    cites.fill("input[name=hs_codes]", "0507")
    cites.fill("input[name=commodity]", "Pangolin scales in sacks")
    cites.fill("input[name=quantity]", "850")
    cites.select_option("select[name=unit]", "kg")
    cites.fill("input[name=agency]", "Kenya Revenue Authority")
    cites.fill("textarea[name=summary]", "Officers found pangolin scales declared as cashew nuts.")
    cites.check("input[name=may_publish]")
    shot(cites, "knowledge-1-seizure")
    cites.click("main button[type=submit]")
    cites.wait_for_load_state()
    errors = cites.locator(".errorlist").all_inner_texts()
    assert errors == [], errors
    cites.wait_for_url(re.compile(r"/en/planning/enforcement/\d+/$"))
    assert TITLE in cites.locator("main").inner_text()
    record_pk = db(
        server,
        "from gci.materials.models import EnforcementRecord as R;"
        f"print(R.objects.get(title={TITLE!r}).pk)",
    )

    # 2. The Secretariat publishes it from its page in the admin…
    admin = signed_in(browser, server, "secretariat@greencustoms.example", admin=True)
    admin.goto(f"{base}/admin/enforcement_records/inspect/{record_pk}/")
    admin.click("#publish button[type=submit]")
    admin.wait_for_load_state()
    assert (
        f"“{TITLE}” is published in the public enforcement news."
        in admin.locator(".messages").inner_text()
    )
    shot(admin, "knowledge-2-published")

    # …and circulates a news item to CITES and the WCO.
    news_pk, news_title = db(
        server,
        "from gci.home.news import NewsPage;"
        "p = NewsPage.objects.live().public().filter(locale__language_code='en')"
        ".order_by('-pk').first(); print(f'{p.pk}|{p.title}')",
    ).split("|", 1)
    invited = db(
        server,
        "from gci.home.models import PartnerOrganisation as O;"
        "print(','.join(str(O.objects.get(acronym=a, locale__language_code='en').pk)"
        " for a in ('CITES', 'WCO')))",
    ).split(",")
    admin.goto(base + "/admin/circulations/new/")
    choose_page(admin, "page", news_pk)
    for pk in invited:
        admin.check(f"input[name=organisations][value='{pk}']")
    admin.fill("textarea[name=message]", "Read this before the next meeting.")
    admin.click("footer button:has-text('Create')")
    admin.wait_for_url("**/admin/circulations/inspect/*/")
    assert "is circulated" in admin.locator(".messages").inner_text()
    circulation_pk = admin.url.rstrip("/").rsplit("/", 1)[-1]
    shot(admin, "knowledge-3-circulated")

    # 3. A WCO member follows the link (as in the email): the login first…
    wco_context = browser.new_context(viewport={"width": 1280, "height": 900})
    wco = wco_context.new_page()
    wco.goto(f"{base}/en/circulated/{circulation_pk}/")
    wco.wait_for_url("**/accounts/login/**")
    # …but first sees it waiting on the dashboard once signed in.
    wco.goto(base + "/en/accounts/login/")
    sign_in(wco, "wco.partner@greencustoms.example")
    wco.wait_for_url("**/en/partners-area/")
    panel = wco.locator("section[aria-labelledby=panel-circulations]")
    link = panel.locator(f"a[href='/en/circulated/{circulation_pk}/']")
    assert link.inner_text() == news_title
    shot(wco, "knowledge-4-dashboard")
    link.click()
    wco.wait_for_load_state()
    assert wco.locator("h1").inner_text() == news_title
    wco.goto(base + "/en/partners-area/")  # opened: no longer waits
    assert wco.locator(f"a[href='/en/circulated/{circulation_pk}/']").count() == 0

    # 4. A visitor reads the enforcement news filtered by treaty.
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    public = visitor.new_page()
    public.goto(base + "/en/enforcement/")
    public.select_option("select[name=treaty]", "cites")
    public.click("form.course-filters button[type=submit]")
    public.wait_for_url("**/enforcement/?*treaty=cites*")
    results = public.locator(".enforcement-results").inner_text()
    assert TITLE in results
    shot(public, "knowledge-5-enforcement-cites")
    public.select_option("select[name=treaty]", "basel")
    public.click("form.course-filters button[type=submit]")
    public.wait_for_url("**/enforcement/?*treaty=basel*")
    assert TITLE not in public.locator(".enforcement-results").inner_text()

    # 5. …downloads the Spanish Guide as PDF (built by the schedule's task)…
    subprocess.run(
        [sys.executable, "manage.py", "build_guide_pdfs", "--language", "es"],
        cwd=ROOT,
        env=server["env"],
        check=True,
        capture_output=True,
    )
    guide_url, guide_title, chapter_title = db(
        server,
        "from gci.materials.models import GuidePage;"
        "g = GuidePage.objects.get(locale__language_code='es');"
        "c = g.chapters()[0];"
        "print(f'{g.url}|{g.title}|{c.title}')",
    ).split("|", 2)
    public.goto(base + guide_url)
    assert public.get_attribute("html", "lang") == "es"
    with public.expect_download() as download_info:
        public.click(".guide-download a[type='application/pdf']")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    pages = [page.extract_text() for page in reader.pages]
    assert guide_title in pages[0]
    assert "Índice" in pages[1]  # the contents, in Spanish
    assert chapter_title.split()[0] in "\n".join(pages[2:])

    # 6. …and finds a CITES course in the catalogue filtered by treaty.
    public.goto(base + "/en/courses/")
    public.select_option("select[name=treaty]", "cites")
    public.click("form.course-filters button[type=submit]")
    public.wait_for_url("**/courses/?*treaty=cites*")
    courses = public.locator(".course-results")
    found = courses.locator("article.course")
    assert found.count() >= 1
    for text in found.all_inner_texts():
        assert "CITES" in text
    shot(public, "knowledge-6-courses-cites")

    for page in (cites, admin):
        assert [e for e in page.console_errors if "Content Security Policy" in e] == []
