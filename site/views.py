"""Site-wide views: search, error pages, the login doors that lead to allauth."""

import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token
from django.views.static import serve as static_serve
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.models import Page

from gci.home.http import private_response
from gci.home.visibility import collection_is_restricted, visible_pages
from gci.site.memo import active_locale

from .languages import (
    language_name,
    not_available_url,
    page_for_untranslated_path,
    readable_translations,
    translation_state,
)
from .private_images import image_of_file, normalised_media_path
from .search import MAX_QUERY_LENGTH, ChainedResults, describe, search_pages

SEARCH_PAGE_SIZE = 10


def search(request):
    """Search the live pages this visitor may read: those of the active
    language first, then pages of other languages that have no readable
    translation in it (a Guide chapter not yet translated, say)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results_page = None
    described = []
    if query:
        here = active_locale()
        pages = visible_pages(request, Page.objects.all())
        in_language = pages.filter(locale=here)
        elsewhere = pages.exclude(locale=here).exclude(
            translation_key__in=in_language.values("translation_key")
        )
        results = ChainedResults(search_pages(in_language, query), search_pages(elsewhere, query))
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage as exc:
            raise Http404 from exc
        described = [describe(page, query) for page in results_page]
    response = render(
        request,
        "search.html",
        {
            "search_query": query,
            # The query as typed, isolated where it is written into a sentence
            # (Latin words in an Arabic sentence keep their order).
            "search_query_isolated": format_html("<bdi>{}</bdi>", query),
            "results": results_page,
            "described": described,
        },
    )
    return private_response(response) if request.user.is_authenticated else response


def to_allauth_login(request, *args, **kwargs):
    """Wagtail's and Django's own login forms lead here: one login, with MFA and rate limits."""
    url = reverse("account_login")
    next_url = request.GET.get("next")
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return redirect(url)


def not_found(request, *args, **kwargs):
    raise Http404


def not_translated(request, page_id):
    """The page ``page_id`` in the active language, or, where it has no live
    translation in it, the site's chrome in that language with the languages
    the page can be read in.

    Answered with 200 and ``noindex``: the visitor (and the language switcher
    that sent them) did nothing wrong, and a link checker must not report the
    switcher's links as broken; search engines are kept away by ``noindex``
    and by the page's own ``hreflang`` alternates, which never list it.
    A page that does not exist, or that this visitor may not read in any
    language, is a 404 like any unknown address: it names nothing, not even
    that a restricted page exists."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None:
        raise Http404
    available = readable_translations(request, page)
    if not available:
        raise Http404
    here = translation.get_language()
    if here in available:
        return redirect(available[here].get_url(request))
    response = render(
        request,
        "not_translated.html",
        {
            "untranslated_page": page,
            "language_name": language_name(here),
            "language_markup": format_html('<bdi lang="{}">{}</bdi>', here, language_name(here)),
            "translation_state": translation_state(page, here),
            "available": [
                {
                    "code": code,
                    "name": language_name(code),
                    "bidi": code in settings.LANGUAGES_BIDI,
                    "page": p,
                    "url": p.get_url(request),
                }
                for code, p in available.items()
            ],
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return private_response(response) if request.user.is_authenticated else response


def page_not_found(request, exception=None):
    """The 404 page; an address of a page that exists in other languages but
    not (or not live) in this one, such as ``/ar/about/``, leads to the page
    that says so instead."""
    not_found = defaults.page_not_found(request, exception)
    page = page_for_untranslated_path(request, request.path)
    if page is None:
        return not_found
    # A redirect the Secretariat set (or Wagtail made when a page moved)
    # comes first: Wagtail's middleware only looks at 404 answers.
    redirected = RedirectMiddleware(lambda request: not_found).process_response(request, not_found)
    if redirected is not not_found:
        return redirected
    language = request.path.lstrip("/").partition("/")[0]
    return redirect(not_available_url(page, language))


RETRY_AFTER_SECONDS = 5


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """A translated 500 page; falls back to plain text if even that fails.

    While the database cannot be reached (a restart, a failover) the answer
    is a 503 with ``Retry-After`` instead: clients, proxies and crawlers read
    it as "come back in a moment". Django calls this view inside the
    ``except`` block of whatever failed, so the exception is at hand."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return _database_unavailable(request)
    try:
        template = loader.get_template(template_name)
        return HttpResponseServerError(template.render({"request_path": request.path}, request))
    except Exception:  # noqa: BLE001 - the error page must not raise
        return HttpResponseServerError(
            "<h1>Server error (500)</h1>", content_type="text/html; charset=utf-8"
        )


def _database_unavailable(request):
    try:
        body = loader.render_to_string("503.html", {}, request)
    except Exception:  # noqa: BLE001 - the error page must not raise
        body = "<h1>Temporarily unavailable (503)</h1>"
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def serve_public_media(request, path):
    """Local development only (DEBUG, or ``GCI_SERVE_MEDIA`` in the dev
    settings): serve image files from MEDIA_ROOT, never documents.

    Documents always go through Wagtail's serve view, which checks the
    collection's privacy; images of restricted collections through
    ``/media/private/`` (gci.site.private_images), which checks it too. The
    path is normalised first, whatever its spelling (``//``, ``/./``,
    ``x/../``, ``%2e%2e``, backslashes); one that climbs out of MEDIA_ROOT,
    leaves the two image folders or names a restricted image's file is a 404.
    """
    if not (settings.DEBUG or getattr(settings, "GCI_SERVE_MEDIA", False)):
        raise Http404
    name = normalised_media_path(path)
    if name is None:
        raise Http404
    folder, _, rest = name.partition("/")
    if folder not in ("images", "original_images") or not rest:
        raise Http404
    image = image_of_file(name)
    if image is not None and collection_is_restricted(image.collection):
        raise Http404
    return static_serve(request, rest, document_root=Path(settings.MEDIA_ROOT) / folder)


def favicon(request):
    return redirect(staticfiles_storage.url("img/favicon.svg"), permanent=True)


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /*/accounts/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
