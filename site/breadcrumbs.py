"""Breadcrumbs of the Partners area's own views (proposals, suitcase forms,
the focal-point editor): the area first, then what the view names."""


def trail(request, *crumbs, page=None):
    """``crumbs`` are ``(title, url)`` pairs, the last one the view itself
    (shown as the current page, without a link). With ``page`` (a routable
    page's sub-view), the page's own trail comes first, the page a link."""
    from gci.site.templatetags.site_tags import partners_area_trail

    start = partners_area_trail(request, page) if page is not None else []
    if page is not None and start:
        start[-1] = {"title": page.title, "url": page.get_url(request)}
    elif page is not None:
        start = partners_area_trail(request) + [{"title": page.title, "url": page.get_url(request)}]
    else:
        start = partners_area_trail(request)
    items = start + [{"title": str(title), "url": url} for title, url in crumbs]
    if len(items) < 2:
        return []
    items[-1] = {**items[-1], "url": None}
    return items
