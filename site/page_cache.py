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
  the admin, documents, media or accounts (the read API: see below).
* A response is stored only when the Wagtail page behind it said it may be
  (the ``before_serve_page`` hook ``mark_cacheable_page``): the page is one
  an anonymous visitor may read (``gci.home.visibility.anonymous_pages``: no
  view restriction, nothing in the Partners area), it is not a form page, it
  does not opt out with ``page_cache = False``, and it *knows* the query
  string (see "Query strings" below). The response itself must
  be a plain 200 with no cookie, no CSRF token, no ``private``/``no-store``,
  rendered for an anonymous user, outside a preview.
* Keys hold a *generation* number kept in the cache (``gci.site.memo``
  keeps the counters), the scheme, host, path, the query (blank values
  dropped, sorted by name) and language. What can change a public page bumps
  the generation: every cached page is then stale at once, in every
  language, on every process that shares the cache (and every process's
  memo). Entries also expire after ``GCI_PAGE_CACHE_TIMEOUT`` seconds (pages
  list "upcoming" events, which change with the date).
* Responses carry ``X-GCI-Cache: hit``, ``miss`` (stored now) or ``pass``
  (not cacheable).

The read API
------------
``/api/v2/`` (Wagtail's API, ``gci.site.api``) is served the same way, under
the same generation, so the same changes purge it. Its views answer every
request as an anonymous visitor and list only what one may read; they mark
each JSON answer storable (``mark_cacheable_api``). Never from the cache: a
request with a session cookie (a signed-in client), a browser asking for the
browsable API (``Accept`` naming HTML), ``?search=`` (free text would make
an entry per phrase), ``?order=random``, a parameter outside
``GCI_API_CACHE_QUERY_PARAMS`` or a number not written plainly; an error
(400, 404) is never stored.

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

What purges
-----------
Only what can change a page someone sees (``REACH`` at the end, one table):

* publishing, unpublishing, moving or deleting a page (and saving a page
  that is or was live outside a draft revision, as a script may);
* saving or deleting a model public pages show: every model of our apps by
  default (organisations, events' links, focal-point links and their checks…)
  and Wagtail's images, documents, collections, sites, locales, tags and view
  restrictions.

Not: a draft revision or a lock (``DRAFT_FIELDS``), a page never published
(an event proposal), review comments and rounds, action points, memberships,
logs. The suitcase's materials, seen only in the Partners area, move the
memo's own counter (``MEMO``): the memo reloads, cached pages stay.

Settings: ``GCI_PAGE_CACHE`` (on by default; ``GCI_PAGE_CACHE=false`` in the
environment turns it off), ``GCI_PAGE_CACHE_TIMEOUT`` and
``GCI_PAGE_CACHE_QUERY_PARAMS``.
"""

import contextlib
import contextvars
import hashlib
import logging
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import translation
from wagtail.models import Page

# The counters live with the memo, which follows them; pages_cache and
# current_generation are imported from here too (calendar.ics, tests).
from .memo import GENERATION_KEY, bump, current_generation, pages_cache

logger = logging.getLogger(__name__)

HEADER = "X-GCI-Cache"
MAX_QUERY_LENGTH = 256
# The read API (gci.site.api) is served from the cache too (see "The read API").
API_PREFIX = "/api/v2/"
EXCLUDED_PREFIXES = ("/admin/", "/api/", "/documents/", "/media/", "/static/", "/feeds/")
EXCLUDED_SEGMENTS = (
    "/accounts/",
    "/_util/",
    "/planning/",
    "/my-organisation/",
    "/search/",
    "/evaluation/",
)
# A stored page keeps the headers the middleware below this one added (CSP,
# Content-Language, Vary…); SecurityMiddleware, above, adds its own on every hit.
_SKIPPED_HEADERS = {"set-cookie", "content-length"}


def enabled():
    return getattr(settings, "GCI_PAGE_CACHE", True)


def bump_generation(**kwargs):
    """Make every cached page stale, and every memo (in every process that
    shares the cache; a signal receiver, hence ``**kwargs``)."""
    bump(public=True)


def is_api(request):
    return request.path.startswith(API_PREFIX)


def request_query(request):
    """The query string as the cache reads it: ``{name: value}`` with blank
    values left out (a GET form sends every field, most of them empty), or
    ``None`` when it may not be cached at all: too long, not parsable, a name
    that is no known filter (``GCI_PAGE_CACHE_QUERY_PARAMS``, or
    ``GCI_API_CACHE_QUERY_PARAMS`` for the API), or a name given twice."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return {}
    if len(query) > MAX_QUERY_LENGTH:
        return None
    setting = "GCI_API_CACHE_QUERY_PARAMS" if is_api(request) else "GCI_PAGE_CACHE_QUERY_PARAMS"
    allowed = set(getattr(settings, setting, ()))
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
    if is_api(request):
        return api_query(request) is not None
    if path.startswith(EXCLUDED_PREFIXES) or any(s in path for s in EXCLUDED_SEGMENTS):
        return False
    return request_query(request) is not None


# The query parameters of the API whose values are numbers: stored only when
# written as Python writes the number (``?offset=020`` is served, not stored).
_API_NUMBERS = ("limit", "offset", "id", "child_of", "descendant_of", "ancestor_of")


def api_query(request):
    """The API's query string as the cache reads it (``request_query``), or
    ``None`` when its answer may not be cached: a browser asking for the
    browsable (HTML) API, a random order, a number written otherwise than
    plainly."""
    if "html" in request.META.get("HTTP_ACCEPT", "").lower():
        return None
    query = request_query(request)
    if query is None or query.get("order") == "random":
        return None
    for name in _API_NUMBERS:
        value = query.get(name)
        if value is not None and not (value.isdigit() and str(int(value)) == value):
            return None
    return query


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


def mark_cacheable_api(request, media_type):
    """The read API's views (gci.site.api) call this on every answer: what
    they return is what any anonymous visitor may read (``anonymous_pages``,
    ``anonymous_files``), so a JSON answer may be stored."""
    if getattr(request, "_gci_page_cache_candidate", False) and media_type == "application/json":
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


# What purges
#
# What a save or delete of each model reaches: PAGES (public pages may show
# it: every cached page and every memo are dropped), MEMO (only answers kept
# by gci.site.memo, for the Partners area) or NOTHING. A model of OUR_APPS
# not named in REACH counts as PAGES (a new model is purged until someone
# says otherwise); a model of any other app not named counts as NOTHING.
# A many-to-many change counts as a change of the model that declares the field.

PAGES, MEMO, NOTHING = "pages", "memo", "nothing"

OUR_APPS = ("home", "gci_calendar", "materials", "focal_points", "gci_site")

REACH = {
    # Wagtail's: what public pages show or what decides who may read them.
    # Pages of every type, except a draft revision, a lock (DRAFT_FIELDS) or
    # a page never published (_never_published); publishing, unpublishing
    # and moving send their own signals too.
    "wagtailcore.page": PAGES,
    "wagtailcore.pageviewrestriction": PAGES,
    "wagtailcore.collectionviewrestriction": PAGES,
    "wagtailcore.collection": PAGES,
    "wagtailcore.site": PAGES,
    "wagtailcore.locale": PAGES,
    "wagtailimages.image": PAGES,
    "wagtaildocs.document": PAGES,
    "taggit.tag": PAGES,
    # Not listed, so NOTHING: revisions, workflow states, Wagtail's comments,
    # log entries, renditions, wagtail-localize's sources and string
    # translations (a translation reaches pages when its page is published,
    # or its snippet saved, which purge by themselves).
    #
    # Ours, shown on public pages whatever the default says: the focal-point
    # directory shows each link's last check ("verified 3 May 2026").
    "focal_points.linkcheck": PAGES,
    # Ours, seen only in the Partners area, whose suitcase memoises its counts.
    "materials.material": MEMO,
    "materials.materialversion": MEMO,
    # Ours, shown on no cached page and in no memoised answer: the Partners
    # area's action points (updated all day), who works where, the Guide's
    # review (its comments, assignments and rounds only gate a publish, which
    # purges), feed tokens and the logs of mail sent.
    "gci_calendar.actionpoint": NOTHING,
    "gci_calendar.actionpointupdate": NOTHING,
    "gci_calendar.calendarfeedtoken": NOTHING,
    "gci_calendar.reminderlog": NOTHING,
    "home.membership": NOTHING,
    "home.resourceperson": NOTHING,  # the Partners' roster only (gci.home.network)
    "materials.reviewround": NOTHING,
    "materials.reviewassignment": NOTHING,
    "materials.reviewcomment": NOTHING,
    "materials.reviewevent": NOTHING,
    "materials.reviewreminderlog": NOTHING,
    "materials.guidereviewtask": NOTHING,
    # Ours, on a workshop's public page: its outcome (participants counted,
    # trainers, photos) and its evaluation's averages; every answer moves them.
    "gci_calendar.workshopoutcome": PAGES,
    "gci_calendar.participantcount": PAGES,
    "gci_calendar.workshopphoto": PAGES,
    "gci_calendar.evaluationform": PAGES,
    "gci_calendar.evaluationanswer": PAGES,
}

# A save that writes only these fields keeps what visitors see: a draft
# revision (``save_revision`` writes the page row's draft bookkeeping, and
# ``latest_revision`` for a snippet with revisions) or a lock.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def reach(model):
    """PAGES, MEMO or NOTHING: what a change to ``model`` may change (see REACH)."""
    meta = getattr(model, "_meta", None)
    if meta is None:
        return NOTHING
    if issubclass(model, Page):
        return PAGES
    default = PAGES if meta.app_label in OUR_APPS else NOTHING
    return REACH.get(meta.label_lower, default)


def _never_published(instance):
    """A page never published (a Partner's event proposal, a new page waiting
    for review) is on no page, in no menu and in no memoised answer anyone sees."""
    return isinstance(instance, Page) and not instance.live and instance.first_published_at is None


_held = contextvars.ContextVar("gci_held_purges", default=None)


def purge(what):
    """Bump the counter ``what`` reaches (PAGES: the page cache's and so the
    memo's, MEMO: the memo's only), or hold it until ``one_purge`` ends."""
    held = _held.get()
    if held is not None:
        held.add(what)
    elif what != NOTHING:
        bump(public=what == PAGES)


@contextlib.contextmanager
def one_purge():
    """Purge once at the end of a batch of changes (a link-check run saves a
    row per link), not once per row."""
    held = set()
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        purge(PAGES if PAGES in held else MEMO if MEMO in held else NOTHING)


def _on_save(sender, instance, update_fields=None, **kwargs):
    # Publishing, unpublishing and moving a page send their own signals too.
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    if not _never_published(instance):
        purge(reach(sender))


def _on_delete(sender, **kwargs):
    purge(reach(sender))


def _on_m2m_change(sender, instance, action, reverse, model, **kwargs):
    if not action.startswith("post_"):
        return
    # A view restriction's groups change through ``restriction.groups``, the
    # model that declares the field (or ``group.pageviewrestriction_set``).
    declaring = model if reverse else type(instance)
    if reverse or not _never_published(instance):
        purge(reach(declaring))


def connect_signals():
    """Purge on publish, unpublish and move of pages, and on saves and deletes
    as REACH says."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump_generation, dispatch_uid="gci-page-cache-published")
    page_unpublished.connect(bump_generation, dispatch_uid="gci-page-cache-unpublished")
    post_page_move.connect(bump_generation, dispatch_uid="gci-page-cache-moved")
    post_save.connect(_on_save, dispatch_uid="gci-page-cache-saved")
    post_delete.connect(_on_delete, dispatch_uid="gci-page-cache-deleted")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="gci-page-cache-m2m")
