"""URLs: the admin and the API are language-neutral; every page a visitor reads
carries its language prefix (/en/, /fr/, /es/, /ru/, /ar/, /zh-hans/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from gci.calendar import evaluation as calendar_evaluation
from gci.calendar import views as calendar_views
from gci.home.two_factor import activate_totp_view
from gci.materials.views import suitcase as suitcase_views

from . import private_images, views
from .api import api_router
from .sitemap import MultilingualSitemap

handler404 = "gci.site.views.page_not_found"
handler500 = "gci.site.views.server_error"

urlpatterns = [
    # Wagtail's admin login would skip allauth's MFA and rate limits.
    path("admin/login/", views.to_allauth_login),
    # Wagtail's, then the moved collection's image files are put on the right side.
    path("admin/collections/<int:pk>/", private_images.collection_edit_view()),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document serve view, with download-only, no-store headers for
    # restricted documents (see gci.materials.views.suitcase.serve_document).
    path(
        "documents/<int:document_id>/<str:document_filename>",
        suitcase_views.serve_document,
    ),
    # Shared passwords for collections are disabled: their form is not served
    # (as for pages, below).
    path("documents/authenticate_with_password/<int:restriction_id>/", views.not_found),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    # A Partner's secret planning-calendar feed: no session, the token is the key.
    path("feeds/planning/<str:token>.ics", calendar_views.planning_feed, name="gci_calendar_feed"),
    path("robots.txt", views.robots_txt),
    path("favicon.ico", views.favicon),
    # Files of images in restricted collections, checked on every request
    # (nginx hands /media/private/ to Django: docs/nginx/gci.conf).
    re_path(r"^media/private/(?P<path>.*)$", private_images.serve_private_image),
    re_path(r"^media/(?P<path>.*)$", views.serve_public_media),
]

urlpatterns += i18n_patterns(
    # allauth's, counting the code typed to set it up as this session's second factor.
    path("accounts/2fa/totp/activate/", activate_totp_view),
    path("accounts/", include("allauth.urls")),
    path("search/", views.search, name="search"),
    # A page not (yet) live in this language: where the language switcher leads.
    path("not-available/<int:page_id>/", views.not_translated, name="not_translated"),
    path("planning/contributions/", include("gci.home.contributions.urls")),
    path("planning/resource-persons/", include("gci.home.network.urls")),
    path("planning/enforcement/", include("gci.materials.enforcement_urls")),
    path("planning/reports/", include("gci.home.reporting.urls")),
    path("planning/", include("gci.calendar.urls")),
    path("contributions/", include("gci.home.contributions.public_urls")),
    # A workshop participant's evaluation: no account, the signed link is the key.
    path("evaluation/<str:token>/", calendar_evaluation.evaluation_form, name="evaluation"),
    path("my-organisation/", include("gci.focal_points.urls")),
    path("circulated/", include("gci.home.circulation.urls")),
    # Wagtail's front-end login form: also to allauth.
    path("_util/login/", views.to_allauth_login),
    # Shared passwords for pages are disabled: their form is not served.
    path("_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/", views.not_found),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
