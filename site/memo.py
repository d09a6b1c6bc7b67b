"""What every request asks and editors rarely change, kept in each process,
and the shared generation counters that say when it changed.

Every page asks the same questions before it shows anything: which locale is
active, where the Partners areas are, which view restrictions exist, what
the main menu holds in this language, which organisations the partnership
has. Their answers change only when someone saves content. Two counters in
the shared, evictable cache (``pages_cache()``) say so to every process:

* the *public* generation (``GENERATION_KEY``) moves when something public
  pages show changed (a page published, a restriction, an organisation…);
  the anonymous page cache (``gci.site.page_cache``) keys its pages by it;
* the *memo* generation (``MEMO_GENERATION_KEY``) moves when only answers
  kept here changed (the suitcase's materials, seen in the Partners area).

The memo follows both (read together, one round trip); the page cache only
the first. What moves which counter is decided in ``gci.site.page_cache``
(``REACH``); this module depends on nothing of it.

* ``memoised(key, compute)`` returns the stored answer or computes it.
  ``compute`` must return something that no caller changes afterwards
  (lists of model instances are fine; per-request decisions are not: the
  visitor's rights are applied by the caller to what is stored here).
* The generations are read once per request (``MemoMiddleware``) and on each
  call outside requests (management commands, the shell).
* A bump in this process drops the answers at once; answers are also
  dropped after ``MAX_AGE`` seconds, for changes made without signals (raw
  SQL, ``QuerySet.update``), and when more than ``MAX_ENTRIES`` are kept.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import translation

if TYPE_CHECKING:
    from django.core.cache.backends.base import BaseCache
    from django.db.models import Model, QuerySet
    from django.http import HttpRequest, HttpResponse
    from wagtail.models import Locale, Page

T = TypeVar("T")
Generations = tuple[int, int | None]

MAX_AGE = 60
MAX_ENTRIES = 5000

GENERATION_KEY = "gci:page-cache:generation"
MEMO_GENERATION_KEY = "gci:memo:generation"

_request_generation: contextvars.ContextVar[Generations | None] = contextvars.ContextVar(
    "gci_memo_generation", default=None
)
_lock = threading.Lock()


class _Store:
    def __init__(self, generation: Generations | None) -> None:
        self.generation = generation
        self.born = time.monotonic()
        self.values: dict[Hashable, Any] = {}


_store = _Store(None)


# The shared counters


def pages_cache() -> BaseCache:
    """The cache for what may be lost at any time: pages, the generation
    counters, iCal components (``CACHES[GCI_PAGE_CACHE_ALIAS]``, never the one
    that holds allauth's rate limits)."""
    return caches[getattr(settings, "GCI_PAGE_CACHE_ALIAS", "pages")]


def _new_series() -> int:
    # If a counter is lost (evicted, Redis restarted) it restarts from the
    # clock, never from a number whose pages may still be stored.
    return time.time_ns() // 1000


def current_generation() -> int:
    """The public generation (the page cache's), started if missing."""
    cache = pages_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_series(), timeout=None)
        generation = cache.get(GENERATION_KEY) or _new_series()
    return generation


def memo_generation() -> Generations:
    """Both generations, read in one round trip: the memo follows them both."""
    found = pages_cache().get_many([GENERATION_KEY, MEMO_GENERATION_KEY])
    public = found.get(GENERATION_KEY)
    if public is None:
        public = current_generation()
    return (public, found.get(MEMO_GENERATION_KEY))


def _incr(key: str) -> None:
    cache = pages_cache()
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): start a new series
        cache.add(key, _new_series(), timeout=None)
        cache.incr(key)


def bump_counter(key: str) -> None:
    """Move a counter of the shared cache other than the two above (a feature
    that keys what it stores by it), started from the clock if missing."""
    _incr(key)


def bump(public: bool = True) -> None:
    """Say that content changed, in every process that shares the cache:
    ``public`` moves the public generation (every cached page is stale, and
    every memo), otherwise only the memo's.

    Inside a transaction it bumps again once the transaction commits: a
    process that rendered (and stored) something between the first bump and
    the commit saw the data from before the change.
    """
    key = GENERATION_KEY if public else MEMO_GENERATION_KEY

    def now() -> None:
        forget()
        _incr(key)

    now()
    transaction.on_commit(now)


# The memo


def _generation() -> Generations:
    generation = _request_generation.get()
    return generation if generation is not None else memo_generation()


def memoised(key: Hashable, compute: Callable[[], T]) -> T:
    """The answer stored under ``key`` for the current generation, computed once."""
    global _store
    generation = _generation()
    store = _store
    if (
        store.generation != generation
        or time.monotonic() - store.born > MAX_AGE
        or len(store.values) >= MAX_ENTRIES
    ):
        with _lock:
            store = _store = _Store(generation)
    try:
        return store.values[key]
    except KeyError:
        value = store.values[key] = compute()
        return value


def forget() -> None:
    """Drop every answer (a generation was bumped in this process; tests)."""
    global _store
    with _lock:
        _store = _Store(None)
    _request_generation.set(None)


class MemoMiddleware:
    """Reads the generations once for the whole request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_generation.set(memo_generation())
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


# Locales: Wagtail's active_locale()/get_default() query every time.


def _locales() -> dict[str, Locale]:
    from wagtail.models import Locale

    return memoised(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def locale_for(language_code: str) -> Locale | None:
    """The Locale of a content language (``None`` when it has none)."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locales().get(code)


def default_locale() -> Locale:
    """Like ``Locale.get_default()``, without a query."""
    from wagtail.models import Locale

    locale = locale_for(settings.LANGUAGE_CODE)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {settings.LANGUAGE_CODE!r}")
    return locale


def active_locale() -> Locale:
    """Like ``Locale.get_active()`` (the default locale when the active
    language has none), without a query."""
    return locale_for(translation.get_language() or settings.LANGUAGE_CODE) or default_locale()


def live_page_for_language(model: type[Page]) -> Page | None:
    """The first live ``model`` page in the active language, else in the
    default one (the Partners area, the suitcase…), memoised; or ``None``."""
    active, default = active_locale(), default_locale()

    def find() -> Page | None:
        for locale in (active, default):
            page = model.objects.live().filter(locale=locale).first()
            if page is not None:
                return page
        return None

    return memoised(("live-page", model._meta.label, active.pk), find)


def memoised_query(
    name: str, queryset: QuerySet[Model], evaluate: Callable[[QuerySet[Model]], Any] = list
) -> Any:
    """``evaluate(queryset)`` memoised under the query's SQL and parameters
    (they hold everything the answer depends on: language, filters, the
    subtrees a visitor may not see)."""
    from django.core.exceptions import EmptyResultSet

    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing: no query at all
        return evaluate(queryset)
    return memoised((name, sql, repr(params)), lambda: evaluate(queryset))
