"""What a given request may see: one rule for menus, search, sitemap and the API.

A page is visible when it is live and every view restriction on it or its
ancestors accepts the request (the same test Wagtail applies when serving).
"""

from wagtail.models import Page, PageViewRestriction


def refused_restrictions(request):
    """The view restrictions that do not accept this request (memoised on it)."""
    cached = getattr(request, "_gci_refused_restrictions", None)
    if cached is None:
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        cached = [r for r in restrictions if not r.accept_request(request)]
        request._gci_refused_restrictions = cached
    return cached


def visible_pages(request, queryset=None):
    """Filter ``queryset`` (default: all pages) to live pages the request may view."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    for restriction in refused_restrictions(request):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def anonymous_pages(queryset=None):
    """Live pages an anonymous visitor may read."""
    return (queryset if queryset is not None else Page.objects.all()).live().public()
