"""The site's chrome: navigation from the page tree and the language switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from gci.home.breadcrumbs import partners_area_trail
from gci.home.roles import is_secretariat
from gci.home.visibility import visible_to
from gci.site.languages import (
    language_name,
    not_available_url,
    readable_translations,
    translation_state,
)
from gci.site.memo import active_locale as _active_locale
from gci.site.memo import memoised

register = template.Library()


def _memoised(request, name, compute):
    """Compute a value once per request and language (header, footer and
    switcher all ask for the same things)."""
    key = f"_gci_{name}_{translation.get_language()}"
    if not hasattr(request, key):
        setattr(request, key, compute())
    return getattr(request, key)


def _home_for(request):
    def compute():
        site = Site.find_for_request(request)
        if site is None or site.root_page_id is None:
            return None
        language = _active_locale().language_code
        return memoised(("home", site.root_page_id, language), lambda: site.root_page.localized)

    return _memoised(request, "home", compute)


@dataclass(frozen=True)
class MenuItem:
    """An entry of the main menu: a page in the active language, or a page
    that has no live version in it (``missing``), shown all the same with its
    title in the first language it has, that language (``title_language``),
    and what the visitor should know (``state``: "In review", or the
    languages it is available in)."""

    page: Page
    url: str
    title: str
    missing: bool = False
    title_language: str = ""
    state: str = ""

    @property
    def pk(self):
        return self.page.pk


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, in the active language,
    that this visitor may read; a page of the default language's menu with
    no live translation here (the Guide, while it is being translated) keeps
    its place, leading to the page that says where it can be read."""
    request = context["request"]

    def compute():
        home = _home_for(request)
        if home is None:
            return []
        here = visible_to(request, _menu_pages(home))
        source_home = _source_home(request)
        if source_home is None or source_home.pk == home.pk:
            return [MenuItem(page, page.get_url(request), page.title) for page in here]
        by_key = {page.translation_key: page for page in here}
        items = []
        for source in _menu_pages(source_home):
            page = by_key.pop(source.translation_key, None)
            if page is not None:
                items.append(MenuItem(page, page.get_url(request), page.title))
                continue
            item = _missing_item(request, source)
            if item is not None:
                items.append(item)
        # Pages that only this language's menu has keep their place at the end.
        items += [
            MenuItem(p, p.get_url(request), p.title) for p in here if p.translation_key in by_key
        ]
        return items

    return _memoised(request, "menu", compute)


@register.simple_tag(takes_context=True)
def more_pages(context):
    """The home page's other sections, those kept out of the crowded main
    menu (the training institutions, for one), in the active language and
    that this visitor may read: the footer lists them after the menu."""
    request = context["request"]

    def compute():
        home = _home_for(request)
        if home is None:
            return []
        pages = memoised(("more", home.pk), lambda: list(home.get_children().live().not_in_menu()))
        return [MenuItem(p, p.get_url(request), p.title) for p in visible_to(request, pages)]

    return _memoised(request, "more", compute)


def _menu_pages(home):
    return memoised(("menu", home.pk), lambda: list(home.get_children().in_menu()))


def _source_home(request):
    site = Site.find_for_request(request)
    if site is None or site.root_page_id is None:
        return None
    return memoised(("page", site.root_page_id), lambda: site.root_page)


def _missing_item(request, source):
    available = readable_translations(request, source)
    if not available:
        return None  # not readable by this visitor in any language: not shown
    language = translation.get_language()
    code, first = next(iter(available.items()))
    state = memoised(
        ("translation-state", source.translation_key, language),
        lambda: translation_state(source, language),
    )
    if not state:
        names = format_html_join(
            ", ", '<bdi lang="{}">{}</bdi>', ((c, language_name(c)) for c in available)
        )
        state = format_html(_("Available in: {languages}"), languages=names)
    return MenuItem(
        source,
        not_available_url(source, language),
        first.title,
        missing=True,
        title_language=code,
        state=state,
    )


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_for(context["request"])


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the same page's translation when it is live and
    readable by this visitor, otherwise the page that says it is not yet
    available in that language and lists those it is (``gci.site.languages``);
    for addresses that are not Wagtail pages, the same URL with the other prefix."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    if page is None and isinstance(context.get("untranslated_page"), Page):
        page = context["untranslated_page"]
    return _memoised(
        request, f"languages_{page.pk if page else ''}", lambda: _language_links(request, page)
    )


def _language_links(request, page):
    current = translation.get_language()
    translations = readable_translations(request, page) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if page is None:
            # A language-neutral address (a document, an error under /media/)
            # has no other-language twin: offer that language's home.
            path = request.get_full_path()
            url = translate_url(path, code)
            if url == path:
                url = "/" + code + "/"
        elif target is not None:
            url = target.get_url(request)
        else:
            url = not_available_url(page, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "has_translation": page is None or target is not None,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return links


@register.filter(name="is_secretariat")
def is_secretariat_filter(user):
    return is_secretariat(user)


@register.simple_tag
def active_locale():
    return _active_locale()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail of a page in the Partners area, or the ``breadcrumbs`` a
    view of the area passes (see ``gci.home.breadcrumbs.trail``)."""
    crumbs = context.get("breadcrumbs")
    if crumbs is None:
        page = context.get("page")
        request = context.get("request")
        crumbs = (
            partners_area_trail(request, page)
            if request is not None and isinstance(page, Page)
            else []
        )
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def continue_url(context):
    """Where a "Continue" button leads: the ``next`` of the request if it is
    a path on this site, else the Partners area (for who may enter), else home."""
    from gci.home.two_factor import safe_next
    from gci.home.visibility import partners_area_url_for

    request = context["request"]
    return safe_next(request, request.GET.get("next")) or partners_area_url_for(request) or "/"
