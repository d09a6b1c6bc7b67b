"""Breadcrumbs: every page and view under the Partners area says where it is."""

import re

import pytest

from gci.calendar.models import EventPage
from tests.factories.calendar import proposal_data

pytestmark = pytest.mark.django_db


def crumbs(body):
    """The trail as (text, href or "current") pairs; None without a trail."""
    nav = re.search(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', body, re.S)
    if nav is None:
        return None
    items = re.findall(r"<li>(.*?)</li>", nav.group(2), re.S)
    trail = []
    for item in items:
        link = re.search(r'<a href="([^"]+)">([^<]+)</a>', item)
        if link:
            trail.append((link.group(2).strip(), link.group(1)))
        else:
            current = re.search(r'<span aria-current="page">([^<]+)</span>', item)
            trail.append((current.group(1).strip(), "current"))
    return trail


def test_a_page_under_the_area_shows_the_way_back(client, cites_user):
    client.force_login(cites_user)
    body = client.get("/en/partners-area/planning-calendar/").content.decode()
    trail = crumbs(body)
    assert trail[0][1] == "/en/partners-area/"
    assert trail[-1][1] == "current"
    assert len(trail) == 2


def test_a_sub_view_links_its_page(client, cites_user):
    client.force_login(cites_user)
    body = client.get("/en/partners-area/planning-calendar/2009/05/").content.decode()
    trail = crumbs(body)
    assert trail[-1][1] == "/en/partners-area/planning-calendar/"
    assert "aria-current" not in re.search(r'<nav class="breadcrumbs".*?</nav>', body, re.S)[0]


def test_the_area_page_itself_and_public_pages_have_none(client, cites_user):
    client.force_login(cites_user)
    assert crumbs(client.get("/en/partners-area/").content.decode()) is None
    assert crumbs(client.get("/en/about/").content.decode()) is None


def test_proposal_views_lead_back_through_your_proposals(client, wco_user):
    client.force_login(wco_user)
    client.post("/en/planning/propose/", proposal_data())
    event = EventPage.objects.get(title="Ozone smuggling course, Bangkok")
    trail = crumbs(client.get(f"/en/planning/proposals/{event.pk}/edit/").content.decode())
    assert [href for _, href in trail] == [
        "/en/partners-area/",
        "/en/planning/proposals/",
        f"/en/planning/proposals/{event.pk}/",
        "current",
    ]
    assert trail[2][0] == "Ozone smuggling course, Bangkok"
    assert trail[3][0] == "Edit this proposal"


def test_the_focal_point_editor_and_the_calendar_link_have_a_trail(client, wco_user):
    client.force_login(wco_user)
    for url in ("/en/my-organisation/focal-points/", "/en/planning/calendar-link/"):
        trail = crumbs(client.get(url).content.decode())
        assert trail[0][1] == "/en/partners-area/", url
        assert trail[-1][1] == "current", url


def test_the_trail_is_translated_and_labelled_in_arabic(client, wco_user):
    client.force_login(wco_user)
    body = client.get("/ar/planning/proposals/").content.decode()
    assert 'dir="rtl"' in body
    trail = crumbs(body)
    assert trail[0][1] == "/ar/partners-area/"
