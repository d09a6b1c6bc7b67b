"""Six languages: prefixed URLs, lang and dir, the switcher, translated interface."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation
from wagtail.models import Locale

from gci.home.models import StandardPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
CATALOGUES = ["fr", "es", "ru", "ar", "zh_Hans"]
SKIP_LINK = {
    "en": "Skip to main content",
}


def test_every_content_language_has_a_wagtail_locale():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)


def test_the_root_redirects_to_a_language_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("language", "direction", "title"),
    [
        ("en", "ltr", "Green Customs Initiative"),
        ("fr", "ltr", "Initiative Douanes vertes"),
        ("es", "ltr", "Iniciativa Aduanas Verdes"),
        ("ru", "ltr", "Инициатива «Зелёная таможня»"),
        ("ar", "rtl", "مبادرة الجمارك الخضراء"),
        ("zh-hans", "ltr", "绿色海关倡议"),
    ],
)
def test_home_page_in_each_language_sets_lang_and_dir(client, language, direction, title):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert f'<h1 id="home-title">{title}</h1>' in body


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_interface_strings_are_translated(client, language):
    body = client.get(f"/{language}/about/").content.decode()
    for english in ["Skip to main content", "Search the site", "Partner sign in", "Sitemap"]:
        assert english not in body, (language, english)


def test_language_switcher_goes_to_the_same_pages_translation(client):
    body = client.get("/en/about/").content.decode()
    for code in LANGUAGES[1:]:
        assert f'href="/{code}/about/" hreflang="{code}"' in body


def test_language_switcher_says_where_an_untranslated_page_can_be_read(client):
    """Never the home page: the page that says it is not yet available in
    that language (tests/home/test_language_fallback.py)."""
    home = StandardPage.objects.get(slug="about", locale__language_code="en").get_parent()
    only_english = StandardPage(title="Only in English", slug="only-english")
    home.add_child(instance=only_english)
    only_english.save_revision().publish()
    body = client.get("/en/only-english/").content.decode()
    assert f'href="/fr/not-available/{only_english.pk}/" hreflang="fr"' in body
    assert 'rel="alternate" hreflang="fr"' not in body


def test_language_switcher_on_non_page_views_keeps_the_path(client):
    body = client.get("/en/search/?q=ozone").content.decode()
    assert 'href="/ar/search/?q=ozone" hreflang="ar"' in body


def test_page_urls_carry_the_language_prefix(client):
    about = StandardPage.objects.get(slug="about", locale__language_code="ru")
    assert about.url == "/ru/about/"
    assert client.get(about.url).context["page"].pk == about.pk


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_catalogue_is_complete(catalogue):
    po = polib.pofile(ROOT / "locale" / catalogue / "LC_MESSAGES" / "django.po")
    assert len(po) > 50
    untranslated = [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]
    assert untranslated == []
    # English left as it was (a pattern of placeholders and punctuation alone,
    # "%(dates)s, %(times)s", may rightly read the same in a language).
    copied = [
        e.msgid
        for e in po
        if e.msgstr == e.msgid
        and len(e.msgid) > 12
        and re.search(r"[a-z]", PLACEHOLDER.sub("", e.msgid))
    ]
    assert copied == []


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


# The names `makemessages` finds: xgettext's own for Python plus the keywords Django adds.
EXTRACTED_NAMES = {
    "_", "gettext", "ngettext", "pgettext", "npgettext", "gettext_noop",
    "gettext_lazy", "ngettext_lazy", "pgettext_lazy", "npgettext_lazy",
}  # fmt: skip


def test_every_translatable_string_can_be_extracted():
    """A translation function imported under another name (`gettext_lazy as _lazy`)
    hides its strings from makemessages: they stay English in every language."""
    hidden = []
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in {".venv", "var", "tests", "scripts"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                hidden += [
                    f"{path.relative_to(ROOT)}: {alias.name} as {alias.asname}"
                    for alias in node.names
                    if alias.name in EXTRACTED_NAMES
                    and (alias.asname or alias.name) not in EXTRACTED_NAMES
                ]
    assert hidden == []


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_catalogues_are_compiled_by_the_install_step(catalogue):
    mo = ROOT / "locale" / catalogue / "LC_MESSAGES" / "django.mo"
    po = mo.with_suffix(".po")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime - 1


def test_arabic_pages_lay_out_right_to_left_with_logical_css(client):
    css = (ROOT / "site" / "static" / "css" / "site.css").read_text()
    assert "margin-left" not in css and "margin-right" not in css
    assert "padding-left" not in css and "padding-right" not in css
    assert "inline-start" in css


def test_approved_agrees_with_what_was_approved():
    """French and Spanish say "approved" differently of a translation (feminine)
    and of a suitcase material (masculine): a context tells them apart."""
    from gci.materials.choices import AssignmentState, MaterialStatus

    with translation.override("fr"):
        assert str(AssignmentState.APPROVED.label) == "Approuvée"
        assert str(MaterialStatus.APPROVED.label) == "Approuvé"
    with translation.override("es"):
        assert str(AssignmentState.APPROVED.label) == "Aprobada"
        assert str(MaterialStatus.APPROVED.label) == "Aprobado"
