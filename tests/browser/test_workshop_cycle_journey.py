"""The workshop cycle in a real browser (issue #14, "Done when"): a Partner
sends a workshop request; the Secretariat prioritises it and plans its
workshop; the year's workplan shows it; the Secretariat opens a consultation;
two Partners answer (CITES takes part and comments on the agenda, the WCO
suggests an expert) and the Secretariat reads them; the workshop is held and
its outcome recorded; a participant answers the evaluation from its signed
link; the public "Our training" page counts the workshop and colours its
country on the map.

Done in the browser: everything a person does, the admin's forms included.
Set up in the server's database (``server["env"]``), because a browser cannot
do it: the choice of the workshop page in the admin's page choosers (the
hidden field the chooser fills is given the page's id, looked up by title),
and the passing of time (the workshop's days moved into the past and its
status set to "held" once its consultation is done)."""

import datetime as dt

import bench  # scripts/bench.py: tests/browser/conftest.py puts scripts/ on the path

from tests.browser.test_journeys import enter_totp, shot, sign_in

COUNTRY = "GH"
TITLE = "Green Customs workshop for West African ports"
BODY = "Ghana Revenue Authority, Customs Division"


def db(server, code):
    """The last line ``code`` prints, run in the demo server's database."""
    return bench.shell_output(code, server["env"])


def signed_in(browser, server, email, admin=False):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.goto(server["base"] + ("/admin/" if admin else "/en/accounts/login/"))
    sign_in(page, email)
    if admin:
        page.wait_for_url("**/accounts/2fa/authenticate/**")
        enter_totp(page, server)
        page.wait_for_url("**/admin/")
    else:
        page.wait_for_url("**/en/partners-area/")
    return page


def choose_page(page, field, pk):
    """What the admin's page chooser does once a page is picked: its hidden field holds the id."""
    page.eval_on_selector(f"input[name={field}]", "(e, v) => { e.value = v; }", str(pk))


def figures(page, base):
    page.goto(base + "/en/training/")
    read = {
        name: int(page.locator(f"dd[data-figure={name}]").inner_text())
        for name in ("workshops", "officers", "received", "served")
    }
    row = page.locator(f"tr[data-country={COUNTRY}] td").first
    read["country"] = int(row.inner_text()) if row.count() else 0
    # The workshop names no treaty: its request's topics (CITES, Basel) stand in.
    cites = page.locator("#by-treaty tbody tr", has=page.locator("th", has_text="CITES")).first
    read["cites"] = int(cites.locator("td").inner_text()) if cites.count() else 0
    return read


def test_the_workshop_cycle_from_request_to_indicators(server, browser):
    base = server["base"]
    visitor = browser.new_context().new_page()
    before = figures(visitor, base)

    # 1. A Partner (CITES) sends a workshop request from the Partners area.
    cites = signed_in(browser, server, "cites.partner@greencustoms.example")
    cites.goto(base + "/en/planning/workshop-requests/new/")
    cites.select_option("select[name=country]", COUNTRY)
    cites.select_option("select[name=region]", "africa")
    cites.fill("input[name=body_name]", BODY)
    cites.fill("input[name=contact_name]", "Ama Mensah")
    cites.check("input[name=topics][value=cites]")
    cites.check("input[name=topics][value=basel]")
    cites.check("input[name=languages][value=en]")
    cites.fill("input[name=officers]", "25")
    cites.fill("textarea[name=notes]", "Tema and Takoradi port officers.")
    cites.click("main button[type=submit]")
    cites.wait_for_url("**/planning/workshop-requests/*/")
    assert BODY in cites.locator("main").inner_text()
    shot(cites, "cycle-1-request-sent")
    request_pk = db(
        server,
        "from gci.calendar.models import WorkshopRequest;"
        f"print(WorkshopRequest.objects.get(body_name={BODY!r}).pk)",
    )

    # 2. The Secretariat prioritises it in the admin…
    admin = signed_in(browser, server, "secretariat@greencustoms.example", admin=True)
    admin.goto(f"{base}/admin/workshop_requests/edit/{request_pk}/")
    admin.select_option("select[name=state]", "prioritised")
    admin.fill("input[name=priority]", "8")
    admin.locator("input[name=criteria]").first.check()
    admin.fill("input[name=estimated_cost]", "42000")
    admin.select_option("select[name=funding_state]", "committed")
    admin.fill("input[name=funding_source]", "Norway")
    shot(admin, "cycle-2-prioritise")
    admin.click("footer button:has-text('Save')")
    admin.wait_for_url("**/admin/workshop_requests/")

    # …creates the workshop in the public calendar…
    start = dt.date.today() + dt.timedelta(days=10)
    events = db(
        server,
        "from gci.calendar.models import EventIndexPage;"
        "print(EventIndexPage.objects.get(slug='events', locale__language_code='en').pk)",
    )
    admin.goto(f"{base}/admin/pages/add/gci_calendar/eventpage/{events}/")
    admin.fill("#id_title", TITLE)
    admin.select_option("select[name=kind]", "workshop")
    admin.fill("input[name=start_date]", start.isoformat())
    admin.fill("input[name=city]", "Tema")
    admin.select_option("select[name=country]", COUNTRY)
    admin.select_option("select[name=region]", "africa")
    admin.get_by_label("United Nations Environment Programme (UNEP)").check()
    admin.click("footer .w-dropdown__toggle")
    admin.click("button[name=action-publish]")
    admin.wait_for_load_state()
    assert f"Page '{TITLE}' created and published." in admin.locator(".messages").inner_text()
    event_pk = db(
        server,
        "from gci.calendar.models import EventPage;"
        f"print(EventPage.objects.get(title={TITLE!r}, locale__language_code='en').pk)",
    )

    # …and plans the request: it is answered by that workshop.
    admin.goto(f"{base}/admin/workshop_requests/edit/{request_pk}/")
    admin.select_option("select[name=state]", "planned")
    choose_page(admin, "event", event_pk)
    admin.click("footer button:has-text('Save')")
    admin.wait_for_url("**/admin/workshop_requests/")

    # 3. The Secretariat puts the year's workplan to the Partners (unless the
    # demo has it already); it shows the request, prioritised and funded.
    has_workplan = db(
        server,
        f"from gci.calendar.models import Workplan;"
        f"print(Workplan.objects.filter(year={start.year}).exists())",
    )
    if has_workplan == "False":
        admin.goto(base + "/admin/workplans/new/")
        admin.fill("input[name=year]", str(start.year))
        admin.select_option("select[name=state]", "consultation")
        admin.fill("textarea[name=intro]", "The workshops we propose to hold.")
        admin.fill("input[name=consultation_opens]", dt.date.today().isoformat())
        window_end = dt.date.today() + dt.timedelta(days=14)
        admin.fill("input[name=consultation_closes]", window_end.isoformat())
        admin.click("footer button:has-text('Create')")
        admin.wait_for_url("**/admin/workplans/")
    cites.goto(f"{base}/en/planning/workplan/{start.year}/")
    row = cites.locator(f"tr#request-{request_pk}")
    assert row.count() == 1
    assert "8/10" in row.inner_text()
    assert "Ghana" in row.inner_text() and "Planned" in row.inner_text()
    shot(cites, "cycle-3-workplan")

    # 4. The Secretariat opens a consultation of CITES and the WCO.
    admin.goto(base + "/admin/consultations/new/")
    choose_page(admin, "event", event_pk)
    admin.fill("input[name=deadline]", (dt.date.today() + dt.timedelta(days=5)).isoformat())
    admin.fill("textarea[name=message]", "Please comment on the draft agenda.")
    invited = db(
        server,
        "from gci.home.models import PartnerOrganisation as O;"
        "print(','.join(str(O.objects.get(acronym=a, locale__language_code='en').pk)"
        " for a in ('CITES', 'WCO')))",
    ).split(",")
    admin.select_option("select[name=organisations]", value=invited)
    admin.click("footer button:has-text('Create')")
    admin.wait_for_url("**/admin/consultations/")
    shot(admin, "cycle-4-consultation-opened")

    # 5. CITES finds it from the workshop's page, takes part and comments on the agenda.
    cites.goto(f"{base}/en/events/")
    cites.click(f"main a:has-text('{TITLE}')")
    cites.click("text=Your organisation's answer to the consultation on this workshop")
    cites.wait_for_url("**/planning/consultations/*/")
    cites.check("input[name=answer-response][value=takes_part]")
    cites.fill("textarea[name=answer-participants]", "Ms Awuah, CITES enforcement officer")
    cites.click("button:has-text('Save your answer')")
    cites.wait_for_load_state()
    assert "Your organisation's answer has been saved." in cites.locator(".messages").inner_text()
    cites.select_option("select[name=comment-target]", "agenda")
    cites.fill("textarea[name=comment-text]", "Add a session on timber species identification.")
    cites.click("button:has-text('Add your comment')")
    cites.wait_for_load_state()
    assert "Your comment has been added." in cites.locator(".messages").inner_text()
    shot(cites, "cycle-5-cites-answered")

    # …and the WCO suggests an expert.
    wco = signed_in(browser, server, "wco.partner@greencustoms.example")
    wco.goto(base + "/en/planning/consultations/")
    wco.click(f"main a:has-text('{TITLE}')")
    wco.fill("input[name=expert-name]", "Kwame Boateng")
    wco.fill("textarea[name=expert-expertise]", "Risk profiling of container traffic")
    wco.check("input[name=expert-languages][value=en]")
    wco.check("input[name=expert-consent]")
    wco.click("button:has-text('Suggest this expert')")
    wco.wait_for_load_state()
    assert "Kwame Boateng" in wco.locator(".messages").inner_text()
    # The WCO reads CITES's answer as counts, never its text.
    assert "timber species" not in wco.locator("main").inner_text()
    shot(wco, "cycle-6-wco-expert")

    # The Secretariat reads both answers, from the workshop's page to the admin.
    admin.goto(f"{base}/en/events/")
    admin.click(f"main a:has-text('{TITLE}')")
    admin.click("text=The answers of the invited organisations (admin)")
    admin.wait_for_url("**/admin/consultations/inspect/*/")
    summary = admin.locator("main").inner_text()
    assert "timber species identification" in summary and "Kwame Boateng" in summary
    shot(admin, "cycle-7-consultation-summary")
    # Each answer was emailed to the Secretariat (the admin's "Outgoing emails").
    admin.goto(base + "/admin/outbox/?q=consultation_answered")
    sent = admin.locator("main").inner_text()
    for action in ("Will take part", "Commented", "Suggested an expert"):
        assert f"“{TITLE}”: {action}" in sent, action

    # 6. The workshop took place (time passes: set in the database)…
    db(
        server,
        "import datetime as dt;from gci.calendar.models import EventPage;"
        f"e = EventPage.objects.get(pk={event_pk});"
        "e.start_date = dt.date.today() - dt.timedelta(days=3);"
        "e.end_date = dt.date.today() - dt.timedelta(days=1);"
        "e.status = 'held'; e.save(); print(e.pk)",
    )
    # …and the Secretariat records its outcome in the admin.
    admin.goto(base + "/admin/workshop_outcomes/new/")
    choose_page(admin, "event", event_pk)
    admin.fill("textarea[name=trainers]", "Kwame Boateng (WCO); Ms Awuah (CITES)")
    admin.locator("#id_counts-ADD").click()
    admin.select_option("select[name=counts-0-country]", COUNTRY)
    admin.select_option("select[name=counts-0-agency]", "customs")
    admin.fill("input[name=counts-0-number]", "24")
    shot(admin, "cycle-8-outcome")
    admin.click("footer button:has-text('Create')")
    admin.wait_for_url("**/admin/workshop_outcomes/")

    # 7. The Secretariat makes an evaluation form and a link for a participant…
    admin.goto(base + "/admin/evaluations/new/")
    choose_page(admin, "event", event_pk)
    admin.fill("input[name=opens]", (dt.date.today() - dt.timedelta(days=1)).isoformat())
    admin.fill("input[name=closes]", (dt.date.today() + dt.timedelta(days=14)).isoformat())
    admin.click("footer button:has-text('Create')")
    admin.wait_for_url("**/admin/evaluations/")
    form_pk = db(
        server,
        f"from gci.calendar.models import EvaluationForm;"
        f"print(EvaluationForm.objects.get(event_id={event_pk}).pk)",
    )
    admin.goto(f"{base}/admin/evaluations/links/{form_pk}/")
    admin.fill("input[name=number]", "1")
    admin.click("button:has-text('Show the links')")
    link = admin.input_value("#evaluation-links").strip()
    assert "/evaluation/" in link

    # …who answers it, with no account.
    participant = browser.new_context().new_page()
    participant.goto(link)
    for score, value in (("usefulness", 5), ("content", 4), ("trainers", 5), ("organisation", 4)):
        participant.check(f"input[name={score}][value='{value}']")
    participant.fill("textarea[name=comments]", "The port visit was the most useful part.")
    participant.click("button:has-text('Send my evaluation')")
    participant.wait_for_load_state()
    assert "Thank you" in participant.locator("h1").inner_text()
    shot(participant, "cycle-9-evaluation-sent")
    participant.goto(link)  # the link answers once
    assert "Send my evaluation" not in participant.locator("main").inner_text()

    # 8. The public indicators count the workshop, its officers and its country…
    after = figures(visitor, base)
    assert after["workshops"] == before["workshops"] + 1
    assert after["officers"] == before["officers"] + 24
    assert after["received"] >= before["received"] + 1
    assert after["served"] >= before["served"] + 1
    assert after["country"] == before["country"] + 1
    assert after["cites"] == before["cites"] + 1
    # …and the map draws it: an SVG of the world, Ghana coloured as reached.
    assert visitor.locator("svg.world-map").count() == 1
    ghana = visitor.locator(f"svg.world-map #map-{COUNTRY.lower()}")
    assert "world-map__country--reached" in ghana.get_attribute("class")
    not_reached = visitor.locator("svg.world-map .world-map__country--not-reached").first
    fill = "e => getComputedStyle(e).fill"
    assert ghana.evaluate(fill) != not_reached.evaluate(fill)
    shot(visitor, "cycle-10-indicators")

    for page in (cites, wco, admin):
        assert [e for e in page.console_errors if "Content Security Policy" in e] == []
