"""What a given request may see: one rule for menus, search, sitemap and the API.

A page is visible when it is live, every view restriction on it or its
ancestors accepts the request (the same test Wagtail applies when serving),
and, whatever its restrictions say, it is not inside a Partners area that the
person may not enter: the area is closed by its page type too, so removing
its view restriction by mistake opens nothing.
"""

from wagtail.models import Page, PageViewRestriction

from gci.site.memo import memoised

from .roles import can_enter_partners_area, load_groups


def _restrictions():
    return memoised(
        "page-view-restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def restrictions_on(page):
    """The view restrictions on a page and its ancestors (an alias: on its
    source's), from the memoised list: Wagtail's ``get_view_restrictions``
    without its two queries."""
    paths = [page.path]
    if page.alias_of_id:
        paths.append(Page.objects.only("path").get(pk=page.alias_of_id).path)
    return [r for r in _restrictions() if any(p.startswith(r.page.path) for p in paths)]


def refused_restrictions(request):
    """The view restrictions that do not accept this request (memoised on it)."""
    cached = getattr(request, "_gci_refused_restrictions", None)
    if cached is None:
        load_groups(request.user)
        cached = [r for r in _restrictions() if not r.accept_request(request)]
        request._gci_refused_restrictions = cached
    return cached


def partners_areas():
    from .models import PartnersAreaPage

    return memoised(
        "partners-areas", lambda: list(PartnersAreaPage.objects.all().only("path", "depth"))
    )


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


def _outside(page, roots):
    return not any(page.path.startswith(root.path) for root in roots)


def visible_pages(request, queryset=None):
    """Filter ``queryset`` (default: all pages) to live pages the request may view."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    return _exclude(queryset, closed_subtrees(request))


def visible_to(request, pages):
    """The same rule as ``visible_pages`` applied to pages already loaded
    (memoised lists such as menus), in their order."""
    roots = closed_subtrees(request)
    return [page for page in pages if page.live and _outside(page, roots)]


def anonymous_pages(queryset=None):
    """Live pages an anonymous visitor may read."""
    # Wagtail's .public(), with the restrictions known already.
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    return _exclude(queryset, [r.page for r in _restrictions()] + partners_areas())


def in_partners_area(page):
    return not _outside(page, partners_areas())


def collection_visible_to(collection, request):
    """True when every view restriction on the collection and its ancestors
    accepts the request: the rule Wagtail's document serve view applies, used
    for documents named on pages and for the files of restricted images."""
    if request is None:
        return not collection.get_view_restrictions().exists()
    load_groups(request.user)
    return all(r.accept_request(request) for r in collection.get_view_restrictions())
