"""Breadcrumbs in the Partners area: the trail of its pages, and of the
apps' own views there (proposals, suitcase forms, the focal-point editor):
the area first, then what the view names."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from gci.site.memo import live_page_for_language, memoised

from .models import PartnersAreaPage
from .roles import can_enter_partners_area
from .visibility import partners_area_facts


def partners_area_trail(request, page=None):
    """The first crumbs of a page in the Partners area: the area, then each
    page between it and ``page`` (``page`` itself last, without a link).
    Empty outside the area, on the area page itself and for anyone who may
    not enter it."""
    if not can_enter_partners_area(request.user):
        return []
    if page is None:
        area = live_page_for_language(PartnersAreaPage)
        return [{"title": area.title, "url": area.get_url(request)}] if area else []
    # The area's own children (the calendar, the suitcase, the review…) need
    # no query of their own: every request already knows the areas.
    area = next((a for a in partners_area_facts() if page.path.startswith(a["path"])), None)
    if area is None or page.depth <= area["depth"]:
        return []
    if page.depth == area["depth"] + 1:
        here = page.get_url(request)
        return [
            {"title": area["title"], "url": area["url"]},
            {"title": page.title, "url": None if request.path == here else here},
        ]
    # Deeper: one query (kept in the memo) finds both the area above the
    # page and the pages between.
    area_type = ContentType.objects.get_for_model(PartnersAreaPage).pk
    ancestors = memoised(
        ("crumbs", page.pk, page.path),
        lambda: list(
            Page.objects.ancestor_of(page)
            .order_by("depth")
            .only("pk", "title", "url_path", "path", "depth", "locale_id", "content_type_id")
        ),
    )
    start = next((i for i, p in enumerate(ancestors) if p.content_type_id == area_type), None)
    if start is None:
        return []
    crumbs = [{"title": p.title, "url": p.get_url(request)} for p in ancestors[start:]]
    # On a routable page's sub-view (a month of the calendar, a review
    # round) the page is a link back, and the view names itself.
    here = page.get_url(request)
    crumbs.append({"title": page.title, "url": None if request.path == here else here})
    return crumbs


def trail(request, *crumbs, page=None):
    """``crumbs`` are ``(title, url)`` pairs, the last one the view itself
    (shown as the current page, without a link). With ``page`` (a routable
    page's sub-view), the page's own trail comes first, the page a link."""
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
