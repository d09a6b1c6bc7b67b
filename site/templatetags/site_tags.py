"""The site's chrome: navigation from the page tree and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from gci.home.breadcrumbs import partners_area_trail
from gci.home.roles import is_secretariat
from gci.home.visibility import visible_to
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


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, in the active language,
    that this visitor may read."""
    request = context["request"]

    def compute():
        home = _home_for(request)
        if home is None:
            return []
        pages = memoised(("menu", home.pk), lambda: list(home.get_children().in_menu()))
        return visible_to(request, pages)

    return _memoised(request, "menu", compute)


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_for(context["request"])


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the same page's translation when it is live and
    readable by this visitor, otherwise that language's home page; for pages
    that are not Wagtail pages, the same URL with the other prefix."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    return _memoised(
        request, f"languages_{page.pk if page else ''}", lambda: _language_links(request, page)
    )


def _language_links(request, page):
    current = translation.get_language()
    translations = {}
    homes = {}
    if page is not None:
        translations = {
            p.locale.language_code: p
            for p in visible_to(request, _translations(page.translation_key))
        }
        home = _home_for(request)
        if home is not None:
            homes = {
                p.locale.language_code: p for p in _translations(home.translation_key) if p.live
            }
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
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            url = "/" + code + "/"
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


def _translations(translation_key):
    return memoised(
        ("translations", translation_key),
        lambda: list(Page.objects.filter(translation_key=translation_key).select_related("locale")),
    )


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
