"""Languages never drop the visitor (#13 item 6): the language switcher leads
to the page's live translation, or to a page in the chosen language that says
the page is not yet available in it and lists exactly the languages it is
live in; a restricted page's title never reaches someone who may not read
it; the Guide keeps its place in every language's menu with its state;
search results and the banner isolate text of another language (bidi)."""

import re

import pytest
from wagtail.models import Locale

from gci.materials.models import GuidePage
from tests.factories.pages import StandardPageFactory, home_page, partners_area
from tests.helpers import visitors

pytestmark = pytest.mark.django_db

TITLE = "Quokka shipments"


def published(parent, title, slug, text="Inspectors met at the quokkaport border."):
    page = StandardPageFactory(
        parent=parent, title=title, slug=slug, intro="", body=[("paragraph", f"<p>{text}</p>")]
    )
    page.save_revision().publish()
    return page


def translate(page, code, title, *, live=True):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    translation.title = title
    revision = translation.save_revision()
    if live:
        revision.publish()
    return translation


@pytest.fixture
def half_translated():
    """Live in English and Spanish; a French draft; nothing in Arabic."""
    page = published(home_page(), TITLE, "quokka")
    translate(page, "es", "Envíos de quokkas")
    translate(page, "fr", "Envois de quokkas (brouillon)", live=False)
    return page


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


def test_the_switcher_leads_to_a_live_translation(client, half_translated):
    links = switcher_links(client.get("/en/quokka/").content.decode())
    assert links["es"] == "/es/quokka/"
    assert links["ar"] == f"/ar/not-available/{half_translated.pk}/"
    assert links["fr"] == f"/fr/not-available/{half_translated.pk}/"  # a draft is not live


def test_the_banner_lists_exactly_the_live_languages(client, half_translated):
    response = client.get(f"/ar/not-available/{half_translated.pk}/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    banner = html.split('class="language-banner"', 1)[1].split("</section>", 1)[0]
    choices = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)"', banner)
    assert choices == [("/en/quokka/", "en", "en"), ("/es/quokka/", "es", "es")]
    assert "brouillon" not in html
    assert '<bdi lang="ar">العربية</bdi>' in banner
    assert '<bdi class="language-banner__title">Envíos de quokkas</bdi>' in banner
    # The page never names itself as an alternate of the translations.
    assert 'rel="alternate"' not in html


def test_the_banner_page_sends_to_the_translation_once_it_is_live(client, half_translated):
    response = client.get(f"/es/not-available/{half_translated.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/es/quokka/"


def test_an_address_with_no_page_in_its_language_leads_to_the_banner(client, half_translated):
    response = client.get("/ar/quokka/")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/not-available/{half_translated.pk}/"


def test_an_unknown_page_is_a_404(client):
    assert client.get("/ar/not-available/999999/").status_code == 404
    assert client.get("/ar/no-such-page-anywhere/").status_code == 404


@pytest.mark.parametrize("path", ["/fr/evaluation/%00/", "/fr/about/%00/", "/es/a%00b/"])
def test_a_nul_in_an_unknown_address_is_a_404(client, path):
    """The fallback looks the address up in the other languages' trees; a NUL
    must not reach that query (PostgreSQL refuses it: it was a 500 there)."""
    assert client.get(path).status_code == 404


def test_a_restricted_page_is_never_named_to_those_outside(client, outsider, wco_user):
    secret = published(partners_area(), "Quokka secret briefing", "quokka-briefing")
    for who, visitor in visitors(outsider, client):
        for url in (f"/ar/not-available/{secret.pk}/", "/ar/partners-area/quokka-briefing/"):
            response = visitor.get(url, follow=True)
            assert "Quokka secret briefing" not in response.content.decode(), (who, url)
            assert (
                response.status_code in (403, 404)
                or "/accounts/login/" in response.redirect_chain[-1][0]
            ), (
                who,
                url,
            )
    client.force_login(wco_user)
    response = client.get(f"/ar/not-available/{secret.pk}/")
    assert response.status_code == 200
    assert "Quokka secret briefing" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def nav(html):
    return html.split('id="site-nav-list"', 1)[1].split("</ul>", 1)[0]


def test_the_guide_stays_in_the_menu_of_a_language_without_it(client):
    guide = GuidePage.objects.get(locale__language_code="en")
    assert not GuidePage.objects.filter(locale__language_code="ar", live=True).exists()
    menu = nav(client.get("/ar/").content.decode())
    assert f'href="/ar/not-available/{guide.pk}/"' in menu
    assert f'<bdi lang="en">{guide.title}</bdi>' in menu
    live = [
        code
        for code in ("en", "fr", "es", "ru", "ar", "zh-hans")
        if GuidePage.objects.filter(locale__language_code=code, live=True).exists()
    ]
    for code in live:
        assert f'<bdi lang="{code}">' in menu
    assert '<bdi lang="ru">' not in menu


def test_the_guide_in_review_says_so_in_the_menu(client):
    # The demo's French round is open and its French Guide a draft.
    assert not GuidePage.objects.filter(locale__language_code="fr", live=True).exists()
    menu = nav(client.get("/fr/").content.decode())
    guide = GuidePage.objects.get(locale__language_code="en")
    assert f'href="/fr/not-available/{guide.pk}/"' in menu
    assert "site-nav__state" in menu
    banner = client.get(f"/fr/not-available/{guide.pk}/").content.decode()
    assert 'class="language-banner__state"' in banner


def test_a_live_guide_is_an_ordinary_menu_entry(client):
    menu = nav(client.get("/es/").content.decode())
    assert 'href="/es/green-customs-guide/"' in menu
    assert "not-available" not in menu


def test_search_results_isolate_their_language(client):
    page = published(home_page(), "Quokka report", "quokka-report")
    translate(page, "es", "Informe quokka")
    html = client.get("/ar/search/", {"q": "quokka"}).content.decode()
    assert '<h2 lang="en" dir="auto">' in html
    assert '<h2 lang="es" dir="auto">' in html
    assert 'class="search-result__snippet" lang="en" dir="auto"' in html
    assert '<bdi class="search-result__language" lang="es">' in html


def test_a_snippet_is_in_its_pages_language_throughout(client):
    """The labels a chapter's blocks add to its text (a treaty's name) are
    in the chapter's language, not the reader's: no Arabic inside an English
    snippet on the Arabic results page."""
    html = client.get("/ar/search/", {"q": "Montreal"}).content.decode()
    snippets = re.findall(
        r'class="search-result__snippet" lang="en" dir="auto">(.*?)</p>', html, re.S
    )
    assert snippets
    for text in snippets:
        assert not re.search(r"[\u0600-\u06ff]", text), text


def test_the_guide_lists_its_chapters_not_yet_translated_in_their_place(client):
    """The Chinese Guide has its first chapters live: the others keep their
    number in the contents, leading to where they can be read."""
    from gci.materials.models import GuideChapterPage

    missing = GuideChapterPage.objects.get(locale__language_code="en", number=3)
    assert (
        not missing.get_translations().filter(locale__language_code="zh-hans", live=True).exists()
    )
    html = client.get("/zh-hans/green-customs-guide/").content.decode()
    toc = html.split('class="guide-toc"', 1)[1].split("</nav>", 1)[0]
    entry = toc.split('<li value="3" class="guide-toc__missing">', 1)[1].split("</li>", 1)[0]
    assert f'href="/zh-hans/not-available/{missing.pk}/"' in entry
    assert f'<bdi lang="en">{missing.title}</bdi>' in entry
    assert '<li value="1">' in toc  # the translated first chapter stays an ordinary entry


def test_a_404_of_a_page_live_in_its_language_stays_a_404(client):
    """A listing's page past the end is the page's own 404: the other
    languages' trees have the same address, but nothing to offer."""
    assert client.get("/en/events/?page=999").status_code == 404
    assert client.get("/ar/events/?page=999").status_code == 404
