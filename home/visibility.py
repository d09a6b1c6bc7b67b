"""What a given request may see: one rule for menus, search, sitemap and the API.

A page is visible when it is live, every view restriction on it or its
ancestors accepts the request (the same test Wagtail applies when serving),
and, whatever its restrictions say, it is not inside a Partners area that the
person may not enter: the area is closed by its page type too, so removing
its view restriction by mistake opens nothing.
"""

from wagtail.models import Page, PageViewRestriction

from .roles import can_enter_partners_area


def refused_restrictions(request):
    """The view restrictions that do not accept this request (memoised on it)."""
    cached = getattr(request, "_gci_refused_restrictions", None)
    if cached is None:
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        cached = [r for r in restrictions if not r.accept_request(request)]
        request._gci_refused_restrictions = cached
    return cached


def partners_areas():
    from .models import PartnersAreaPage

    return list(PartnersAreaPage.objects.all().only("path", "depth"))


def closed_subtrees(request):
    """Roots of the subtrees this request may not see."""
    cached = getattr(request, "_gci_closed_subtrees", None)
    if cached is None:
        cached = [r.page for r in refused_restrictions(request)]
        if not can_enter_partners_area(request.user):
            cached += partners_areas()
        request._gci_closed_subtrees = cached
    return cached


def _exclude(queryset, roots):
    for root in roots:
        queryset = queryset.not_descendant_of(root, inclusive=True)
    return queryset


def visible_pages(request, queryset=None):
    """Filter ``queryset`` (default: all pages) to live pages the request may view."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    return _exclude(queryset, closed_subtrees(request))


def anonymous_pages(queryset=None):
    """Live pages an anonymous visitor may read."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live().public()
    return _exclude(queryset, partners_areas())


def in_partners_area(page):
    from .models import PartnersAreaPage

    return page.get_ancestors(inclusive=True).type(PartnersAreaPage).exists()
