"""The site's chrome: navigation from the page tree and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from gci.home.visibility import visible_pages

register = template.Library()


def _home_for(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.localized if root else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, in the active language,
    that this visitor may read."""
    request = context["request"]
    home = _home_for(request)
    if home is None:
        return []
    if "_gci_menu" not in context:
        context["_gci_menu"] = list(visible_pages(request, home.get_children().in_menu()))
    return context["_gci_menu"]


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
    current = translation.get_language()
    translations = {}
    homes = {}
    if page is not None:
        translations = {
            p.locale.language_code: p
            for p in visible_pages(
                request, Page.objects.filter(translation_key=page.translation_key)
            ).select_related("locale")
        }
        home = _home_for(request)
        if home is not None:
            homes = {
                p.locale.language_code: p
                for p in Page.objects.filter(translation_key=home.translation_key)
                .live()
                .select_related("locale")
            }
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if page is None:
            url = translate_url(request.get_full_path(), code)
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


@register.simple_tag
def active_locale():
    return Locale.get_active()
