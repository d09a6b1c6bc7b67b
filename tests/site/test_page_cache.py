"""The anonymous page cache (gci.site.page_cache): who gets a cached page,
which pages are never stored, and what purges it."""

import pytest
from django.middleware.csrf import get_token
from wagtail.models import Locale, Page, PageViewRestriction

from gci.home.models import HomePage, PartnerOrganisation, PartnersAreaPage, StandardPage
from gci.site.page_cache import HEADER, page_allows_cache
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GCI_PAGE_CACHE = True


def state(response):
    return response[HEADER]


def about(language="en"):
    return StandardPage.objects.get(slug="about", locale__language_code=language)


def fetch_twice(client, url):
    first, second = client.get(url), client.get(url)
    return first, second


# Served from the cache


@pytest.mark.parametrize("url", ["/en/", "/ar/", "/en/about/", "/fr/partners/", "/en/events/"])
def test_an_anonymous_visitor_gets_the_second_view_from_the_cache(client, url):
    first, second = fetch_twice(client, url)
    assert (first.status_code, state(first)) == (200, "miss")
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.content == first.content


def test_a_cached_page_still_gets_the_security_headers_and_language(client):
    client.get("/ar/")
    hit = client.get("/ar/")
    assert state(hit) == "hit"
    assert "Content-Security-Policy" in hit
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["Content-Language"] == "ar"
    assert hit["Content-Type"].startswith("text/html")
    assert not hit.cookies


def test_head_is_answered_from_what_get_stored(client):
    assert state(client.head("/en/about/")) == "pass"  # HEAD alone stores nothing
    client.get("/en/about/")
    assert state(client.head("/en/about/")) == "hit"


def test_languages_and_hosts_have_their_own_entries(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    client.get("/en/about/")
    assert state(client.get("/fr/about/")) == "miss"
    assert state(client.get("/en/about/", HTTP_HOST="other.example")) == "miss"


def test_known_filters_are_cached_and_other_query_strings_are_not(client):
    assert state(client.get("/en/events/?kind=workshop")) == "miss"
    assert state(client.get("/en/events/?kind=workshop")) == "hit"
    assert state(client.get("/en/events/?kind=training")) == "miss"
    assert state(client.get("/en/about/?utm_source=mail")) == "pass"
    assert state(client.get("/en/about/?utm_source=mail")) == "pass"
    assert state(client.get("/en/events/?kind=" + "x" * 300)) == "pass"


# Never for…


def test_never_for_a_signed_in_user(client, cites_user):
    client.get("/en/about/")  # an anonymous visit stores the page
    client.force_login(cites_user)
    response = client.get("/en/about/")
    assert state(response) == "pass"
    assert "/en/partners-area/" in response.content.decode()  # their own menu, not the cached one
    client.logout()
    assert state(client.get("/en/about/")) == "hit"  # and nothing of theirs was stored over it


def test_a_signed_in_users_page_is_never_stored(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    for _ in range(2):
        assert state(client.get("/en/partners/")) == "pass"
    client.logout()
    assert state(client.get("/en/partners/")) == "miss"


def test_never_for_a_visitor_with_a_session_or_pending_messages(client):
    client.get("/en/about/")
    client.cookies["sessionid"] = "anything"
    assert state(client.get("/en/about/")) == "pass"
    del client.cookies["sessionid"]
    client.cookies["messages"] = "pending"
    assert state(client.get("/en/about/")) == "pass"


def test_never_for_the_partners_area(client, cites_user):
    response = client.get("/en/partners-area/")
    assert (response.status_code, state(response)) == (302, "pass")
    client.force_login(cites_user)
    for url in ["/en/partners-area/", "/en/partners-area/fifth-partners-meeting/"]:
        assert state(client.get(url)) == "pass"
        assert state(client.get(url)) == "pass"


def test_a_partners_area_page_is_refused_even_without_its_view_restriction():
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    PageViewRestriction.objects.filter(page__in=Page.objects.descendant_of(area, True)).delete()
    assert not page_allows_cache(area)
    assert not page_allows_cache(area.get_children().first().specific)
    assert page_allows_cache(about())


def test_never_for_a_restricted_page(client, cites_user):
    page = about()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert not page_allows_cache(page)
    assert client.get("/en/about/").status_code == 302
    client.force_login(cites_user)
    assert state(client.get("/en/about/")) == "pass"
    assert state(client.get("/en/about/")) == "pass"


def test_a_restriction_added_later_purges_the_public_copy(client):
    client.get("/en/about/")
    PageViewRestriction.objects.create(page=about(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/about/")
    assert response.status_code == 302  # not the stale public page


def test_never_for_a_page_with_a_form(client, monkeypatch):
    """A page that puts a CSRF token in its HTML (any form that posts) is not stored."""
    original = StandardPage.serve

    def serve_with_form(self, request, *args, **kwargs):
        get_token(request)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(StandardPage, "serve", serve_with_form)
    assert state(client.get("/en/about/")) == "pass"
    assert state(client.get("/en/about/")) == "pass"


def test_never_for_form_pages_or_pages_that_opt_out(monkeypatch):
    from wagtail.contrib.forms.models import FormMixin

    class FakeFormPage(FormMixin, StandardPage):
        class Meta:
            abstract = True

    form_page = FakeFormPage.__new__(FakeFormPage)  # an instance of a form page type
    form_page.__dict__.update(about().__dict__)
    assert not page_allows_cache(form_page)
    monkeypatch.setattr(StandardPage, "page_cache", False, raising=False)
    assert not page_allows_cache(about())


def test_never_for_a_response_that_sets_a_cookie(client, monkeypatch):
    original = StandardPage.serve

    def serve_with_cookie(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        response.set_cookie("seen", "1")
        return response

    monkeypatch.setattr(StandardPage, "serve", serve_with_cookie)
    assert state(client.get("/en/about/")) == "pass"
    assert state(client.get("/en/about/")) == "pass"


def test_never_for_other_methods_or_other_statuses(client):
    assert state(client.post("/en/about/")) == "pass"
    assert state(client.get("/en/no-such-page/")) == "pass"
    assert state(client.get("/en/no-such-page/")) == "pass"
    assert state(client.get("/en/search/?q=customs")) == "pass"
    assert state(client.get("/en/accounts/login/")) == "pass"
    assert state(client.get("/api/v2/pages/?search=customs")) == "pass"


def test_a_preview_never_gets_the_live_page_from_the_cache(client):
    client.get("/en/about/")
    draft = about()
    draft.title = "A draft title nobody has published"
    response = draft.make_preview_request()
    assert "A draft title nobody has published" in response.content.decode()
    assert state(response) == "pass"
    live = client.get("/en/about/")
    assert state(live) == "hit"
    assert "A draft title nobody has published" not in live.content.decode()


def test_the_cache_can_be_turned_off(client, settings):
    settings.GCI_PAGE_CACHE = False
    assert state(client.get("/en/about/")) == "pass"
    assert state(client.get("/en/about/")) == "pass"


# Purges


def test_publishing_a_page_purges_it_and_the_pages_that_list_it(client):
    client.get("/en/about/")
    client.get("/en/")
    page = about()
    page.title = "About the partnership, revised"
    page.save_revision().publish()
    response = client.get("/en/about/")
    assert state(response) == "miss"
    assert "About the partnership, revised" in response.content.decode()
    assert state(client.get("/en/")) == "miss"


def test_publishing_a_translation_purges_the_other_languages_too(client):
    client.get("/en/about/")
    client.get("/fr/about/")
    french = about("fr")
    french.title = "À propos, révisé"
    french.save_revision().publish()
    assert "À propos, révisé" in client.get("/fr/about/").content.decode()
    assert state(client.get("/en/about/")) == "miss"


def test_unpublishing_a_page_purges_it(client):
    client.get("/en/about/")
    about().unpublish()
    # Not the stored page: the address now says the page is not available in
    # English and names its live translations (gci.site.languages).
    response = client.get("/en/about/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/not-available/")


def test_moving_a_page_purges_it(client):
    client.get("/en/about/")
    page = about()
    page.move(Page.objects.get(slug="partners", locale__language_code="en"), "last-child")
    old = client.get("/en/about/")
    assert old.status_code == 301  # Wagtail's automatic redirect, not the stale page
    assert old.get(HEADER) != "hit"
    assert client.get("/en/partners/about/").status_code == 200


def test_deleting_a_page_purges_it(client):
    client.get("/en/about/")
    about().delete()
    # Not the stored page: the translations that remain are named instead
    # (gci.site.languages).
    response = client.get("/en/about/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/not-available/")


def test_changing_a_snippet_purges_the_pages_that_show_it(client):
    client.get("/en/partners/")
    organisation = PartnerOrganisation.objects.filter(locale=Locale.get_default()).first()
    organisation.name = "A renamed partner organisation"
    organisation.save()
    response = client.get("/en/partners/")
    assert state(response) == "miss"
    assert "A renamed partner organisation" in response.content.decode()


def test_changing_the_home_page_settings_of_a_site_purges(client):
    client.get("/en/")
    home = HomePage.objects.get(locale__language_code="en")
    home.save()  # a plain save of a live page counts too (a draft does not: test_purges.py)
    assert state(client.get("/en/")) == "miss"


def test_a_lost_generation_counter_never_brings_old_pages_back(client):
    from gci.site.page_cache import GENERATION_KEY, pages_cache

    cache = pages_cache()
    client.get("/en/about/")
    stored = cache.get(GENERATION_KEY)
    cache.delete(GENERATION_KEY)  # evicted, or Redis restarted without its data
    assert state(client.get("/en/about/")) == "miss"
    assert cache.get(GENERATION_KEY) != stored


def test_a_partner_updating_an_action_point_does_not_purge_public_pages(client, cites_user):
    """Action points live only in the Partners area: their updates, all day
    long, leave the public pages in the cache."""
    from gci.calendar.models import ActionPoint

    client.get("/en/")
    point = ActionPoint.objects.filter(owners__memberships__user=cites_user).first()
    point.status = "in_progress"
    point.save()
    assert state(client.get("/en/")) == "hit"


# Flooding: only values a page knows make a cache key


def page_entries():
    """How many pages the page cache holds (its generation counter aside)."""
    from gci.site.page_cache import GENERATION_KEY, pages_cache

    cache = pages_cache()
    return sum(1 for key in cache._cache if not key.endswith(GENERATION_KEY))


def junk(count=100):
    """Values no filter knows: words, numbers spelled with a leading zero,
    decimals, out-of-range numbers."""
    kinds = [lambda i: f"a{i}", lambda i: f"0{i + 1}", lambda i: f"{i + 1}.0", lambda i: f"{i}x"]
    return [kinds[i % len(kinds)](i) for i in range(count)]


def test_junk_filter_values_never_make_cache_entries(client, settings):
    url = "/en/events/"  # the page that reads the most filters
    client.get(url)
    before = page_entries()
    for name in settings.GCI_PAGE_CACHE_QUERY_PARAMS:
        for value in junk():
            response = client.get(url, {name: value})
            assert state(response) == "pass", (name, value)
    assert page_entries() == before


@pytest.mark.parametrize(
    "url", ["/en/about/", "/en/events/2009/", "/en/events/2009/06/", "/en/focal-points/"]
)
def test_pages_that_read_no_such_parameter_store_nothing_for_it(client, settings, url):
    """A page with no use for a parameter (or a view that ignores ``page``)
    is served, not stored, whatever the value: valid-looking ones too."""
    client.get(url)
    before = page_entries()
    for name in settings.GCI_PAGE_CACHE_QUERY_PARAMS:
        if url.startswith("/en/events/") and name != "page":
            continue  # the calendar's filters: the test above
        for value in [*junk(4), "2", "FR", "workshop"]:
            assert state(client.get(url, {name: value})) != "miss", (name, value)
    assert page_entries() == before


def test_valid_filter_values_are_still_cached_under_one_key(client):
    assert state(client.get("/en/events/?kind=workshop")) == "miss"
    assert state(client.get("/en/events/?kind=workshop")) == "hit"
    # What the filter form sends (every field, most blank), in any order: the same entry.
    assert state(client.get("/en/events/?region=&kind=workshop&country=&year=")) == "hit"
    assert state(client.get("/en/events/?year=2009&kind=workshop")) == "miss"
    assert state(client.get("/en/events/?kind=workshop&year=2009")) == "hit"
    assert state(client.get("/en/events/2009/?kind=workshop")) == "miss"
    assert state(client.get("/en/events/?page=1")) == "miss"
    # The same filter spelled twice, or a number spelled otherwise: served, not stored.
    assert state(client.get("/en/events/?kind=workshop&kind=workshop")) == "pass"
    assert state(client.get("/en/events/?year=02009")) == "pass"
    assert state(client.get("/en/events/?page=01")) == "pass"
    # A page number past the end is a 404, never stored.
    response = client.get("/en/events/?page=999")
    assert (response.status_code, state(response)) == (404, "pass")


def test_a_cached_filtered_page_links_without_the_blank_fields(client):
    body = client.get("/en/events/?kind=workshop&region=&country=").content.decode()
    assert "kind=workshop" in body
    assert "region=&" not in body and "country=" not in body.split("calendar-filters")[0]


# The read API


def test_the_api_is_served_from_the_cache_to_anonymous_clients(client):
    first = client.get("/api/v2/pages/?limit=20")
    second = client.get("/api/v2/pages/?limit=20")
    assert (first.status_code, state(first)) == (200, "miss")
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.json() == first.json()
    assert second["Content-Type"] == "application/json"


def test_the_api_is_never_served_from_the_cache_to_a_signed_in_client(client, cites_user):
    client.get("/api/v2/pages/")
    client.force_login(cites_user)
    assert state(client.get("/api/v2/pages/")) == "pass"


@pytest.mark.parametrize(
    "query",
    ["search=customs", "order=random", "offset=01", "format=api", "limit=20&limit=10"],
)
def test_api_queries_that_would_fill_the_cache_are_never_stored(client, query):
    client.get(f"/api/v2/pages/?{query}")
    assert state(client.get(f"/api/v2/pages/?{query}")) == "pass"


def test_the_browsable_api_is_never_stored(client):
    client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert state(client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")) == "pass"


def test_api_errors_are_never_stored(client):
    client.get("/api/v2/pages/999999/")
    assert state(client.get("/api/v2/pages/999999/")) == "pass"


def test_a_page_restricted_after_its_listing_was_cached_leaves_the_cached_api(client):
    url = "/api/v2/pages/?slug=about&locale=en"
    assert [item["meta"]["slug"] for item in client.get(url).json()["items"]] == ["about"]
    assert state(client.get(url)) == "hit"
    PageViewRestriction.objects.create(page=about(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert state(response) == "miss"
    assert response.json()["items"] == []


def test_a_restricted_page_is_never_in_a_cached_api_answer(client):
    PageViewRestriction.objects.create(page=about(), restriction_type=PageViewRestriction.LOGIN)
    client.get("/api/v2/pages/?limit=100&locale=en")
    cached = client.get("/api/v2/pages/?limit=100&locale=en")
    assert state(cached) == "hit"
    slugs = {item["meta"]["slug"] for item in cached.json()["items"]}
    assert "about" not in slugs
    assert not any("partners-area" in i["meta"]["html_url"] for i in cached.json()["items"])
