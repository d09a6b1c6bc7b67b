"""Error pages, security headers, robots, search edge cases."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Page not found"), ("fr", 'lang="fr"'), ("ar", 'dir="rtl"')],
)
def test_404_is_translated_and_in_the_site_layout(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_500_page_renders_translated(rf, settings):
    from django.utils import translation

    from gci.site.views import server_error

    with translation.override("fr"):
        response = server_error(rf.get("/fr/boom/"))
    assert response.status_code == 500
    assert '<html lang="fr"' in response.content.decode()


def failing_at(settings, route, error):
    """The site's URLs plus ``route``, whose view raises ``error``; a client
    that gets the error page rather than the exception."""
    from django.urls import path

    from gci.site import urls

    def view(request):
        raise error

    settings.ROOT_URLCONF = type(
        "FailingUrls",
        (),
        {"urlpatterns": [path(route, view)] + urls.urlpatterns, "handler500": urls.handler500},
    )
    return Client(raise_request_exception=False)


def test_an_unexpected_error_gives_the_500_page_not_a_traceback(settings):
    response = failing_at(settings, "boom/", RuntimeError("boom")).get("/boom/")
    assert response.status_code == 500
    assert "boom" not in response.content.decode()
    assert "Server error" in response.content.decode()


def test_a_database_that_cannot_be_reached_gives_a_503_with_retry_after(settings):
    """A PostgreSQL restart or failover: "come back in a moment", not a 500."""
    from django.db import OperationalError

    lost = OperationalError("server closed the connection unexpectedly")
    response = failing_at(settings, "lost/", lost).get("/lost/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Temporarily unavailable" in response.content.decode()
    assert "server closed" not in response.content.decode()


def test_a_database_lost_while_reading_the_session_is_a_503_too(monkeypatch, cites_user):
    """Middleware fails before any view (the session table): the same answer."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import InterfaceError

    client = Client(raise_request_exception=False)
    client.force_login(cites_user)

    def lost(self):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(SessionStore, "load", lost)
    response = client.get("/en/partners-area/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_security_headers(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )


def test_robots_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_search_with_a_page_number_that_is_not_a_number_shows_the_first_page(client):
    response = client.get("/en/search/", {"q": "customs", "page": "abc"})
    assert response.status_code == 200
    assert response.context["results"].number == 1


def test_search_past_its_last_page_is_not_found(client):
    assert client.get("/en/search/", {"q": "customs", "page": "999"}).status_code == 404


def test_search_finds_public_pages_in_the_active_language(client):
    response = client.get("/fr/search/", {"q": "Venezuela"})
    urls = [page.url for page in response.context["results"]]
    assert "/fr/about/" in urls
    assert "/en/about/" not in urls  # a translated page is listed once, in French
    # The visitor's language first; a page never translated follows in its own.
    french = [url for url in urls if url.startswith("/fr/")]
    assert urls[: len(french)] == french


def test_only_the_admin_allows_inline_scripts(client, secretariat_user):
    from tests.helpers import force_login_with_totp

    force_login_with_totp(client, secretariat_user)
    admin_csp = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_csp.split("script-src")[1].split(";")[0]
    public_csp = client.get("/en/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in public_csp.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize("query", ['"', "\x00", "ozone AND", "(customs", "*", "'", "NEAR(x"])
def test_search_syntax_never_breaks_site_search(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "search.html"
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize("query", ['"', "\x00", "(customs"])
def test_search_syntax_never_breaks_the_api(client, query):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200
    found = response.json()
    assert len(found["items"]) == min(found["meta"]["total_count"], 20)  # the API's page


@pytest.mark.parametrize("query", ["locale=%00", "locale=en&locale=%00", "type=%00"])
def test_a_nul_in_a_filter_is_a_400_with_a_reason(client, query):
    # PostgreSQL refuses a NUL in text: before the check, '?locale=%00' was a 500 there.
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert "NUL" in response.json()["message"]


def test_a_bad_search_operator_is_a_400_with_a_reason(client):
    response = client.get("/api/v2/pages/", {"search": "customs", "search_operator": "foo"})
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


@pytest.mark.parametrize(("query", "url"), [("海关", "/zh-hans/"), ("关于", "/zh-hans/about/")])
def test_chinese_search_finds_pages_by_their_words(client, query, url):
    response = client.get("/zh-hans/search/", {"q": query})
    assert url in [page.url for page in response.context["results"]]
