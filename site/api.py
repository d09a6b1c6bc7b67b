"""The headless read API: Wagtail API v2 at /api/v2/.

It is the site's public face for programs: every request is treated as an
anonymous visitor (REST_FRAMEWORK has no authentication classes), so a
session cookie never widens what it returns. Pages are filtered by
``anonymous_pages`` and images and documents by ``anonymous_files``
(gci.home.visibility), on top of Wagtail's own filters. So its JSON answers
are stored in the anonymous page cache and purged with the pages
(gci.site.page_cache, "The read API").
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import translation
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from gci.home.visibility import anonymous_files, anonymous_pages
from gci.site.page_cache import mark_cacheable_api
from gci.site.search import clean_query

# The largest row offset a database takes (a signed 64-bit integer): past it,
# SQLite answers "datatype mismatch" and PostgreSQL "bigint out of range".
MAX_OFFSET = 2**63 - 1


def _check_offset(params):
    """An ``offset`` past what the database takes is a 400 (it was a 500);
    one that is not a whole number is left to Wagtail, which says so."""
    try:
        offset = int(params.get("offset", 0))
    except ValueError:
        return
    if offset > MAX_OFFSET:
        raise BadRequestError(f"offset must be at most {MAX_OFFSET}")


def _has_nul(params, exempt=()):
    """Whether any value of any parameter (repeated ones too) holds a NUL."""
    return any(
        "\x00" in value for key, values in params.lists() if key not in exempt for value in values
    )


class SafeSearchMixin:
    """Bad search or filter input is a 400 with a reason, never a 500; a
    JSON answer may be stored in the page cache (all three endpoints use this)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        renderer = getattr(response, "accepted_renderer", None)
        mark_cacheable_api(request._request, getattr(renderer, "media_type", None))
        return response

    def listing_view(self, request):
        # PostgreSQL refuses a NUL in any text it is given (`?locale=%00` was a 500).
        # The search words are cleaned by clean_query instead (a NUL is dropped).
        if _has_nul(request.GET, exempt=("search",)):
            raise BadRequestError("invalid filter value: a NUL character")
        _check_offset(request.GET)
        try:
            return super().listing_view(request)
        except (ValidationError, OverflowError, ValueError) as exc:
            raise BadRequestError(f"invalid filter value: {exc}") from exc

    def find_view(self, request):
        # PostgreSQL refuses a NUL in any text it is given (a 500, not a 404).
        if _has_nul(request.GET):
            raise BadRequestError("invalid find value: a NUL character")
        try:
            return super().find_view(request)
        except (ValidationError, OverflowError, ValueError) as exc:
            raise BadRequestError(f"invalid find value: {exc}") from exc

    def check_query_parameters(self, queryset):
        params = self.request._request.GET
        if "search" in params or "search_operator" in params:
            params = params.copy()
            if "search" in params:
                params["search"] = clean_query(params["search"])
            operator = params.get("search_operator")
            if operator is not None and operator not in ("and", "or"):
                raise BadRequestError("search_operator must be 'and' or 'or'")
            self.request._request.GET = params
        return super().check_query_parameters(queryset)


class PublicPagesAPIViewSet(SafeSearchMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, minus the Partners area whatever its
    restrictions say, and minus aliases of closed pages (see gci.home.visibility)."""

    def find_object(self, queryset, request):
        """`?html_path=` takes the public URL, language prefix included
        (/fr/about/): the prefix picks that language's tree."""
        path = request.GET.get("html_path", "")
        components = [component for component in path.split("/") if component]
        if components and components[0] in dict(settings.LANGUAGES):
            site = Site.find_for_request(request)
            if site is None:
                return None
            with translation.override(components[0]):
                root = site.root_page.localized.specific
                try:
                    page, _args, _kwargs = root.route(request, components[1:])
                except Http404:
                    return None
            return page if queryset.filter(id=page.id).exists() else None
        return super().find_object(queryset, request)

    def get_base_queryset(self):
        # Asked up to three times per request (listing, filters, parents);
        # Wagtail's answer runs a query per view restriction each time.
        if getattr(self, "_gci_base_queryset", None) is None:
            self._gci_base_queryset = anonymous_pages(super().get_base_queryset())
        return self._gci_base_queryset.all()

    def get_queryset(self):
        # The serializer names each page's language: one join, not a query per page.
        return super().get_queryset().select_related("locale")


class PublicFilesMixin:
    """Images and documents of public collections only, by the site's rule
    (``anonymous_files``) on top of Wagtail's own filter."""

    def get_queryset(self):
        return anonymous_files(super().get_queryset())


class PublicImagesAPIViewSet(PublicFilesMixin, SafeSearchMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicFilesMixin, SafeSearchMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
