"""Site-wide views: search, error pages, the login doors that lead to allauth."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.csrf import requires_csrf_token
from django.views.static import serve as static_serve
from wagtail.models import Locale, Page

from gci.home.visibility import visible_pages

SEARCH_PAGE_SIZE = 10


def search(request):
    """Search the live pages of the active language that this visitor may read."""
    query = request.GET.get("q", "").strip()[:200]
    results_page = None
    if query:
        pages = visible_pages(request, Page.objects.filter(locale=Locale.get_active()))
        results = pages.specific().search(query, operator="and")
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage as exc:
            raise Http404 from exc
    response = render(request, "search.html", {"search_query": query, "results": results_page})
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response


def to_allauth_login(request, *args, **kwargs):
    """Wagtail's and Django's own login forms lead here: one login, with MFA and rate limits."""
    url = reverse("account_login")
    next_url = request.GET.get("next")
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return redirect(url)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """A translated 500 page; falls back to plain text if even that fails."""
    try:
        template = loader.get_template(template_name)
        return HttpResponseServerError(template.render({"request_path": request.path}, request))
    except Exception:  # noqa: BLE001 - the error page must not raise
        return HttpResponseServerError(
            "<h1>Server error (500)</h1>", content_type="text/html; charset=utf-8"
        )


def serve_public_media(request, path):
    """Local development only: serve images from MEDIA_ROOT, never documents.

    Documents always go through Wagtail's serve view, which checks the
    collection's privacy; a file under /media/documents/ is a 404 here.
    """
    if not settings.DEBUG or not path.startswith(("images/", "original_images/")):
        raise Http404
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


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
