"""Anonymous page cache: public Wagtail pages served from the shared cache.

wagtail-cache (3.0, the newest) requires ``wagtail<8.0``, so this is a small
cache of our own on Django's cache framework, in its own cache alias
(``GCI_PAGE_CACHE_ALIAS``, ``CACHES["pages"]``: a Redis database of its own
in production, evictable, never the one that holds allauth's rate limits;
see docs/deploy.md).

How it works
------------
* ``PageCacheMiddleware`` (right after whitenoise) looks a request up in
  the cache when it *may* be served from it: GET or HEAD, no session cookie
  (nobody signed in or half-way through signing in), no pending messages, a
  query string made only of known filter parameters and short, and not under
  the admin, API, documents, media or accounts.
* A response is stored only when the Wagtail page behind it said it may be
  (the ``before_serve_page`` hook ``mark_cacheable_page``): the page is one
  an anonymous visitor may read (``gci.home.visibility.anonymous_pages``: no
  view restriction, nothing in the Partners area), it is not a form page, it
  does not opt out with ``page_cache = False``, and it *knows* the query
  string (see "Query strings" below). The response itself must
  be a plain 200 with no cookie, no CSRF token, no ``private``/``no-store``,
  rendered for an anonymous user, outside a preview.
* Keys hold a *generation* number kept in the cache, the scheme, host, path,
  the query (blank values dropped, sorted by name) and language. Publishing,
  unpublishing, moving or deleting a page, or saving or deleting any model of
  our apps (snippets, events, materials, organisations…) or Wagtail's images,
  documents, collections, sites, locales and view restrictions bumps the
  generation: every cached page is then stale at once, in every language, on
  every process that shares the cache. Entries also expire after
  ``GCI_PAGE_CACHE_TIMEOUT`` seconds (pages list "upcoming" events, which
  change with the date).
* Responses carry ``X-GCI-Cache: hit``, ``miss`` (stored now) or ``pass``
  (not cacheable).

Query strings
-------------
Every value of a filter would otherwise make a new entry (``?kind=a1``,
``?kind=a2``…: anyone could fill the cache). So only the page knows which
values mean something: a page type that reads its query string defines

    def cache_key_params(self, request) -> dict[str, str] | None

returning the query it understood, normalised (``{name: value}``, blank
values left out, each value written as the page writes it in its own
links), or ``None`` when something in it is unknown. The response is stored
only when that equals the request's query (``request_query``): a junk, a
repeated or a differently spelled value (``?page=01``) is served, never
stored. A page type without the method reads no query string: any query
means ``pass``. A value the page knows but whose page is empty (``?page=99``)
is a 404, never stored either. ``GCI_PAGE_CACHE_QUERY_PARAMS`` stays a first,
cheap filter on the names, before any page is looked at.

Settings: ``GCI_PAGE_CACHE`` (on by default; ``GCI_PAGE_CACHE=false`` in the
environment turns it off), ``GCI_PAGE_CACHE_TIMEOUT``,
``GCI_PAGE_CACHE_QUERY_PARAMS``, ``GCI_PAGE_CACHE_PURGE_APPS`` and
``GCI_PAGE_CACHE_IGNORED_MODELS``.
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation

logger = logging.getLogger(__name__)

HEADER = "X-GCI-Cache"
GENERATION_KEY = "gci:page-cache:generation"
MAX_QUERY_LENGTH = 256
EXCLUDED_PREFIXES = ("/admin/", "/api/", "/documents/", "/media/", "/static/", "/feeds/")
EXCLUDED_SEGMENTS = ("/accounts/", "/_util/", "/planning/", "/my-organisation/", "/search/")
# A stored page keeps the headers the middleware below this one added (CSP,
# Content-Language, Vary…); SecurityMiddleware, above, adds its own on every hit.
_SKIPPED_HEADERS = {"set-cookie", "content-length"}


def enabled():
    return getattr(settings, "GCI_PAGE_CACHE", True)


def pages_cache():
    """The cache for what may be lost at any time: pages, their generation,
    iCal components (``CACHES[GCI_PAGE_CACHE_ALIAS]``, never the one that
    holds allauth's rate limits)."""
    return caches[getattr(settings, "GCI_PAGE_CACHE_ALIAS", "pages")]


def _new_series():
    # If the counter is lost (evicted, Redis restarted) it restarts from the
    # clock, never from a number whose pages may still be stored.
    return time.time_ns() // 1000


def current_generation():
    cache = pages_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_series(), timeout=None)
        generation = cache.get(GENERATION_KEY) or _new_series()
    return generation


def bump_generation(**kwargs):
    """Make every cached page stale (in every process that shares the cache).

    Inside a transaction it bumps again once the transaction commits: a
    process that rendered (and stored) a page between the first bump and
    the commit saw the data from before the change.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump():
    from .memo import forget

    forget()
    cache = pages_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): start a new series
        cache.add(GENERATION_KEY, _new_series(), timeout=None)
        cache.incr(GENERATION_KEY)


def request_query(request):
    """The query string as the cache reads it: ``{name: value}`` with blank
    values left out (a GET form sends every field, most of them empty), or
    ``None`` when it may not be cached at all: too long, not parsable, a name
    that is no known filter, or a name given twice."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return {}
    if len(query) > MAX_QUERY_LENGTH:
        return None
    allowed = set(getattr(settings, "GCI_PAGE_CACHE_QUERY_PARAMS", ()))
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=False)
    except ValueError:
        return None
    names = [name for name, _value in pairs]
    if len(set(names)) != len(names) or not set(names) <= allowed:
        return None
    return {name: value for name, value in pairs if value != ""}


def page_knows_query(page, request):
    """Whether ``page`` understood every value of the request's query string
    (its ``cache_key_params``, see the module): only then is its answer stored."""
    asked = request_query(request)
    if not asked:
        return asked == {}
    known_query = getattr(page, "cache_key_params", None)
    return known_query is not None and known_query(request) == asked


def may_serve_from_cache(request):
    """Whether this request may be answered from (and its answer stored in) the cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    # Wagtail's previews run the middleware on a dummy request for the page's
    # own URL: they must never be answered with the live page from the cache.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    path = request.path
    if path.startswith(EXCLUDED_PREFIXES) or any(s in path for s in EXCLUDED_SEGMENTS):
        return False
    return request_query(request) is not None


def cache_key(request, generation=None):
    """Generation, scheme, host, path, query (as ``request_query`` reads it)
    and language (every page URL carries its language prefix; the language
    is in the key all the same)."""
    if generation is None:
        generation = current_generation()
    query = urlencode(sorted((request_query(request) or {}).items()))
    parts = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            query,
            translation.get_language_from_path(request.path_info) or "",
        )
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()
    return f"gci:page-cache:{generation}:{digest}"


# The generation this process saw last: a hit then costs one round trip to
# the cache (the counter and the page under the guessed generation, fetched
# together) instead of two. A wrong guess costs a second look, never a stale page.
_last_generation = None


def lookup(request):
    """The cache key of this request and what the cache holds under it (or None)."""
    global _last_generation
    cache = pages_cache()
    guess = _last_generation
    if guess is not None:
        key = cache_key(request, guess)
        found = cache.get_many([GENERATION_KEY, key])
        if found.get(GENERATION_KEY) == guess:
            return key, found.get(key)
    _last_generation = generation = current_generation()
    key = cache_key(request, generation)
    return key, cache.get(key)


def page_allows_cache(page):
    """An anonymous visitor may read the page, and it holds no form."""
    from wagtail.contrib.forms.models import FormMixin
    from wagtail.models import Page

    from gci.home.visibility import anonymous_pages

    if not getattr(page, "page_cache", True) or isinstance(page, FormMixin):
        return False
    return anonymous_pages(Page.objects.filter(pk=page.pk)).exists()


def mark_cacheable_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: let the middleware store this page's response."""
    if (
        getattr(request, "_gci_page_cache_candidate", False)
        and page_allows_cache(page)
        and page_knows_query(page, request)
    ):
        request._gci_page_cacheable = True


def response_is_storable(request, response):
    if not getattr(request, "_gci_page_cacheable", False) or request.method != "GET":
        return False
    if getattr(request, "is_preview", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if response.get("Vary", "").strip() == "*":
        return False
    # A CSRF token was put in the page (a form): it belongs to one visitor.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or b"csrfmiddlewaretoken" in response.content:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "_queued_messages", None))


class PageCacheMiddleware:
    """Serve public pages to anonymous visitors from the shared cache (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not may_serve_from_cache(request):
            response = self.get_response(request)
            response[HEADER] = "pass"
            return response
        try:
            key, stored = lookup(request)
        except DisallowedHost:  # CommonMiddleware answers it
            return self.get_response(request)
        request._gci_page_cache_candidate = True
        cache = pages_cache()
        if stored is not None:
            return self._rebuild(stored)
        response = self.get_response(request)
        if response_is_storable(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS]
            timeout = getattr(settings, "GCI_PAGE_CACHE_TIMEOUT", 300)
            cache.set(key, (response.content, headers), timeout)
            response[HEADER] = "miss"
        else:
            response[HEADER] = "pass"
        return response

    @staticmethod
    def _rebuild(stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response


def _purges(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return False
    label = f"{meta.app_label}.{meta.model_name}"
    if label in {m.lower() for m in getattr(settings, "GCI_PAGE_CACHE_IGNORED_MODELS", ())}:
        return False
    return meta.app_label in getattr(settings, "GCI_PAGE_CACHE_PURGE_APPS", ()) or label in {
        m.lower() for m in getattr(settings, "GCI_PAGE_CACHE_PURGE_MODELS", ())
    }


def _on_model_change(sender, **kwargs):
    if _purges(sender):
        bump_generation()


def _on_m2m_change(sender, instance, action, **kwargs):
    # sender is the through model; a view restriction's groups change
    # through ``restriction.groups``, whose instance is the restriction.
    if action.startswith("post_") and (
        _purges(sender) or _purges(kwargs.get("model")) or _purges(type(instance))
    ):
        bump_generation()


def connect_signals():
    """Purge on publish, unpublish, move and delete of pages, and on any change
    to the models listed in the settings (all of our apps by default)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump_generation, dispatch_uid="gci-page-cache-published")
    page_unpublished.connect(bump_generation, dispatch_uid="gci-page-cache-unpublished")
    post_page_move.connect(bump_generation, dispatch_uid="gci-page-cache-moved")
    post_save.connect(_on_model_change, dispatch_uid="gci-page-cache-saved")
    post_delete.connect(_on_model_change, dispatch_uid="gci-page-cache-deleted")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="gci-page-cache-m2m")
