"""Where a visitor lands when they choose a language a page is not in.

A page lives in up to six trees (one per locale, tied by its
``translation_key``). When the visitor's chosen language has no live
translation that they may read, the site never sends them to the home page:
it shows the page's chrome in the chosen language with the languages in
which the page *is* live (`not_available_url`, served by
``gci.site.views.not_translated``). What counts as readable is the one rule
of ``gci.home.visibility``, so a restricted page's title is never shown to
someone who may not open the page itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from gci.home.visibility import visible_to
from gci.site.memo import memoised

if TYPE_CHECKING:
    from django.http import HttpRequest


def translations_of(translation_key) -> list[Page]:
    """Every page of a translation group, with its locale (memoised)."""
    return memoised(
        ("translations", translation_key),
        lambda: list(Page.objects.filter(translation_key=translation_key).select_related("locale")),
    )


def readable_translations(request: HttpRequest, page: Page) -> dict[str, Page]:
    """``{language code: page}`` of the live translations of ``page`` (itself
    included) that this request may read, in the order of ``LANGUAGES``."""
    found = {
        p.locale.language_code: p
        for p in visible_to(request, translations_of(page.translation_key))
    }
    return {code: found[code] for code, _name in settings.LANGUAGES if code in found}


def readable_translations_of_many(request: HttpRequest, pages: list[Page]) -> list[dict[str, Page]]:
    """``readable_translations`` of each of ``pages``, in one query (memoised)."""
    keys = tuple(page.translation_key for page in pages)
    every = memoised(
        ("translations-of-many", keys),
        lambda: list(Page.objects.filter(translation_key__in=keys).select_related("locale")),
    )
    found: dict = {}
    for page in visible_to(request, every):
        found.setdefault(page.translation_key, {})[page.locale.language_code] = page
    order = [code for code, _name in settings.LANGUAGES]
    return [
        {code: found[key][code] for code in order if code in found.get(key, {})} for key in keys
    ]


def not_available_url(page: Page, language_code: str) -> str:
    """The address that says ``page`` is not yet available in ``language_code``."""
    with translation.override(language_code):
        return reverse("not_translated", args=[page.pk])


def language_name(code: str) -> str:
    """A language's name in that language (as the switcher writes it)."""
    return dict(settings.LANGUAGES).get(code, code)


def translation_state(page: Page, language_code: str):
    """What the page's type says about its translation into a language
    ("In review"), or ``None``: a page model may define
    ``translation_state(language_code)`` (the Guide does)."""
    state = getattr(page.specific_deferred, "translation_state", None)
    return state(language_code) if callable(state) else None


def page_for_untranslated_path(request: HttpRequest, path: str) -> Page | None:
    """For an address such as ``/ar/about/`` that has no page in its language,
    the page at the same place in another language's tree (the demo and the
    translations keep slugs), if this request may read it; else ``None``."""
    prefix, _, rest = path.lstrip("/").partition("/")
    codes = [code for code, _name in settings.LANGUAGES]
    if prefix not in codes or "\x00" in rest:
        # No page's address holds a NUL, and PostgreSQL refuses one in a query.
        return None
    site = Site.find_for_request(request)
    if site is None or site.root_page_id is None:
        return None
    homes = translations_of(site.root_page.translation_key)
    own = [home.url_path + rest for home in homes if home.locale.language_code == prefix]
    candidates = [home.url_path + rest for home in homes if home.locale.language_code != prefix]
    if not rest or not own or not candidates:
        return None
    if Page.objects.live().filter(url_path__in=own).exists():
        # The page is live in this language: its own view said 404 (a
        # listing's page past the end), which no other language answers.
        return None
    pages = Page.objects.filter(url_path__in=candidates).select_related("locale")
    for page in visible_to(request, pages):
        return page
    return None
