"""What a given request may see: one rule for menus, search, sitemap and the API.

A page is visible when it is live, every view restriction on it or its
ancestors accepts the request (the same test Wagtail applies when serving),
and, whatever its restrictions say, it is not inside a Partners area that the
person may not enter: the area is closed by its page type too, so removing
its view restriction by mistake opens nothing.

An alias shows its original's content wherever it stands, so it is judged by
its original's place as well as its own: an alias of a Partners-area page
placed under the public home is as closed as the original. (Wagtail's own
``get_view_restrictions`` looks at the original but not at the original's
ancestors, where the Partners area's restriction sits.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from gci.site.memo import live_page_for_language, memoised

from .roles import can_enter_partners_area, load_groups

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest
    from wagtail.documents.models import AbstractDocument
    from wagtail.query import PageQuerySet

Files = TypeVar("Files", bound="QuerySet")


def _partners_area_model() -> type[Page]:
    # By its label: the page models use these rules, so this module does not
    # import them (gci.home.models imports gci.home.visibility, not back).
    return apps.get_model("home", "PartnersAreaPage")


def _restrictions() -> list[PageViewRestriction]:
    return memoised(
        "page-view-restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def aliases() -> dict[int, tuple[str, str]]:
    """``{alias id: (its path, its original's path)}`` of every alias (memoised)."""
    return memoised(
        "aliases",
        lambda: {
            pk: (path, source)
            for pk, path, source in Page.objects.filter(alias_of__isnull=False).values_list(
                "pk", "path", "alias_of__path"
            )
        },
    )


def _paths(page: Page) -> tuple[str, ...]:
    """Where a page stands: its own path and, for an alias, its original's."""
    if page.alias_of_id:
        known = aliases().get(page.pk)
        source = known[1] if known else Page.objects.only("path").get(pk=page.alias_of_id).path
        return (page.path, source)
    return (page.path,)


def restrictions_on(page: Page) -> list[PageViewRestriction]:
    """The view restrictions on a page and its ancestors (an alias: also on
    its original's), from the memoised list: Wagtail's
    ``get_view_restrictions`` without its two queries."""
    paths = _paths(page)
    return [r for r in _restrictions() if any(p.startswith(r.page.path) for p in paths)]


def refused_restrictions(request: HttpRequest) -> list[PageViewRestriction]:
    """The view restrictions that do not accept this request (memoised on it)."""
    cached = getattr(request, "_gci_refused_restrictions", None)
    if cached is None:
        load_groups(request.user)
        cached = [r for r in _restrictions() if not r.accept_request(request)]
        request._gci_refused_restrictions = cached  # type: ignore[attr-defined]
    return cached


def partners_areas() -> list[Page]:
    return memoised(
        "partners-areas",
        lambda: list(_partners_area_model().objects.all().only("path", "depth")),
    )


def closed_subtrees(request: HttpRequest) -> list[Page]:
    """Roots of the subtrees this request may not see."""
    cached = getattr(request, "_gci_closed_subtrees", None)
    if cached is None:
        cached = [r.page for r in refused_restrictions(request)]
        if not can_enter_partners_area(request.user):
            cached += partners_areas()
        request._gci_closed_subtrees = cached  # type: ignore[attr-defined]
    return cached


def _exclude(queryset: PageQuerySet, roots: list[Page]) -> PageQuerySet:
    for root in roots:
        queryset = queryset.not_descendant_of(root, inclusive=True)

    # Aliases standing outside every closed subtree whose original is inside
    # one (by id: the search backend filters on ``id`` and ``path`` only).
    def inside(path: str) -> bool:
        return any(path.startswith(root.path) for root in roots)

    closed_aliases = [
        pk for pk, (path, source) in aliases().items() if inside(source) and not inside(path)
    ]
    if closed_aliases:
        queryset = queryset.exclude(pk__in=closed_aliases)
    return queryset


def _outside(page: Page, roots: list[Page]) -> bool:
    return not any(path.startswith(root.path) for path in _paths(page) for root in roots)


def visible_pages(request: HttpRequest, queryset: PageQuerySet | None = None) -> PageQuerySet:
    """Filter ``queryset`` (default: all pages) to live pages the request may view."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    return _exclude(queryset, closed_subtrees(request))


def visible_to(request: HttpRequest, pages: Iterable[Page]) -> list[Page]:
    """The same rule as ``visible_pages`` applied to pages already loaded
    (memoised lists such as menus), in their order."""
    roots = closed_subtrees(request)
    return [page for page in pages if page.live and _outside(page, roots)]


def anonymous_pages(queryset: PageQuerySet | None = None) -> PageQuerySet:
    """Live pages an anonymous visitor may read."""
    # Wagtail's .public(), with the restrictions known already.
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    return _exclude(queryset, [r.page for r in _restrictions()] + partners_areas())


def in_partners_area(page: Page) -> bool:
    return not _outside(page, partners_areas())


def alias_would_be_less_closed(page: Page, parent: Page) -> bool:
    """Whether an alias of ``page`` placed under ``parent`` would stand
    outside a restriction or a Partners area that closes ``page``. (It would
    stay closed: visibility follows the original. But an editor who puts it
    there means it to be read, so the admin refuses it with the reason.)"""
    for restriction in restrictions_on(page):
        if not parent.path.startswith(restriction.page.path):
            return True
    return in_partners_area(page) and not in_partners_area(parent)


def partners_area_facts() -> tuple[dict, ...]:
    """Every Partners area, in every language: its URL path (the slug may
    differ from one language to another), title, tree path and depth. One
    query, memoised; the middleware asks on every request, so the
    breadcrumbs that start from it cost nothing more."""

    def find() -> tuple[dict, ...]:
        facts = []
        for area in _partners_area_model().objects.all():
            parts = area.get_url_parts()
            if parts is not None:
                facts.append(
                    {"url": parts[2], "title": area.title, "path": area.path, "depth": area.depth}
                )
        return tuple(facts)

    return memoised("partners-area-facts", find)


def partners_area_paths() -> tuple[str, ...]:
    """The URL path of every Partners area, in every language."""
    return tuple(area["url"] for area in partners_area_facts())


def under_partners_area(path: str) -> bool:
    return any(path.startswith(area) for area in partners_area_paths())


def partners_area_url_for(request: HttpRequest) -> str | None:
    """The dashboard in the active language, for someone who may enter it."""
    if not can_enter_partners_area(request.user):
        return None
    area = live_page_for_language(_partners_area_model())
    return area.get_url(request) if area else None


# Collections: the documents and images in them.
#
# A collection is restricted when a view restriction sits on it or on one of
# its ancestors; its documents are served only to those the restrictions
# accept (Wagtail's serve view), its images' files from /media/private/.
# These two ask the database each time, not the memo: files are placed while
# a restriction is being saved, and Wagtail's collection editor moves a
# collection in the tree without a signal that would drop the memo.


def collection_is_restricted(collection: Collection) -> bool:
    """Whether a view restriction sits on the collection or an ancestor."""
    return collection.get_view_restrictions().exists()


def collection_visible_to(collection: Collection, request: HttpRequest | None) -> bool:
    """True when every view restriction on the collection and its ancestors
    accepts the request (``None``: an anonymous reader), the rule Wagtail's
    document serve view applies."""
    if request is None:
        return not collection_is_restricted(collection)
    load_groups(request.user)
    return all(r.accept_request(request) for r in collection.get_view_restrictions())


def anonymous_files(queryset: Files) -> Files:
    """The documents or images of ``queryset`` an anonymous visitor may read:
    none of a restricted collection (by id, as Wagtail's own filter does, so
    the search backend can apply it). Memoised: the API applies it on top of
    Wagtail's own filter, which reads the database each time."""

    def restricted_ids() -> list[int]:
        under = Q()
        for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
            under |= Q(path__startswith=path)
        return list(Collection.objects.filter(under).values_list("pk", flat=True)) if under else []

    closed = memoised("restricted-collection-ids", restricted_ids)
    return queryset.exclude(collection__in=closed) if closed else queryset


def document_visible_to(document: AbstractDocument | None, request: HttpRequest | None) -> bool:
    """True when the request may read the document: a page must not even name
    a document it may not read (``{{ document|document_visible_to:request }}``
    in templates, from ``home_tags``)."""
    return document is not None and collection_visible_to(document.collection, request)


def restricted_collection(name: str, groups: Iterable[str]) -> Collection:
    """The top-level collection ``name``, created if missing, that only the
    ``groups`` may open: its CollectionViewRestriction is set to exactly them,
    so Wagtail's serve view and documents API refuse everyone else."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(Group.objects.filter(name__in=list(groups)))
    return collection
