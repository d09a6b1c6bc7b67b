"""News and announcements (issue #15, 1): the index's listing, its filters
and pages, the RSS and Atom feeds of each language, the home page's latest
news, the Partners' news behind every door, and queries flat at 2,000 items."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from gci.home.models import NewsIndexPage, NewsPage, PartnerOrganisation
from tests.factories.bulk import bulk_pages
from tests.factories.pages import home_page, partners_area
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def public_news_index(language="en"):
    return NewsIndexPage.objects.child_of(home_page(language)).get()


def partners_news_index(language="en"):
    return NewsIndexPage.objects.child_of(partners_area(language)).get()


def add_news(index, title, date, news_type="news", live=True, **fields):
    page = NewsPage(
        title=title, date=date, news_type=news_type, intro=f"Intro of {title}", **fields
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        NewsPage.objects.filter(pk=page.pk).update(live=False)
    return NewsPage.objects.get(pk=page.pk)


def titles(response):
    body = response.content.decode()
    return [
        line.split(">", 2)[2].split("<", 1)[0]
        for line in body.splitlines()
        if 'class="news-item__title"' in line
    ]


def rss_titles(response):
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(response):
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


# -- The demo --------------------------------------------------------------


def test_the_demo_has_public_news_of_2009_and_a_partners_announcement():
    public = NewsPage.objects.child_of(public_news_index()).live()
    assert public.count() >= 5
    assert {page.date.year for page in public} == {2009}
    assert {"news", "announcement", "publication"} <= {page.news_type for page in public}
    partners = NewsPage.objects.child_of(partners_news_index())
    assert [page.news_type for page in partners] == ["announcement"]
    # Translated through the site's mechanism: a copy per language, same key.
    meeting = NewsPage.objects.get(
        locale__language_code="en", slug="fifth-partners-meeting-brussels"
    )
    french = meeting.get_translation(Locale.objects.get(language_code="fr"))
    assert french.live and french.title.startswith("Les Partenaires")
    assert french.get_parent().specific == public_news_index("fr")


def test_the_news_index_has_every_language(client):
    for language in ("en", "fr", "ar", "zh-hans"):
        response = client.get(public_news_index(language).url)
        assert response.status_code == 200


# -- Listing, filters, pages -----------------------------------------------


def test_the_listing_is_newest_first_and_in_the_current_language(client):
    index = public_news_index()
    add_news(index, "Newest item", dt.date(2030, 5, 1))
    add_news(index, "Old item", dt.date(2001, 5, 1))
    response = client.get(index.url)
    shown = titles(response)
    assert shown[0] == "Newest item"
    dates = [
        p.date
        for p in NewsPage.objects.child_of(index).live().order_by("-date", "-pk")[: len(shown)]
    ]
    assert dates == sorted(dates, reverse=True)
    # The French index lists the French items only.
    french = titles(client.get(public_news_index("fr").url))
    assert "Newest item" not in french
    assert any(title.startswith("Les Partenaires") for title in french)


def test_a_draft_is_not_listed(client):
    index = public_news_index()
    add_news(index, "Draft item never shown", dt.date(2030, 1, 1), live=False)
    assert "Draft item never shown" not in client.get(index.url).content.decode()


def test_the_listing_has_pages(client):
    index = public_news_index()
    for n in range(25):
        add_news(index, f"Paged item {n:02d}", dt.date(2020, 1, 1) + dt.timedelta(days=n))
    first = client.get(index.url)
    assert len(titles(first)) == 10
    total = NewsPage.objects.child_of(index).live().count()
    last_page = (total + 9) // 10
    assert f"Page 1 of {last_page}" in first.content.decode()
    last = client.get(index.url, {"page": last_page})
    assert last.status_code == 200
    assert len(titles(last)) == total - 10 * (last_page - 1)
    assert client.get(index.url, {"page": last_page + 1}).status_code == 404


def test_type_and_year_filters(client):
    index = public_news_index()
    add_news(index, "Publication of 2031", dt.date(2031, 3, 1), "publication")
    add_news(index, "News of 2031", dt.date(2031, 4, 1), "news")
    publications = titles(client.get(index.url, {"type": "publication"}))
    assert "Publication of 2031" in publications
    assert "News of 2031" not in publications
    assert all(
        NewsPage.objects.get(locale__language_code="en", title=title).news_type == "publication"
        for title in publications
    )
    in_2031 = titles(client.get(index.url, {"year": "2031"}))
    assert set(in_2031) == {"Publication of 2031", "News of 2031"}
    both = titles(client.get(index.url, {"year": "2031", "type": "news"}))
    assert both == ["News of 2031"]
    body = client.get(index.url).content.decode()
    assert "?year=2031" in body and "?type=announcement" in body


@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "9999"},
        {"page": "-1"},
        {"type": "rumour"},
        {"type": "NEWS"},
        {"year": "20x9"},
        {"year": "1066"},
        {"year": "99999"},
        {"year": "2009\x00"},
    ],
)
def test_a_bad_query_is_a_404(client, query):
    assert client.get(public_news_index().url, query).status_code == 404


def test_a_repeated_filter_is_a_404(client):
    assert client.get(public_news_index().url + "?type=news&type=publication").status_code == 404


def test_a_news_item_shows_its_facts_and_only_visible_related_events(client):
    index = public_news_index()
    from gci.calendar.models import EventPage

    public_event = EventPage.objects.filter(
        locale__language_code="en", slug="international-customs-day-2009"
    ).get()
    closed_event = EventPage.objects.filter(
        locale__language_code="en", slug="fifth-partners-meeting-2009"
    ).get()
    page = NewsPage(title="Item with events", date=dt.date(2009, 1, 28), intro="Intro.")
    page.related_events.add(page.related_events.model(event=public_event))
    page.related_events.add(page.related_events.model(event=closed_event))
    index.add_child(instance=page)
    page.organisations.set(PartnerOrganisation.objects.filter(locale__language_code="en")[:1])
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert public_event.title in body
    assert closed_event.title not in body
    assert "28 January 2009" in body


# -- Feeds -------------------------------------------------------------------


def test_the_index_links_its_feeds_in_the_head(client):
    body = client.get(public_news_index().url).content.decode()
    head = body.split("</head>")[0]
    assert 'type="application/rss+xml"' in head and "/en/news/feed/rss/" in head
    assert 'type="application/atom+xml"' in head and "/en/news/feed/atom/" in head


def test_the_feeds_hold_the_public_news_of_their_language(client):
    index = public_news_index()
    add_news(index, "Feed item in English", dt.date(2030, 6, 1))
    add_news(index, "Draft not in the feed", dt.date(2030, 7, 1), live=False)
    english = client.get("/en/news/feed/rss/")
    assert english.status_code == 200
    assert english["Content-Type"].startswith("application/rss+xml")
    shown = rss_titles(english)
    assert shown[0] == "Feed item in English"
    assert "Draft not in the feed" not in shown
    assert not any(title.startswith("Les Partenaires") for title in shown)
    atom = client.get("/en/news/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert atom_titles(atom) == shown
    french = rss_titles(client.get("/fr/news/feed/rss/"))
    assert any(title.startswith("Les Partenaires") for title in french)
    assert "Feed item in English" not in french
    assert b"<language>fr</language>" in client.get("/fr/news/feed/rss/").content
    # Every link leads to the item in its language.
    root = ET.fromstring(client.get("/fr/news/feed/rss/").content)
    assert all("/fr/news/" in link.text for link in root.iter("link"))


def test_partners_news_is_never_in_a_feed(client, cites_user):
    announcement = NewsPage.objects.child_of(partners_news_index()).get()
    for url in ("/en/news/feed/rss/", "/en/news/feed/atom/"):
        assert announcement.title.encode() not in client.get(url).content
    # The Partners' index has no feed at all, even for a Partner.
    area_index = partners_news_index()
    client.force_login(cites_user)
    for route in ("feed/rss/", "feed/atom/"):
        assert client.get(area_index.url + route).status_code == 404
    assert b"application/rss+xml" not in client.get(area_index.url).content


# -- The home page --------------------------------------------------------------


def test_the_home_page_shows_the_latest_three_public_news(client):
    index = public_news_index()
    for n in range(4):
        add_news(index, f"Home item {n}", dt.date(2032, 1, 1 + n), "announcement")
    add_news(partners_news_index(), "Partners item on home", dt.date(2033, 1, 1))
    body = client.get("/en/").content.decode()
    section = body.split('id="home-news-title"')[1].split("</section>")[0]
    assert "Home item 3" in section and "Home item 2" in section and "Home item 1" in section
    assert "Home item 0" not in section
    assert "Partners item on home" not in body
    assert "3 January 2032" in section and "Announcement" in section
    french = client.get("/fr/").content.decode()
    assert "Home item 3" not in french
    assert "Les Partenaires se réunissent" in french


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_the_main_menu_leads_to_the_news_in_every_language(client, language):
    index = public_news_index().get_translation(Locale.objects.get(language_code=language))
    body = client.get(f"/{language}/").content.decode()
    menu = body.split('class="site-nav"')[1].split("</nav>")[0]
    assert f'href="{index.url}"' in menu
    assert index.title in menu


def test_the_home_page_news_costs_no_query_once_warm(client, django_assert_max_num_queries):
    client.get("/en/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/en/")
    index = public_news_index()
    for n in range(30):
        add_news(index, f"Many {n}", dt.date(2015, 1, 1) + dt.timedelta(days=n))
    client.get("/en/")
    with CaptureQueriesContext(connection) as after:
        client.get("/en/")
    assert len(after) <= len(warm)


# -- Partners-only news behind every door ---------------------------------------


def test_partners_news_is_closed_to_an_anonymous_visitor_at_every_door(client):
    item = NewsPage.objects.child_of(partners_news_index()).get()
    french = item.get_translation(Locale.objects.get(language_code="fr"))
    for page in (item, french):
        response = client.get(page.url)
        assert response.status_code in (302, 403, 404)
        assert page.title.encode() not in response.content
    word = "trainings"
    for url in (
        f"/en/search/?q={word}+March",
        "/api/v2/pages/?type=home.NewsPage&fields=*&limit=100",
        f"/api/v2/pages/{item.pk}/",
        f"/api/v2/pages/find/?html_path={item.url}",
        f"/api/v2/pages/?search={word}",
        "/sitemap.xml",
        "/en/news/feed/rss/",
        "/fr/news/feed/atom/",
        partners_news_index().url,
        partners_news_index().url + "feed/rss/",
    ):
        response = client.get(url)
        assert response.status_code < 500, url
        assert item.title.encode() not in response.content, url
        assert french.title.encode() not in response.content, url
        assert item.slug.encode() not in response.content, url


def test_a_partner_reads_the_partners_news(client, cites_user):
    client.force_login(cites_user)
    item = NewsPage.objects.child_of(partners_news_index()).get()
    assert item.title in client.get(partners_news_index().url).content.decode()
    response = client.get(item.url)
    assert response.status_code == 200
    assert "no-store" in response.get("Cache-Control", "") or "private" in response.get(
        "Cache-Control", ""
    )


def test_public_news_is_in_the_sitemap_search_and_api(client):
    item = NewsPage.objects.get(locale__language_code="en", slug="guide-french-spanish-editions")
    assert item.url.encode() in client.get("/sitemap.xml").content
    api = client.get("/api/v2/pages/?type=home.NewsPage&fields=date,news_type&limit=100").json()
    assert item.pk in [row["id"] for row in api["items"]]
    assert "News" in client.get("/en/search/?q=Spanish+editions").content.decode()


# -- Scale -----------------------------------------------------------------------


def bulk_news(index, count):
    """``count`` live news items under ``index``, of every type, dated over ten years."""

    def fields(n):
        return {
            "date": dt.date(2000, 1, 1) + dt.timedelta(days=(n * 53) % 3650),
            "news_type": ("news", "announcement", "publication")[n % 3],
            "intro": f"Intro {n}",
        }

    bulk_pages(index, NewsPage, count, fields, name="Bulk news")


def test_queries_stay_flat_at_two_thousand_news_items(client):
    urls = [
        "/en/news/",
        "/en/news/?page=2",
        "/en/news/?type=publication&year=2003",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/",
    ]
    index = public_news_index()
    bulk_news(index, 30)
    for url in urls:
        count_queries(client, url)
    small = {url: count_queries(client, url) for url in urls}
    bulk_news(index, 2_000)
    assert NewsPage.objects.count() >= 2_000
    for url in urls:
        count_queries(client, url)
    large = {url: count_queries(client, url) for url in urls}
    assert all(large[url] <= small[url] for url in urls), (small, large)
    assert max(large.values()) <= 25, large
    last = (NewsPage.objects.child_of(index).live().count() + 9) // 10
    assert count_queries(client, f"/en/news/?page={last}") <= small["/en/news/?page=2"]
