"""The headless read API: Wagtail API v2 at /api/v2/.

It is the site's public face for programs: every request is treated as an
anonymous visitor (REST_FRAMEWORK has no authentication classes), so a
session cookie never widens what it returns. Wagtail's viewsets already leave
out private pages and documents/images in restricted collections.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
